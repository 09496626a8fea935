# Replays the session of session.ip-details.txt (run as root): a Docker-like
# host built by hand (docker0 with a MAC of its own, as dockerd sets it, one
# container namespace c1 behind a veth; a user-defined bridge br-net1 with c2),
# then `ip -d link`, `ip -d addr`, `bridge fdb`, `bridge vlan` and brctl.
# ip and bridge are iproute2 v6.15.0 (Debian 13's version) built from the
# upstream tag with ./configure defaults (no libbpf, libmnl, libcap, colour
# never), passed as IP=... BRIDGE=...; brctl is Debian's bridge-utils.
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo IP=/tmp/ip615/ip/ip BRIDGE=/tmp/ip615/bridge/bridge unshare -m -n bash layouts/session.ip-details.sh > session.ip-details.txt
# Timers (gc_timer, forward_delay_timer) count down from when the bridge and
# its ports came up: the script sleeps 16 s so that forward delay has run out.
export LANG=C.UTF-8
IP=${IP:-ip}; BRIDGE=${BRIDGE:-bridge}
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
ip() { "$IP" "$@"; }
bridge() { "$BRIDGE" "$@"; }
mount -t tmpfs tmpfs /run
# sysfs of this network namespace, as brctl reads it (/sys/class/net/BR/brif, brforward).
mount -t sysfs sysfs /sys
mkdir -p /run/netns
echo "# source: captured with iproute2 $(ip -V | sed 's/.*iproute2-//') built from the upstream tag v6.15.0, bridge-utils $(dpkg-query -W -f='${Version}' bridge-utils) on Debian $(cat /etc/debian_version), Linux $(uname -r) ($(nproc) CPUs), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.ip-details.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
ip netns add c1
ip netns add c2
ip link set lo up
ip link add docker0 address 02:42:6f:1c:3a:01 type bridge
ip addr add 172.17.0.1/16 brd + dev docker0
ip link set docker0 up
ip link add veth1a2b3c4 type veth peer name eth0 netns c1
ip link set veth1a2b3c4 address 8e:45:24:a9:ac:d1
ip link set veth1a2b3c4 master docker0
ip link set veth1a2b3c4 up
ip -n c1 link set lo up
ip -n c1 link set eth0 address 02:42:ac:11:00:02
ip netns exec c1 sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
ip -n c1 addr add 172.17.0.2/16 brd + dev eth0
ip -n c1 link set eth0 up
ip -n c1 route add default via 172.17.0.1
ip link add br-net1 address 02:42:6f:1c:3a:02 type bridge
ip addr add 172.18.0.1/16 brd + dev br-net1
ip link set br-net1 up
ip link add veth5d6e7f8 type veth peer name eth0 netns c2
ip link set veth5d6e7f8 address 8a:5c:56:62:14:28
ip link set veth5d6e7f8 master br-net1
ip link set veth5d6e7f8 up
ip -n c2 link set lo up
ip netns exec c2 sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
ip -n c2 addr add 172.18.0.2/16 brd + dev eth0
ip -n c2 link set eth0 up
sleep 16
ip netns exec c1 ping -c1 -W1 172.17.0.1 >/dev/null
run ip -d link show
run ip -d link show docker0
run ip -d link show veth1a2b3c4
run ip -d link show type bridge
run ip -d link show type veth
run ip -d link show master docker0
run ip -d -o link show docker0
run ip -details link show lo
run ip -d addr show docker0
run ip -d addr show veth1a2b3c4
run ip -d -br link
run ip -n c1 -d link
run ip -n c1 -d addr
run bridge fdb show
run bridge fdb show br docker0
run bridge fdb show dev veth1a2b3c4
run bridge fdb show br nosuch
run bridge vlan show
run bridge -d link
run brctl show
run brctl show docker0
run brctl show nosuch
run brctl showmacs docker0
run brctl
# brctl lists bridges and ports as scandir(..., alphasort) finds them in sysfs.
ip link add br-lab type bridge
ip link add vethz address 2a:c5:e1:6c:23:a5 type veth peer name pz
ip link add vetha address a2:92:62:47:87:fa type veth peer name pa
ip link set vethz master br-lab
ip link set vetha master br-lab
ip link add br-empty type bridge
run brctl show
run brctl show br-lab br-empty
run brctl showmacs
run brctl showmacs nosuch
run brctl foo
run brctl -V
run bridge vlan show dev vetha
run bridge fdb show dev nosuch
run bridge fdb show br br-lab
run bridge fdb
