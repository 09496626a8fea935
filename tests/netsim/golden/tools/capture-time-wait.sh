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
. "$here/capture-lib.sh"

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

PACKAGE=iproute2 capture ss-tan-time-wait 'iproute2 6.1 prints an empty Process column without -p (>= 6.8 does not)' -- ss -tan
PACKAGE=iproute2 capture ss-tano-time-wait 'the timer is the last field of the last line' -- ss -tano
PACKAGE=iproute2 capture ss-t-state-time-wait 'one state asked for: no State column; without -n, service names' -- ss -t state time-wait
PACKAGE=net-tools capture netstat-tan-time-wait '' -- netstat -tan
PACKAGE=net-tools capture netstat-tano-time-wait '' -- netstat -tano
PACKAGE=net-tools capture netstat-tn-time-wait 'without -a or -l: connections only' -- netstat -tn
