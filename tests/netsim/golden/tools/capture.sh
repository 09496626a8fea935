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
. "$here/capture-lib.sh"

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

PACKAGE=iproute2 capture ss-tlnp 'docker-proxy and httpd are socat copies; pids differ from a Docker host' -- ss -tlnp
PACKAGE=iproute2 capture ss-tulpn 'the UDP socket is python3 (dns-responder.py)' -- ss -tulpn
PACKAGE=iproute2 capture ss-tln 'iproute2 6.1 prints an empty Process column without -p (>= 6.8 does not)' -- ss -tln
PACKAGE=iproute2 capture ss-tl 'without -n: service names from /etc/services' -- ss -tl
PACKAGE=net-tools capture netstat-tulpn '' -- netstat -tulpn
PACKAGE=net-tools capture netstat-tlnp '' -- netstat -tlnp
PACKAGE=net-tools capture netstat-rn '' -- netstat -rn
PACKAGE=net-tools capture ifconfig '' -- ifconfig
PACKAGE=busybox capture busybox-ifconfig '' -- busybox ifconfig
PACKAGE=busybox capture busybox-ip-a '' -- busybox ip a
PACKAGE=busybox capture busybox-ip-route '' -- busybox ip route
PACKAGE=busybox capture busybox-netstat-tulpn '' -- busybox netstat -tulpn

echo 'nameserver 127.0.0.11' >"$TMP/resolv.conf"
mount --bind "$TMP/resolv.conf" /etc/resolv.conf
PACKAGE=bind9-dnsutils capture dig-my-apache-app 'the id, Query time and WHEN change between runs' -- dig my-apache-app
PACKAGE=bind9-dnsutils capture dig-short '' -- dig +short my-apache-app
PACKAGE=bind9-dnsutils capture dig-nxdomain '' -- dig nosuchname
PACKAGE=bind9-dnsutils capture nslookup-my-apache-app '' -- nslookup my-apache-app
PACKAGE=bind9-dnsutils capture nslookup-nxdomain '' -- nslookup nosuchname
PACKAGE=busybox capture busybox-nslookup '' -- busybox nslookup my-apache-app
PACKAGE=busybox capture busybox-nslookup-nxdomain '' -- busybox nslookup nosuchname
PACKAGE=busybox capture busybox-ping-name '' -- busybox ping -c 1 my-apache-app
PACKAGE=busybox capture busybox-ping-bad-address '' -- busybox ping -c 1 nosuchname
PACKAGE=iputils-ping capture ping-bad-address '' -- ping -c 1 nosuchname
PACKAGE=busybox capture busybox-ping-loopback 'times change between runs' -- busybox ping -c 2 127.0.0.1
PACKAGE=busybox capture busybox-ping-unreachable '' -- busybox ping -c 1 -W 1 172.17.0.99
PACKAGE=busybox capture busybox-wget-refused '' -- busybox wget -qO- http://127.0.0.1:81/
PACKAGE=busybox capture busybox-wget-bad-address '' -- busybox wget -qO- http://nosuchname/

# ps: this script is pid 1 here; a bash child stands for a container's shell.
PACKAGE=procps capture ps-ef 'pid 1 is this capture script' -- ps -ef
PACKAGE=procps capture ps-aux 'pid 1 is this capture script' -- ps aux
PACKAGE=busybox capture busybox-ps 'pid 1 is this capture script' -- busybox ps

# netstat and ifconfig beyond the defaults, last so that the PIDs above stay as they were:
# without -p, -a, without -n (names through the stand-in DNS, which answers NXDOMAIN to
# PTR queries), as a user who is not root, errors; then a bridge with no port (docker0
# before any container) and a veth pair that is down.
PACKAGE=net-tools capture netstat-tln '' -- netstat -tln
PACKAGE=net-tools capture netstat-an 'no UNIX sockets in this namespace' -- netstat -an
PACKAGE=net-tools capture netstat-ant '' -- netstat -ant
PACKAGE=net-tools capture netstat-tl 'without -n: names from /etc/services; PTR queries get NXDOMAIN' -- netstat -tl
PACKAGE=net-tools capture netstat-r 'without -n; PTR queries get NXDOMAIN' -- netstat -r
# A user's own listener is named; root's are not, and netstat says why on stderr. With
# no socket of its own, netstat says instead: (No info could be read for "-p": ...).
setpriv --reuid=nobody --regid=nogroup --clear-groups socat -u TCP4-LISTEN:9999,bind=127.0.0.1 /dev/null &
sleep 1
PACKAGE=net-tools capture netstat-tulpn-user 'run as nobody, which owns the socat on 127.0.0.1:9999' -- setpriv --reuid=nobody --regid=nogroup --clear-groups netstat -tulpn
kill $!
PACKAGE=net-tools capture netstat-bad-option '' -- netstat -z
PACKAGE=busybox capture busybox-netstat-tln '' -- busybox netstat -tln
PACKAGE=busybox capture busybox-netstat-an 'no UNIX sockets in this namespace' -- busybox netstat -an
PACKAGE=busybox capture busybox-netstat-rn '' -- busybox netstat -rn
PACKAGE=busybox capture busybox-netstat-r 'without -n; PTR queries get NXDOMAIN' -- busybox netstat -r
PACKAGE=net-tools capture ifconfig-unknown '' -- ifconfig eth9
PACKAGE=busybox capture busybox-ifconfig-unknown '' -- busybox ifconfig eth9
# A new bridge has carrier until its first port comes and goes; Docker gives its bridges a MAC, kept when the last port leaves.
ip link add br0 address 3a:5e:9b:20:8c:01 type bridge
ip addr add 172.18.0.1/16 brd 172.18.255.255 dev br0
ip link add veth1 type veth peer name veth2
ip link set veth1 master br0
ip link set br0 up
ip link set veth1 nomaster
sleep 1
PACKAGE=net-tools capture ifconfig-a 'br0 is up with no carrier, veth1 and veth2 are down; counters come from IPv6 autoconfiguration' -- ifconfig -a
PACKAGE=net-tools capture ifconfig-br0 '' -- ifconfig br0
PACKAGE=net-tools capture ifconfig-veth1 'a link that is down, named' -- ifconfig veth1
PACKAGE=busybox capture busybox-ifconfig-a 'br0 is up with no carrier, veth1 and veth2 are down' -- busybox ifconfig -a
kill $(jobs -p) 2>/dev/null
rm -rf "$TMP"
