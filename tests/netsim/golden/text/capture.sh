#!/bin/bash
# Re-create the golden files of this directory: what GNU's text tools (coreutils,
# sed, mawk, findutils' xargs, bsdextrautils' column and rev, less, util-linux's
# more, ncurses' clear) and BusyBox's applets print for the lines learners pipe
# docker's output into. Each case runs in a scratch directory holding the
# fixtures of this directory (ps.txt, names.txt, passwd.txt, counts.txt), with
# stdin from /dev/null and no terminal.
#
#   ./capture.sh                  # the tools installed here: coreutils sed mawk findutils bsdextrautils less util-linux ncurses-bin busybox
#
# GNU_BIN names a directory of programs to put first on PATH, BUSYBOX the
# command that runs BusyBox (`$BUSYBOX tr ...` runs its tr applet), DEBS a
# directory of the .deb files they come from (for the versions in the headers)
# and SYSTEM what the header says they ran on; the goldens here came from
# Debian 13's packages, each run with Debian 13's own glibc.
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
BUSYBOX=${BUSYBOX:-busybox}
SYSTEM=${SYSTEM:-"Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME"))"}
pkgver() {
  if [ -n "${DEBS:-}" ]; then dpkg-deb -f "$(ls "$DEBS/$1"_*.deb | head -1)" Version; else dpkg-query -W -f='${Version}' "$1"; fi
}

# BusyBox's applets by their names, as `busybox --install` links them.
mkdir -p "$TMP/busybox-bin"
for applet in tr uniq sort xargs sed awk tee clear timeout less more rev nl basename dirname echo cat sleep head; do
  printf '#!/bin/sh\nexec %s %s "$@"\n' "$BUSYBOX" "$applet" >"$TMP/busybox-bin/$applet"
  chmod +x "$TMP/busybox-bin/$applet"
done

# capture NAME PACKAGE COMMAND: runs COMMAND with bash in a copy of the fixtures, writes NAME.txt.
capture() {
  local name=$1 package=$2 command=$3 path=$PATH
  if [ "$package" = busybox ]; then path=$TMP/busybox-bin:$PATH; elif [ -n "${GNU_BIN:-}" ]; then path=$GNU_BIN:$PATH; fi
  rm -rf "$TMP/work" && mkdir "$TMP/work" && cp "$here"/{ps,names,passwd,counts}.txt "$TMP/work/"
  (cd "$TMP/work" && env -i PATH="$path" LANG=C.UTF-8 TERM=xterm-256color bash -c "$command" </dev/null >"$TMP/out" 2>"$TMP/err"); local code=$?
  {
    echo "# source: captured with $package $(pkgver "$package") ($SYSTEM), LANG=C.UTF-8, TERM=xterm-256color"
    echo "# command: $command"
    echo "# exit code: $code"
    echo "# stdout: $(wc -c <"$TMP/out") bytes; stderr: $(wc -c <"$TMP/err") bytes"
    echo "# ---"
    cat "$TMP/out"
    if [ -s "$TMP/err" ]; then echo "# --- stderr"; cat "$TMP/err"; fi
  } >"$here/$name.txt"
  echo "$name: exit $code"
}

# Both: the same line through GNU's tool (gnu-NAME) and BusyBox's applet (busybox-NAME).
both() { capture "gnu-$1" "$2" "$3"; capture "busybox-$1" busybox "$3"; }

