#!/bin/bash
# Re-create the golden files of this directory: what ss, netstat, ps, BusyBox
# (ping, ip, ifconfig, nslookup, wget, ps), ifconfig, dig and ping print for
# the situations netsim simulates, captured in throwaway namespaces.
#
#   sudo ./capture.sh        # needs iproute2 net-tools procps busybox dnsutils iputils-ping socat python3
#
# Stand-ins, as in ../linux: docker-proxy is a copy of socat with that name
# (listening with Go's backlog, SOMAXCONN = 4096); Docker's embedded DNS server
# is dns-responder.py on 127.0.0.11:53. Nothing runs in the initial namespaces.
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-tools
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
  # A new network, PID and mount namespace: pid 1 is this script, /proc is its own.
  cd "$here" && exec unshare --net --pid --fork --mount-proc ./capture.sh inside
fi

ip link set lo up
ip link add eth0 type veth peer name peer0
ip addr add 172.17.0.2/16 dev eth0
ip link set eth0 up
ip link set peer0 up
ip route add default via 172.17.0.1

# Started from $TMP with relative paths, so that ps shows no path of this machine.
cp "$(command -v socat)" "$TMP/docker-proxy"
cp "$(command -v socat)" "$TMP/httpd"
cp "$here/dns-responder.py" "$TMP/dns-responder.py"
cd "$TMP" || exit 1
./docker-proxy TCP4-LISTEN:8080,bind=0.0.0.0,backlog=4096,reuseaddr,fork /dev/null &
./docker-proxy TCP6-LISTEN:8080,bind=[::],ipv6only=1,backlog=4096,reuseaddr,fork /dev/null &
./httpd TCP6-LISTEN:80,bind=[::],ipv6only=0,backlog=511,reuseaddr,fork /dev/null &
/usr/bin/python3 dns-responder.py 127.0.0.11 53 my-apache-app=172.28.0.2 contenedor1=172.28.0.3 &
sleep 1

capture ss-tlnp iproute2 'docker-proxy and httpd are socat copies; pids differ from a Docker host' -- ss -tlnp
capture ss-tulpn iproute2 'the UDP socket is python3 (dns-responder.py)' -- ss -tulpn
capture ss-tln iproute2 'iproute2 6.1 prints an empty Process column without -p (>= 6.8 does not)' -- ss -tln
capture ss-tl iproute2 'without -n: service names from /etc/services' -- ss -tl
capture netstat-tulpn net-tools '' -- netstat -tulpn
capture netstat-tlnp net-tools '' -- netstat -tlnp
capture netstat-rn net-tools '' -- netstat -rn
capture ifconfig net-tools '' -- ifconfig
capture busybox-ifconfig busybox '' -- busybox ifconfig
capture busybox-ip-a busybox '' -- busybox ip a
capture busybox-ip-route busybox '' -- busybox ip route
capture busybox-netstat-tulpn busybox '' -- busybox netstat -tulpn

echo 'nameserver 127.0.0.11' >"$TMP/resolv.conf"
mount --bind "$TMP/resolv.conf" /etc/resolv.conf
capture dig-my-apache-app bind9-dnsutils 'the id, Query time and WHEN change between runs' -- dig my-apache-app
capture dig-short bind9-dnsutils '' -- dig +short my-apache-app
capture dig-nxdomain bind9-dnsutils '' -- dig nosuchname
capture nslookup-my-apache-app bind9-dnsutils '' -- nslookup my-apache-app
capture nslookup-nxdomain bind9-dnsutils '' -- nslookup nosuchname
capture busybox-nslookup busybox '' -- busybox nslookup my-apache-app
capture busybox-nslookup-nxdomain busybox '' -- busybox nslookup nosuchname
capture busybox-ping-name busybox '' -- busybox ping -c 1 my-apache-app
capture busybox-ping-bad-address busybox '' -- busybox ping -c 1 nosuchname
capture ping-bad-address iputils-ping '' -- ping -c 1 nosuchname
capture busybox-ping-loopback busybox 'times change between runs' -- busybox ping -c 2 127.0.0.1
capture busybox-ping-unreachable busybox '' -- busybox ping -c 1 -W 1 172.17.0.99
capture busybox-wget-refused busybox '' -- busybox wget -qO- http://127.0.0.1:81/
capture busybox-wget-bad-address busybox '' -- busybox wget -qO- http://nosuchname/

# ps: this script is pid 1 here; a bash child stands for a container's shell.
capture ps-ef procps 'pid 1 is this capture script' -- ps -ef
capture ps-aux procps 'pid 1 is this capture script' -- ps aux
capture busybox-ps busybox 'pid 1 is this capture script' -- busybox ps

# netstat and ifconfig beyond the defaults, last so that the PIDs above stay as they were:
# without -p, -a, without -n (names through the stand-in DNS, which answers NXDOMAIN to
# PTR queries), as a user who is not root, errors; then a bridge with no port (docker0
# before any container) and a veth pair that is down.
capture netstat-tln net-tools '' -- netstat -tln
capture netstat-an net-tools 'no UNIX sockets in this namespace' -- netstat -an
capture netstat-ant net-tools '' -- netstat -ant
capture netstat-tl net-tools 'without -n: names from /etc/services; PTR queries get NXDOMAIN' -- netstat -tl
capture netstat-r net-tools 'without -n; PTR queries get NXDOMAIN' -- netstat -r
# A user's own listener is named; root's are not, and netstat says why on stderr. With
# no socket of its own, netstat says instead: (No info could be read for "-p": ...).
setpriv --reuid=nobody --regid=nogroup --clear-groups socat -u TCP4-LISTEN:9999,bind=127.0.0.1 /dev/null &
sleep 1
capture netstat-tulpn-user net-tools 'run as nobody, which owns the socat on 127.0.0.1:9999' -- setpriv --reuid=nobody --regid=nogroup --clear-groups netstat -tulpn
kill $!
capture netstat-bad-option net-tools '' -- netstat -z
capture busybox-netstat-tln busybox '' -- busybox netstat -tln
capture busybox-netstat-an busybox 'no UNIX sockets in this namespace' -- busybox netstat -an
capture busybox-netstat-rn busybox '' -- busybox netstat -rn
capture busybox-netstat-r busybox 'without -n; PTR queries get NXDOMAIN' -- busybox netstat -r
capture ifconfig-unknown net-tools '' -- ifconfig eth9
capture busybox-ifconfig-unknown busybox '' -- busybox ifconfig eth9
# A new bridge has carrier until its first port comes and goes; Docker gives its bridges a MAC, kept when the last port leaves.
ip link add br0 address 3a:5e:9b:20:8c:01 type bridge
ip addr add 172.18.0.1/16 brd 172.18.255.255 dev br0
ip link add veth1 type veth peer name veth2
ip link set veth1 master br0
ip link set br0 up
ip link set veth1 nomaster
sleep 1
capture ifconfig-a net-tools 'br0 is up with no carrier, veth1 and veth2 are down; counters come from IPv6 autoconfiguration' -- ifconfig -a
capture ifconfig-br0 net-tools '' -- ifconfig br0
capture ifconfig-veth1 net-tools 'a link that is down, named' -- ifconfig veth1
capture busybox-ifconfig-a busybox 'br0 is up with no carrier, veth1 and veth2 are down' -- busybox ifconfig -a
kill $(jobs -p) 2>/dev/null
rm -rf "$TMP"
