#!/bin/bash
# Re-create the `ip rule` goldens of this directory: the rules a new network
# namespace starts with, as every container and the host have them.
#
#   sudo ./capture-ip-rule.sh     # needs iproute2 util-linux
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-ip-rule
mkdir -p "$TMP"
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
DEB="Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME")), Linux $(uname -r)"

capture() {
  local name=$1 note=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"; local code=$?
  {
    echo "# source: captured with iproute2 $(pkgver iproute2) on $DEB"
    echo "# command: $*"
    [ -n "$note" ] && echo "# note: $note"
    echo "# exit code: $code"
    echo "# stdout: $(wc -c <"$TMP/out") bytes; stderr: $(wc -c <"$TMP/err") bytes"
    echo "# ---"
    cat "$TMP/out"
    if [ -s "$TMP/err" ]; then echo "# --- stderr"; cat "$TMP/err"; fi
  } >"$here/$name.txt"
  echo "$name: exit $code"
}

if [ "${1:-}" != inside ]; then
  cd "$here" && exec unshare --net ./capture-ip-rule.sh inside
fi

ip link set lo up
user() { setpriv --reuid 1000 --regid 1000 --clear-groups "$@"; }
capture ip-rule 'the rules of a new namespace' -- user ip rule
capture ip-rule-6 '' -- user ip -6 rule show
capture ip-rule-unknown '' -- user ip rule foo
