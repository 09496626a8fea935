# Replays the session of session.ip-link.txt (run as root): two named
# namespaces, a bridge and two veth pairs built by hand with ip, then the
# errors of ip link, ip addr, ip route, ip netns and bridge, as root and as nobody.
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash layouts/session.ip-link.sh > session.ip-link.txt
# A tmpfs on /run (private to this mount namespace) starts with no /run/netns.
export LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
nobody() { echo "\$ $* (as nobody)"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@" 2>&1; echo "[exit $?]"; }
mount -t tmpfs tmpfs /run
echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.ip-link.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
# The lesson: two namespaces on one bridge.
run ip netns add red
run ip netns add blue
run ip link add br0 type bridge
run ip link add veth-red type veth peer name veth-red-br
run ip link add veth-blue type veth peer name veth-blue-br
run ip link set veth-red netns red
run ip link set veth-blue netns blue
run ip link set veth-red-br master br0
run ip link set veth-blue-br master br0
run ip -n red addr add 10.0.0.2/24 dev veth-red
run ip netns exec blue ip addr add 10.0.0.3/24 dev veth-blue
run ip link set br0 up
run ip link set veth-red-br up
run ip link set veth-blue-br up
run ip -n red link set veth-red up
run ip netns exec blue ip link set veth-blue up
run ip -n red link set lo up
run ip netns list
run ip link
run bridge link
run ip netns exec red ip addr
run ip -n red route
run ip -n blue route show table local
run ip netns exec red ip netns identify
run ip netns identify
# Errors of ip link, as root.
run ip link add br0 type bridge
run ip link add veth-x type veth peer name veth-red-br
run ip link add foo
run ip link add foo type
run ip link set nosuch up
run ip link del nosuch
run ip link set veth-red-br master nosuch
run ip link set veth-red-br master lo
run ip link set br0 master br0
run ip link set br0 name veth-red-br
run ip link set br0 name br1
run ip link set br1 name br0
run ip link set br0 mtu 70000
run ip link set br0 mtu 60
run ip link set br0 mtu abc
run ip link set br0 mtu
run ip link set br0 mtu 1500 mtu 1400
run ip link set br0 address zz
run ip link set br0 address 01:00:5e:00:00:01
run ip link set veth-red-br netns nosuch
run ip link set veth-red-br
run ip link foo
run ip link add veth-q type veth peer
run ip link add veth-q type veth foo
# Changes of ip link, as root.
run ip link add dummyish type bridge
run ip link set dummyish address 02:00:00:00:00:01 mtu 1400
run ip link set dummyish name br9
run ip link show br9
run ip link set br9 up
run ip link show br9
run ip link set br9 down
run ip link show br9
run ip link set veth-blue-br nomaster
run bridge link
run ip link set veth-blue-br master br9
run bridge link
run ip link set veth-blue-br master br0
run ip link del br9
run ip link add veth-z type veth peer name veth-zz
run ip link set veth-z netns red name eth9
run ip -n red link show eth9
run ip link del veth-zz
run ip -n red link show eth9
# ip addr and ip route, as root.
run ip addr add 10.0.0.1/24 dev br0
run ip addr add 10.0.0.1/24 dev br0
run ip addr add 10.0.0.9/24 dev nosuch
run ip addr add 10.0.0.9/24
run ip addr del 10.0.0.77/24 dev br0
run ip addr show dev br0
run ip route add 10.9.0.0/16 via 10.0.0.254
run ip route add 10.9.0.0/16 via 10.0.0.254
run ip route add 10.8.0.0/16 via 192.0.2.1
run ip route add 10.8.0.0/16 via 10.0.0.254 dev nosuch
run ip route add 10.8.0.0/16 via 10.0.0.254 dev br0
run ip route del 10.7.0.0/16
run ip route add default via 10.0.0.254
run ip route add default via 10.0.0.254
run ip route
run ip route show table main
run ip route show table local
run ip route del 10.9.0.0/16 via 10.0.0.254
run ip route del 10.8.0.0/16
run ip route del default
run ip route
run ip -n red route add default via 10.0.0.1
run ip -n red route
run ip -n red route show table all
run ip route show table local
run ip route show table all
# ip netns, as root.
run ip netns exec nosuch ip link
run ip netns exec red nosuchcmd
run ip netns exec red
run ip netns exec
run ip -n nosuch link
run ip netns identify abc
run ip netns identify 1 2
unshare -n sleep 1000 &
SLEEPER=$!
sleep 0.5
echo "\$ ip netns attach green \$SLEEPER"; ip netns attach green $SLEEPER 2>&1; echo "[exit $?]"
run ip netns list
echo "\$ ip netns identify \$SLEEPER"; ip netns identify $SLEEPER 2>&1; echo "[exit $?]"
run ip netns attach green
run ip netns attach green abc
run ip netns attach green 999999
run ip netns del green
unshare -n sleep 1000 &
OTHER=$!
sleep 0.5
echo "\$ ln -s /proc/\$OTHER/ns/net /run/netns/c1"; ln -s /proc/$OTHER/ns/net /run/netns/c1 2>&1; echo "[exit $?]"
run ip netns list
run ip netns exec c1 ip link
echo "\$ ip netns identify \$OTHER"; ip netns identify $OTHER 2>&1; echo "[exit $?]"
run rm /run/netns/c1
kill $SLEEPER $OTHER
# bridge
run bridge fdb show
run bridge fdb show br br0
run bridge vlan show
run bridge vlan
# As nobody.
nobody ip link add br8 type bridge
nobody ip link add veth-n type veth peer name veth-nn
nobody ip link set br0 down
nobody ip link set br0 master br0
nobody ip link set nosuch up
nobody ip link del br0
nobody ip addr add 10.0.0.5/24 dev br0
nobody ip addr del 10.0.0.1/24 dev br0
nobody ip route add 10.6.0.0/16 via 10.0.0.254
nobody ip route del 10.0.0.0/24
nobody ip netns exec red ip link
nobody ip -n red link
nobody ip netns attach x 1
nobody ip netns identify
nobody bridge link
# Tear down.
run ip link del veth-red-br
run ip -n red link
run ip netns del red
run ip netns del blue
run ip link del br0
run ip link
