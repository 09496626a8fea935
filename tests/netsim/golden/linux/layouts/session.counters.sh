# Replays the session of session.counters.txt (run as root): a Docker-like host
# built by hand (docker0 with a MAC of its own, one container namespace c1
# behind a veth), then the tools that read links' counters, JSON, colours and
# multicast memberships.
# ip is iproute2 v6.15.0 (Debian 13's version) built from the upstream tag with
# ./configure defaults, passed as IP=...; IP61 is Debian 12's iproute2 6.1, run
# beside it where the two differ. net-tools and busybox are Debian 12's.
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo IP=iproute2-6.15.0/ip/ip unshare -m -n bash layouts/session.counters.sh > session.counters.txt
# Part 1 keeps IPv6 on, as on a Docker host, for the outputs without counters.
# Part 2 builds the same layout in namespaces where IPv6 is disabled before any
# link exists, so that the links carry only the pings of the script: on a real
# host, IPv6 autoconfiguration (DAD, MLD reports, router solicitations, at
# random delays) adds frames to docker0 and the host-side veth.
export LANG=C.UTF-8
IP=${IP:-ip}; IP61=/usr/bin/ip
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
ip() { "$IP" "$@"; }
ip61() { "$IP61" "$@"; }
mount -t tmpfs tmpfs /run
mount -t sysfs sysfs /sys
mkdir -p /run/netns
echo "# source: captured with iproute2 $(ip -V | sed 's/.*iproute2-//') built from the upstream tag v6.15.0, Debian 12's iproute2 $(dpkg-query -W -f='${Version}' iproute2) as ip61, net-tools $(dpkg-query -W -f='${Version}' net-tools), busybox $(dpkg-query -W -f='${Version}' busybox) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.counters.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
layout() { # layout HOSTNS C1: docker0 and c1 as session.ip-details.sh builds them
  local h=$1 c=$2
  ip -n $h link set lo up
  ip -n $h link add docker0 address 02:42:6f:1c:3a:01 type bridge
  ip -n $h addr add 172.17.0.1/16 brd + dev docker0
  ip -n $h link set docker0 up
  ip -n $h link add veth1a2b3c4 type veth peer name eth0 netns $c
  ip -n $h link set veth1a2b3c4 address 8e:45:24:a9:ac:d1
  ip -n $h link set veth1a2b3c4 master docker0
  ip -n $h link set veth1a2b3c4 up
  ip -n $c link set lo up
  ip -n $c link set eth0 address 02:42:ac:11:00:02
  ip netns exec $c sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
  ip -n $c addr add 172.17.0.2/16 brd + dev eth0
  ip -n $c link set eth0 up
  ip -n $c route add default via 172.17.0.1
}
ip netns add lab
ip netns add c1
layout lab c1
sleep 16
echo "## part 1: IPv6 on"
run ip -n lab -j a
run ip -n lab -j -p route
run ip -n lab -j link
run ip -n lab -j -p addr show docker0
run ip -n lab -c a
run ip -n lab -c=always a
run ip -n lab -color=never a
run ip -n lab -c=auto a
run ip -n lab -c -br a
run ip -n lab maddr
run ip -n lab maddr show dev docker0
run ip -n c1 maddr
run ip61 -n lab -j a
run ip61 -n lab -j -p route
run ip61 -n lab -c a
run ip61 -n lab maddr
echo "## part 2: IPv6 disabled, counters"
ip netns add lab2
ip netns add c1b
for n in lab2 c1b; do ip netns exec $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1; done
layout lab2 c1b
sleep 16
ip netns exec c1b ping -c2 -i0.2 -W1 172.17.0.1 >/dev/null
ip netns exec lab2 ping -c1 -W1 172.17.0.2 >/dev/null
ip netns exec lab2 ping -c1 -W1 127.0.0.1 >/dev/null
ip netns exec c1b ping -c1 -W1 172.17.0.2 >/dev/null
run ip -n lab2 -s link show docker0
run ip -n lab2 -s link show veth1a2b3c4
run ip -n lab2 -s -s link show docker0
run ip -n c1b -s -s link show eth0
run ip -n c1b -s link
run ip -n lab2 -s addr
run ip -n c1b -s link show lo
run ip -n lab2 -j -s link show docker0
run ip61 -n lab2 -s link show docker0
run ip61 -n c1b -s -s link show eth0
run ip netns exec lab2 netstat -i
run ip netns exec c1b netstat -i
run ip netns exec c1b ifconfig eth0
run ip netns exec c1b cat /proc/net/dev
run ip netns exec c1b cat /sys/class/net/eth0/statistics/rx_packets /sys/class/net/eth0/statistics/tx_bytes
run ip netns exec c1b ls /sys/class/net/eth0/statistics
run ip netns exec lab2 cat /proc/net/dev
run ip netns exec c1b netstat -s
run ip netns exec c1b cat /proc/net/snmp
run ip netns exec c1b busybox ip neigh
run ip netns exec c1b busybox ip neigh show dev eth0
run ip netns exec lab2 busybox ip neigh
run ip -n c1b neigh
