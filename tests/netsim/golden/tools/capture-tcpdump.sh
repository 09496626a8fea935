#!/bin/bash
# Re-create the tcpdump goldens of this directory (-D, -A, -v/-vv, -w and -r) on a small copy of
# the course's host: a namespace with docker0 (172.17.0.1/16), a container's namespace on it
# (eth0 172.17.0.2, an HTTP/1.1 server on port 80) and eth0 towards a LAN namespace. tcpdump,
# curl and ping are Debian 13's, run from a trixie chroot inside the namespaces:
#
#   sudo debootstrap --variant=minbase --include=tcpdump,curl,iputils-ping trixie ROOT
#   sudo ./capture-tcpdump.sh ROOT      # needs iproute2 python3 on the machine itself
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$1" && pwd)
TMP=$ROOT/tmp/netsim-tcpdump
mkdir -p "$TMP"
pkgver() { chroot "$ROOT" dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
DEB="Debian $(cat "$ROOT/etc/debian_version") ($(. "$ROOT/etc/os-release"; echo "$VERSION_CODENAME")), Linux $(uname -r)"
H="ip netns exec nshost chroot $ROOT"

cleanup() { ip netns del nshost 2>/dev/null; ip netns del nsweb 2>/dev/null; ip netns del nslan 2>/dev/null; }
cleanup
ip netns add nshost; ip netns add nsweb; ip netns add nslan
ip -n nshost link set lo up
ip -n nshost link add eth0 type veth peer name eth0 netns nslan
ip -n nshost addr add 192.168.1.10/24 dev eth0; ip -n nshost link set eth0 up
ip -n nslan addr add 192.168.1.20/24 dev eth0; ip -n nslan link set eth0 up; ip -n nslan link set lo up
ip -n nshost link add docker0 type bridge; ip -n nshost addr add 172.17.0.1/16 dev docker0; ip -n nshost link set docker0 up
ip -n nshost link add veth1a2b3c4 type veth peer name eth0 netns nsweb
ip -n nshost link set veth1a2b3c4 master docker0 up
ip -n nsweb addr add 172.17.0.2/16 dev eth0; ip -n nsweb link set eth0 up; ip -n nsweb link set lo up
ip -n nsweb route add default via 172.17.0.1
ip netns exec nsweb /usr/bin/python3 "$here/http11-server.py" 80 &
server=$!
sleep 1

# capture NAME NOTE -- COMMAND...: runs COMMAND in nshost (from the chroot), writes NAME.txt with its header.
capture() {
  local name=$1 note=$2; shift 3
  $H "$@" >"$TMP/out" 2>"$TMP/err"; local code=$?
  header "$name" "$note" "$*" "$code"
}
header() {
  {
    echo "# source: captured with tcpdump $(pkgver tcpdump) (libpcap $(pkgver libpcap0.8t64)) on $DEB"
    echo "# command: $3"
    [ -n "$2" ] && echo "# note: $2"
    echo "# exit code: $4"
    echo "# stdout: $(wc -c <"$TMP/out") bytes; stderr: $(wc -c <"$TMP/err") bytes"
    echo "# ---"
    cat "$TMP/out"
    if [ -s "$TMP/err" ]; then echo "# --- stderr"; cat "$TMP/err"; fi
  } >"$here/$1.txt"
  echo "$1: exit $4"
}
# during NAME NOTE TRAFFIC -- TCPDUMP...: tcpdump in the background while TRAFFIC runs in nshost.
during() {
  local name=$1 note=$2 traffic=$3; shift 4
  $H "$@" >"$TMP/out" 2>"$TMP/err" &
  local pid=$!
  sleep 1; $H sh -c "$traffic" >/dev/null 2>&1; wait $pid; local code=$?
  header "$name" "$note (while: $traffic)" "$*" "$code"
}

capture tcpdump-D 'docker0 with one container, eth0 to the LAN, lo' -- tcpdump -D
during tcpdump-A-port-80 '' 'curl -s -o /dev/null http://172.17.0.2/' -- tcpdump -A -i docker0 -c 4 port 80
during tcpdump-vv-icmp '' 'ping -c 1 172.17.0.2' -- tcpdump -vv -i docker0 -c 2 icmp
during tcpdump-v-port-80 '' 'curl -s -o /dev/null http://172.17.0.2/' -- tcpdump -v -n -i docker0 -c 7 port 80
during tcpdump-w-icmp 'the file: tcpdump-w-icmp.pcap' 'ping -c 1 172.17.0.2' -- tcpdump -i docker0 -w /tmp/netsim-tcpdump/cap.pcap -c 2 icmp
cp "$TMP/cap.pcap" "$here/tcpdump-w-icmp.pcap"
during tcpdump-w-http 'the file: tcpdump-w-http.pcap' 'curl -s -o /dev/null http://172.17.0.2/' -- tcpdump -i docker0 -w /tmp/netsim-tcpdump/http.pcap -c 10 port 80
cp "$TMP/http.pcap" "$here/tcpdump-w-http.pcap"
capture tcpdump-r-icmp '' -- tcpdump -r /tmp/netsim-tcpdump/cap.pcap
capture tcpdump-r-icmp-vv '' -- tcpdump -vv -r /tmp/netsim-tcpdump/cap.pcap
capture tcpdump-r-icmp-A '' -- tcpdump -A -r /tmp/netsim-tcpdump/cap.pcap
capture tcpdump-r-http '' -- tcpdump -r /tmp/netsim-tcpdump/http.pcap
capture tcpdump-r-http-n-v '' -- tcpdump -n -v -r /tmp/netsim-tcpdump/http.pcap
capture tcpdump-r-http-vv '' -- tcpdump -vv -r /tmp/netsim-tcpdump/http.pcap
capture tcpdump-r-http-A '' -- tcpdump -A -r /tmp/netsim-tcpdump/http.pcap
capture tcpdump-r-missing '' -- tcpdump -r /tmp/netsim-tcpdump/none.pcap
capture tcpdump-r-not-pcap '' -- tcpdump -r /etc/hostname
capture tcpdump-w-no-count 'interrupted after 1 s' -- timeout -s INT 1 tcpdump -i docker0 -w /tmp/netsim-tcpdump/empty.pcap
kill $server
cleanup
