#!/bin/bash
# Re-create the TIME_WAIT goldens of this directory: what ss and netstat print
# once curl has closed a connection to an HTTP/1.1 server (the client closes
# first, so its side stays TIME_WAIT for 60 s), captured in a throwaway namespace.
#
#   sudo ./capture-time-wait.sh     # needs iproute2 net-tools curl python3 tcpdump
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-time-wait
mkdir -p "$TMP"
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
DEB="Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME")), Linux $(uname -r)"

# capture NAME PACKAGE NOTE -- COMMAND...: runs COMMAND in the current namespaces, writes NAME.txt.
capture() {
  local name=$1 package=$2 note=$3; shift 4
  "$@" >"$TMP/out" 2>"$TMP/err"; local code=$?
  {
    echo "# source: captured with $package $(pkgver "$package") on $DEB"
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
  cd "$here" && exec unshare --net --pid --fork --mount-proc ./capture-time-wait.sh inside
fi

ip link set lo up
python3 "$here/http11-server.py" 8080 &
sleep 1
tcpdump -i lo -nn -l 'tcp port 8080' >"$TMP/tcpdump" 2>/dev/null &
sleep 1
curl -s -o /dev/null http://127.0.0.1:8080/
sleep 0.5
kill -INT %2
sleep 0.5
{
  echo "# source: captured with tcpdump $(pkgver tcpdump) on $DEB"
  echo "# command: tcpdump -i lo -nn -l 'tcp port 8080', during curl -s -o /dev/null http://127.0.0.1:8080/"
  echo "# note: the server is http11-server.py (HTTP/1.1, keep-alive): curl sends the first FIN"
  echo "# ---"
  cut -d' ' -f2- "$TMP/tcpdump"
} >"$here/tcpdump-curl-close.txt"

capture ss-tan-time-wait iproute2 'iproute2 6.1 prints an empty Process column without -p (>= 6.8 does not)' -- ss -tan
capture ss-tano-time-wait iproute2 'the timer is the last field of the last line' -- ss -tano
capture ss-t-state-time-wait iproute2 'one state asked for: no State column; without -n, service names' -- ss -t state time-wait
capture netstat-tan-time-wait net-tools '' -- netstat -tan
capture netstat-tano-time-wait net-tools '' -- netstat -tano
capture netstat-tn-time-wait net-tools 'without -a or -l: connections only' -- netstat -tn