both tr-upper coreutils 'tr a-z A-Z < names.txt'
both tr-classes coreutils "tr '[:lower:]' '[:upper:]' < names.txt"
both tr-delete coreutils "tr -d '0-9' < ps.txt"
both tr-squeeze coreutils "tr -s ' ' < ps.txt"
both tr-squeeze-translate coreutils "tr -s ' ' '\\t' < ps.txt | cut -f1,2"
both tr-complement coreutils "tr -cd 'a-z\\n' < names.txt"
both tr-newlines coreutils "tr '\\n' ' ' < names.txt"
both tr-short-set2 coreutils 'tr abc x < names.txt'
both tr-missing-operand coreutils 'tr'
both tr-missing-set2 coreutils 'tr a-z'
both tr-unknown-option coreutils 'tr -x a b'
both uniq coreutils 'uniq names.txt'
both uniq-count coreutils 'sort names.txt | uniq -c'
both uniq-repeated coreutils 'uniq -d names.txt'
both uniq-unique coreutils 'uniq -u names.txt'
both uniq-unknown-option coreutils 'uniq -z names.txt; uniq --bogus'
both sort-numeric-reverse coreutils 'sort -rn counts.txt'
both sort-key-separator coreutils "sort -t: -k3 -n passwd.txt"
both sort-unique coreutils 'sort -u names.txt'
both xargs-echo findutils 'xargs echo < names.txt'
both xargs-n coreutils 'xargs -n 2 echo < names.txt'
both xargs-replace findutils "xargs -I {} echo 'name: {}' < names.txt"
both xargs-empty findutils 'xargs echo hi < /dev/null'
both xargs-not-found findutils 'xargs nosuchcommand < names.txt; echo status $?'
both xargs-failing findutils 'xargs false < names.txt; echo status $?'
both xargs-unknown-option findutils 'xargs -y echo'
both sed-substitute sed 'sed s/tcp/TCP/g ps.txt'
both sed-print-line sed "sed -n 2p ps.txt"
both sed-delete-first sed "sed 1d ps.txt"
both sed-range-delete sed "sed '2,3d' ps.txt"
both sed-last-line sed "sed -n '\$p' ps.txt"
both sed-regex-address sed "sed -n '/Up/p' ps.txt"
both sed-delete-regex sed "sed '/^CONTAINER/d' ps.txt"
both sed-extended sed "sed -E 's/([0-9]+)\\/tcp/port \\1/g' ps.txt"
both sed-basic-group sed "sed 's/\\([a-z]*\\):\\([0-9]*\\)/\\2 of \\1/' ps.txt"
both sed-expressions sed "sed -e 's/web/www/' -e 's/cache/redis/' names.txt"
both sed-squeeze sed "sed 's/  */ /g' ps.txt"
both sed-ampersand sed "sed 's/[a-z]*/<&>/' names.txt"
both sed-in-place sed "sed -i 's/db/database/' names.txt && cat names.txt"
both sed-unterminated sed "sed 's/a/b' names.txt"
both sed-unknown-command sed "sed foo names.txt"
both sed-unknown-option sed "sed -x p names.txt"
both sed-no-script sed "sed"
both awk-print-first mawk "awk '{print \$1}' ps.txt"
both awk-separator mawk "awk -F: '{print \$1, \$7}' passwd.txt"
both awk-nr mawk "awk 'NR > 1 {print \$NF}' ps.txt"
both awk-regex mawk "awk '/Up/ {print \$1, \$2}' ps.txt"
both awk-equals mawk "awk '\$2 == \"redis:7\" {print \$1}' ps.txt"
both awk-printf mawk "awk 'NR > 1 {printf \"%-8s %s\\n\", \$NF, \$2}' ps.txt"
both awk-count mawk "awk 'BEGIN {n = 0} /Up/ {n++} END {print n \" running\"}' ps.txt"
both awk-sum mawk "awk '{s += \$1} END {print s, NR}' counts.txt"
both awk-nf mawk "awk '{print NF}' ps.txt"
both awk-variable mawk "awk -v name=web '\$NF == name {print \$1}' ps.txt"
both awk-ofs mawk "awk -F: -v OFS=- '{print \$1, \$3}' passwd.txt"
both awk-begin-only mawk "awk 'BEGIN {print \"hello\"}'"
both awk-syntax-error mawk "awk '{print \$1' ps.txt"
both awk-unknown-option mawk "awk -x '{print}' ps.txt"
both awk-no-program mawk "awk"
both awk-missing-file mawk "awk '{print}' nosuchfile"
both rev util-linux 'rev names.txt'
both nl coreutils 'nl names.txt'
both basename coreutils 'basename /usr/bin/docker; basename /etc/nginx/nginx.conf .conf; basename'
both dirname coreutils 'dirname /usr/bin/docker; dirname docker; dirname'
both clear ncurses-bin 'clear'
both timeout coreutils 'timeout 1 sleep 3; echo status $?'
both timeout-finishes coreutils 'timeout 5 echo hi; echo status $?'
both timeout-missing coreutils 'timeout; timeout 5'
both less-pipe less 'less names.txt | cat'
both more-pipe util-linux 'more names.txt | cat'
capture gnu-column-t bsdextrautils 'column -t passwd.txt; column -t -s: passwd.txt'
capture gnu-column-t-ps bsdextrautils 'column -t ps.txt'
capture gnu-column-unknown bsdextrautils 'column -q'
capture gnu-more-two-files util-linux 'more names.txt counts.txt | cat'
capture gnu-less-two-files less 'less names.txt counts.txt | cat'
rm -rf "$TMP"
