# Replays, with iproute2 alone, what Docker 29's macvlan driver builds for
#   docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan
#   docker run -d --network lan --name m1 nginx    (192.168.1.2)
#   docker run -d --network lan --name m2 nginx    (192.168.1.3)
# and captures what the containers and the host see (session.macvlan.txt).
# Run it as root in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash session.macvlan.sh > ../session.macvlan.txt
#
# What Docker does, from moby docker-v29.7.2:
# * drivers/macvlan/macvlan_setup.go createMacVlan: a macvlan link named
#   veth + 7 hex digits on the parent, in the host namespace, mode bridge by
#   default; vishvananda/netlink sends IFLA_TXQLEN=0 (LinkAttrs.TxQLen 0) and no
#   MTU, so the link inherits the parent's MTU and prints no qlen.
# * osl/interface_linux.go createInterface/configureInterface: the link is moved
#   into the container namespace (keeping its ifindex, free there), set down,
#   renamed eth0, given the endpoint's random MAC, IPv6 turned off (IPv4-only
#   network), addressed (netlink's AddrAdd fills in the broadcast address, hence
#   `brd +` here), set up; then the default route via --gateway.
# Differences from a real host: the parent eth0 is one end of a veth whose
# other end (lan0, 192.168.1.1, the LAN router) is in namespace `lan`; on a
# host it is a NIC. Namespaces are bind-mounted on files, as Docker keeps them,
# so `ip` prints link-netnsid. MACs and veth names are fixed for stable bytes.
export LANG=C.UTF-8
set -u
dir=$(mktemp -d /tmp/netsim-macvlan.XXXXXX)
mount -t tmpfs netsim "$dir"
for ns in lan m1 m2; do touch "$dir/$ns"; unshare --net="$dir/$ns" true; done
inns() { local ns=$1; shift; nsenter --net="$dir/$ns" "$@"; }
run() { local ns=$1; shift; echo "$ns\$ $*"; if [ "$ns" = host ]; then "$@" 2>&1; else inns "$ns" "$@" 2>&1; fi; echo "[exit $?]"; }

# The host: eth0 (ifindex 2) on the LAN, 192.168.1.10/24, default via the router.
ip link set lo up
ip link add lan0 type veth peer name eth0   # the peer registers first: eth0 gets ifindex 2
ip link set eth0 address 52:54:00:6b:2e:11
ip link set lan0 netns "$dir/lan"
inns lan ip link set lo up
inns lan ip link set lan0 address c8:3a:35:0a:1b:01
inns lan ip addr add 192.168.1.1/24 brd + dev lan0
inns lan ip link set lan0 up
ip addr add 192.168.1.10/24 brd + dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1

# One container: <ns> <temporary macvlan name> <MAC> <address>
join() {
  local ns=$1 name=$2 mac=$3 address=$4
  inns "$ns" ip link set lo up
  ip link add "$name" txqlen 0 link eth0 type macvlan mode bridge
  ip link set "$name" netns "$dir/$ns"
  inns "$ns" ip link set "$name" down
  inns "$ns" ip link set "$name" name eth0
  inns "$ns" ip link set eth0 address "$mac"
  inns "$ns" sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
  inns "$ns" ip addr add "$address" brd + dev eth0
  inns "$ns" ip link set eth0 up
  inns "$ns" ip route add default via 192.168.1.1 dev eth0
}
join m1 veth5d1e0a3 4a:1c:7e:93:0b:52 192.168.1.2/24
join m2 vethb27c9f4 d6:83:2f:5a:e1:07 192.168.1.3/24
sleep 2

echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)), iputils-ping $(dpkg-query -W -f='${Version}' iputils-ping) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n)"
echo "# script: layouts/session.macvlan.sh (host eth0 192.168.1.10/24 = ifindex 2, router 192.168.1.1; m1 192.168.1.2 and m2 192.168.1.3 on macvlan children of eth0, mode bridge)"
echo "# format: each command as \"NS\$ COMMAND\" (NS = host, m1 or m2: the namespace it ran in), then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
run m1 ip addr
run m1 ip link
run m1 ip route
run m1 ip -br addr
run m2 ip addr show eth0
run m1 ping -c 1 -W 1 192.168.1.3
run m1 ping -c 1 -W 1 192.168.1.1
run m1 ping -c 1 -W 1 192.168.1.10
run host ping -c 1 -W 1 192.168.1.2
run m1 ping -c 3 192.168.1.10
run host ip -br link

umount -R "$dir"
rmdir "$dir"
