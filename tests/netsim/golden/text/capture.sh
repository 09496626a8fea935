#!/bin/bash
# Re-create the golden files of this directory: what GNU's text tools (coreutils,
# sed, mawk, findutils' xargs, bsdextrautils' column and rev, less, util-linux's
# more, ncurses' clear, procps' watch) and BusyBox's applets print for the lines learners pipe
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
for applet in tr uniq sort xargs sed awk tee clear timeout less more rev nl basename dirname echo cat sleep head watch; do
  printf '#!/bin/sh\nexec %s %s "$@"\n' "$BUSYBOX" "$applet" >"$TMP/busybox-bin/$applet"
  chmod +x "$TMP/busybox-bin/$applet"
done

# capture NAME PACKAGE COMMAND: runs COMMAND with bash in a copy of the fixtures, writes NAME.txt.
capture() {
  local name=$1 package=$2 command=$3 path=$PATH
  if [ "$package" = busybox ]; then path=$TMP/busybox-bin:$PATH; elif [ -n "${GNU_BIN:-}" ]; then path=$GNU_BIN:$PATH; fi
  rm -rf "$TMP/fixtures" && mkdir "$TMP/fixtures" && cp "$here"/{ps,names,passwd,counts}.txt "$TMP/fixtures/"
  (cd "$TMP/fixtures" && env -i PATH="$path" LANG=C.UTF-8 TERM=xterm-256color bash -c "$command" </dev/null >"$TMP/out" 2>"$TMP/err"); local code=$?
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
# Beyond the everyday lines: more of each tool, and the errors.
both tr-delete-newlines coreutils "tr -d '\\n' < names.txt"
both tr-squeeze-newlines coreutils "printf 'a\\n\\n\\nb\\n' | tr -s '\\n'"
both tr-extra-operand coreutils 'tr -d a b < names.txt'
both tr-reverse-range coreutils 'tr z-a x < names.txt'
both uniq-ignore-case coreutils "printf 'Web\\nweb\\nDB\\n' | uniq -i -c"
both uniq-missing-file coreutils 'uniq nosuch'
both xargs-verbose findutils 'xargs -t -n 3 echo < names.txt'
both xargs-quotes findutils "echo \"a 'b c' d\\\\ e\" | xargs -n 1 echo"
both xargs-unmatched-quote findutils "echo \"a 'b\" | xargs echo"
both xargs-null findutils "printf 'a b\\0c\\0' | xargs -0 -n 1 echo"
both xargs-no-run-if-empty findutils 'xargs -r echo hi < /dev/null; echo status $?'
both sed-missing-file sed 'sed p nosuch; echo status $?'
both sed-in-place-no-files sed 'sed -i s/a/b/; echo status $?'
both sed-bad-s-option sed "sed 's/a/b/x' names.txt"
both sed-missing-command sed 'sed 1 names.txt'
both sed-unterminated-address sed "sed '/foo' names.txt"
both sed-hold sed "sed -n '1!G;h;\$p' names.txt"
both sed-insert-append-change sed "sed -e '1i first' -e '\$a last' -e '3c changed' names.txt"
both sed-line-count sed "sed -n '\$=' ps.txt"
both sed-quit sed 'sed 2q ps.txt'
both sed-nth-match sed "sed 's/[0-9]/#/2' counts.txt"
both sed-next-line sed "sed 'N;s/\\n/,/' names.txt"
both sed-regex-range sed "sed -n '/cache/,/db/p' names.txt"
both sed-step sed "sed -n '1~3p' names.txt"
both sed-ignore-case sed "sed -n '/WEB/Ip' names.txt"
both sed-separate sed "sed -n '\$p' names.txt counts.txt; sed -s -n '\$p' names.txt counts.txt"
both sed-join-lines sed "sed ':a;N;\$!ba;s/\\n/ /g' names.txt"
both sed-no-final-newline sed "printf 'a\\nb' | sed p"
both sed-negated sed "sed -n '/db/!p' names.txt"
both sed-delimiter sed "sed 's|/tcp|/udp|g' ps.txt"
both sed-y sed "sed 'y/abc/xyz/' names.txt"
capture gnu-sed-errors sed "sed 'p x' names.txt; sed '{p' names.txt; sed 'p}' names.txt; sed 'y/ab/x/' names.txt; sed a names.txt; sed -e p -e k names.txt; sed 's/\\(a/b/' names.txt; sed 's/a/\\1/' names.txt"
capture gnu-sed-case sed "sed 's/.*/\\U&/; s/^\\(.\\)\\(.*\\)/\\1\\L\\2/' names.txt"
both awk-builtins mawk "awk 'BEGIN {print substr(\"hello\",2,3), length(\"abc\"), index(\"abc\",\"c\"), toupper(\"x\"), tolower(\"ABC\"), int(-2.7), length()}'"
both awk-printf-formats mawk "awk 'BEGIN{printf \"%5.2f|%-5d|%05d|%x|%X|%o|%c|%c|%s|%10s|%-10s|%.2s|%e|%g|%g|%G|%i|%%\\n\", 3.14159, 42, 7, 255, 255, 8, 65, \"hi\", \"s\", \"right\", \"left\", \"abc\", 12345.678, 0.0001234, 1e10, 1e-10, 3.9}'"
both awk-numbers mawk "awk 'BEGIN{print 1e6, 1e16, 0.1+0.2, 100000*100000, 1/3, 7%3, -7/2, 017, 1e300*10, \"3x\"+1, -0}'"
both awk-substr mawk "awk 'BEGIN{print substr(\"hello\",0) \"|\" substr(\"hello\",0,2) \"|\" substr(\"hello\",2) \"|\" substr(\"hello\",1.5,2) \"|\" substr(\"hello\",4,10) \"|\" substr(\"hello\",9)}'"
both awk-split-gsub mawk "awk 'BEGIN{ s=\"a.b.c\"; n=split(s, a, \".\"); print n, a[1], a[3]; gsub(/\\./, \"-\", s); print s; t=\"aaa\"; print sub(/a/, \"[&]\", t), t; u=\"x\"; gsub(/x/, \"\\\\&\", u); print u; print match(\"foobar\", /o+/), RSTART, RLENGTH }'"
both awk-field-assign mawk "awk '{ \$2 = \"X\"; print; print NF; \$5 = \"E\"; print; NF = 2; print }' counts.txt"
both awk-for-in-count mawk "awk '{c[\$1]++} END {for (k in c) print k, c[k]}' names.txt"
both awk-for-in-order mawk "awk 'BEGIN{x[\"a\"];x[\"b\"];x[\"c\"];x[1];x[2];x[10]; for(k in x) printf \"%s \", k; print \"\"}'"
both awk-length-bytes mawk "awk '{print length(\$0), length(\$3)}' ps.txt"
both awk-compare mawk "awk 'BEGIN { print 1==1.0, \"a\"<\"b\", \"10\"<\"9\", 10<9, x==0, x==\"\" } \$1 > 5' counts.txt"
both awk-function mawk "awk 'function twice(n) { return n * 2 } function fill(arr) { arr[\"k\"] = 1 } BEGIN { print twice(21); fill(a); print length(a) }'"
both awk-getline mawk "awk 'NR == 1 { getline; print \"after getline:\", \$0; getline line; print \"into var:\", line, NR }' names.txt"
both awk-control mawk "awk 'BEGIN { for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; printf \"%d \", i }; while (j < 3) j++; do k++; while (k < 3); print j, k; exit 3 } END { print \"end\" }'; echo status \$?"
both awk-next-range mawk "awk '/cache/,/db/ { print NR \": \" \$0; next } { print \"other\" }' names.txt"
both awk-ternary-in mawk "awk '{ seen[\$1] = 1 } END { print (\"web\" in seen) ? \"yes\" : \"no\", (\"x\" in seen) ? \"yes\" : \"no\"; delete seen[\"web\"]; print (\"web\" in seen) }' names.txt"
both awk-redirect mawk "awk '{ print \$1 > \"out.txt\" } END { close(\"out.txt\"); while ((getline line < \"out.txt\") > 0) n++; print n }' names.txt; cat out.txt"
both awk-pipe-output mawk "awk '{ print \$1 | \"sort -u\" }' names.txt"
both awk-system mawk "awk 'BEGIN { printf \"before \"; system(\"echo from system\"); print \"after\" }'"
both awk-docker-ps mawk "awk 'NR > 1 && \$NF ~ /^c/ { print \$1 }' ps.txt; awk -F'  +' 'NR > 1 { print \$NF \": \" \$5 }' ps.txt"
both awk-assignment-operand mawk "awk '{ print x, \$0 }' x=1 counts.txt x=2 names.txt | head -5"
both awk-syntax-unexpected mawk "awk '{print \$1 +}' names.txt"
both awk-missing-paren mawk "awk 'BEGIN{foo(}'"
both awk-too-few-arguments mawk "awk 'BEGIN{print index(\"abc\")}'"
both awk-undefined-function mawk "awk 'BEGIN { nosuch(1) }'"
both awk-division-by-zero mawk "awk 'BEGIN { x = 1 / 0; print \"after\" }'; echo status \$?"
capture gnu-awk-printf-missing-argument mawk "awk 'BEGIN{printf \"%d %s\\n\", 1}'"
capture gnu-mawk-name mawk "mawk -x; mawk '{print \$1'"
both rev-missing-file util-linux 'rev nosuch; rev -x'
both nl-blank-lines coreutils "printf 'a\\n\\nb\\n' | nl; printf 'a\\n\\nb\\n' | nl -ba; nl nosuch; nl -x"
both basename-extra coreutils 'basename a b c; basename -s .txt a.txt b.txt; basename /; basename a/b/'
both dirname-more coreutils 'dirname a b; dirname /; dirname /usr/; dirname a//b//'
both timeout-errors coreutils 'timeout 2 nosuch; echo status $?; timeout x sleep 1; echo status $?; timeout -y 1 true; echo status $?'
both less-missing-file less 'less nosuch | cat; echo status $?'
both more-missing-file util-linux 'more nosuch | cat; echo status $?'
capture gnu-column-separators bsdextrautils "printf 'a:b\\n\\nccc:d\\n' | column -t -s:; column -t -s: -o ' | ' passwd.txt"
capture gnu-watch-no-command procps 'watch'
capture gnu-watch-unknown-option procps 'watch -z'
capture busybox-watch-no-command busybox 'watch'
capture gnu-column-missing bsdextrautils 'column -t nosuch; echo status $?'
rm -rf "$TMP"
