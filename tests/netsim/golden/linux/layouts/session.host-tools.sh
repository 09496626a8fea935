# Replays the session of session.host-tools.txt (run as root): a Docker-like
# host (eth0 192.168.1.10/24 on a LAN namespace with the router 192.168.1.1,
# docker0 172.17.0.1/16 with one container namespace c1 at 172.17.0.2), then
# ip -o, the tools' -V, net-tools' arp and route, bridge-utils' brctl and
# iproute2's bridge fdb, after one ping each way fills the neighbour tables.
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash layouts/session.host-tools.sh > session.host-tools.txt
export LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
v() { dpkg-query -W -f='${Version}' "$1"; }
echo "# source: captured with iproute2 $(v iproute2), net-tools $(v net-tools), bridge-utils $(v bridge-utils), iputils-ping $(v iputils-ping), busybox $(v busybox) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.host-tools.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
ip netns add lan
ip netns add c1
ip link set lo up
ip link add eth0 type veth peer name lan0 netns lan
ip -n lan link set lo up
ip -n lan addr add 192.168.1.1/24 brd + dev lan0
ip -n lan link set lan0 up
ip addr add 192.168.1.10/24 brd + dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1 dev eth0
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 brd + dev docker0
ip link set docker0 up
ip link add veth0 type veth peer name eth0 netns c1
ip link set veth0 master docker0
ip link set veth0 up
ip -n c1 link set lo up
ip -n c1 addr add 172.17.0.2/16 brd + dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
sleep 3
ping -c1 -W1 192.168.1.1 >/dev/null
ip netns exec c1 ping -c1 -W1 172.17.0.1 >/dev/null
run ip -o addr
run ip -o -4 addr
run ip -o link
run ip -o link show docker0
run ip -o route
run ip -o neigh
run ip netns exec c1 ip -o addr
run ip netns exec c1 busybox ip -o addr
run ip netns exec c1 busybox ip -o link
run ip netns exec c1 busybox ip -oneline route
run ip -V
run ip -Version
run ss -V
run ss --version
run bridge -V
run ping -V
run arp -n
run arp -an
run arp
run route -n
run route
run ip netns exec c1 busybox route -n
run ip netns exec c1 busybox route
run ip netns exec c1 busybox arp -n
run ip netns exec c1 busybox arp -a
run ip netns exec c1 route -n
run ip netns exec c1 arp -n
run arp -n -i docker0
run arp -n 172.17.0.2
run arp -n 10.9.9.9
run route -x
run arp -x
run brctl show
run brctl show docker0
run bridge fdb show
run bridge fdb show br docker0
run bridge vlan show
run bridge -o link
# macvlan links made by hand on eth0 (ipvlan cannot be captured: this kernel has no CONFIG_IPVLAN).
run ip link add mv0 link eth0 type macvlan mode bridge
run ip link add mv1 link eth0 type macvlan
run ip link add mv2 type macvlan
run ip link add mv3 link eth9 type macvlan
run ip link add mv4 link eth0 type macvlan mode foo
run ip link add mv5 link lo type macvlan
run ip link show mv0
run ip -o link show mv1
run ip link set mv0 up
run ip -br link show mv0
run ip link del mv0
run ip link del mv1
