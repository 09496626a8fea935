# Replays, with iproute2 alone, what Docker 29's bridge driver builds for
#   docker network create --ipv6 --subnet 2001:db8:1::/64 v6net
#   docker run -d --network v6net --name c1 nginx   (172.18.0.2, 2001:db8:1::2)
#   docker run -d --network v6net --name c2 nginx   (172.18.0.3, 2001:db8:1::3)
# and captures what the containers and the host see (session.ipv6.txt).
# Run it as root in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash session.ipv6.sh > ../session.ipv6.txt
#
# What Docker does, from moby docker-v29.7.2:
# * drivers/bridge/setup_ipv6_linux.go setupBridgeIPv6 and interface_linux.go
#   programIPv6Addresses: disable_ipv6=0 on the bridge, which keeps its
#   kernel link-local address, and the gateway added with IFA_F_NODAD.
# * osl/interface_linux.go setInterfaceIPv6: the container's address with
#   IFA_F_NODAD too (IPv6 stays enabled on eth0, so the kernel gives it a
#   link-local address from its MAC); osl/route_linux.go SetGatewayIPv6: the
#   default route via the gateway (metric 1024, the kernel's default for IPv6).
# * daemon.go deriveULABaseNetwork is not exercised: the subnet is given.
# MACs and veth names are fixed here; Docker draws them.
export LANG=C.UTF-8
set -u
dir=$(mktemp -d /tmp/netsim-ipv6.XXXXXX)
mount -t tmpfs netsim "$dir"
for ns in lan c1 c2; do touch "$dir/$ns"; unshare --net="$dir/$ns" true; done
inns() { local ns=$1; shift; nsenter --net="$dir/$ns" "$@"; }
run() { local ns=$1; shift; echo "$ns\$ $*"; if [ "$ns" = host ]; then "$@" 2>&1; else inns "$ns" "$@" 2>&1; fi; echo "[exit $?]"; }

ip link set lo up
# The host's eth0 (ifindex 2): a veth whose other end goes to namespace lan.
ip link add lan0 type veth peer name eth0
ip link set eth0 address 52:54:00:6b:2e:11
ip link set lan0 netns "$dir/lan"
ip addr add 192.168.1.10/24 brd + dev eth0
ip link set eth0 up
ip link add docker0 address 02:42:5c:1d:3e:7a txqueuelen 0 type bridge
sysctl -q -w net.ipv6.conf.docker0.accept_ra=0
ip addr add 172.17.0.1/16 brd + dev docker0
ip link set docker0 up
ip link add br-5f2b9c7a1e3d address 02:42:8a:3b:6c:11 txqueuelen 0 type bridge
sysctl -q -w net.ipv6.conf.br-5f2b9c7a1e3d.accept_ra=0
ip addr add 172.18.0.1/16 brd + dev br-5f2b9c7a1e3d
ip addr add 2001:db8:1::1/64 nodad dev br-5f2b9c7a1e3d
ip link set br-5f2b9c7a1e3d up

# One container: <ns> <host veth> <host veth MAC> <temporary name> <MAC> <IPv4> <IPv6>
join() {
  local ns=$1 hveth=$2 hmac=$3 tmp=$4 mac=$5 address=$6 address6=$7
  inns "$ns" ip link set lo up
  ip link add "$hveth" address "$hmac" txqueuelen 0 type veth peer name "$tmp" txqueuelen 0 netns "$dir/$ns"
  ip link set "$hveth" master br-5f2b9c7a1e3d
  ip link set "$hveth" up
  inns "$ns" ip link set "$tmp" name eth0
  inns "$ns" ip link set eth0 address "$mac"
  inns "$ns" ip addr add "$address" brd + dev eth0
  inns "$ns" ip addr add "$address6" nodad dev eth0
  inns "$ns" ip link set eth0 up
  inns "$ns" ip route add default via 172.18.0.1 dev eth0
  inns "$ns" ip -6 route add default via 2001:db8:1::1 dev eth0
}
join c1 veth3f1c2a9 5e:0c:7b:d1:28:e6 veth0b6e2d4 3a:9f:5c:e2:71:0b 172.18.0.2/16 2001:db8:1::2/64
join c2 veth8d0e4b7 ee:41:96:3a:b0:5d vethe7a3c18 b6:2d:8a:4f:93:c7 172.18.0.3/16 2001:db8:1::3/64
# Names for the name steps, as the embedded DNS gives them (AAAA and PTR): a hosts file here.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n2001:db8:1::3\tc2\n172.18.0.4\td1\n' > "$dir/hosts"
mount --bind "$dir/hosts" /etc/hosts
# A web server on [::]:80 in c2 (BusyBox httpd; only the connection matters here).
mkdir -p "$dir/www" && echo hello > "$dir/www/index.html"
inns c2 busybox httpd -p '[::]:80' -h "$dir/www"
# Docker turns IPv6 forwarding on for its first IPv6 network (setupIPv6Forwarding).
sysctl -q -w net.ipv6.conf.all.forwarding=1
sysctl -q -w net.ipv6.conf.default.forwarding=1
sleep 3

echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)), iputils-ping $(dpkg-query -W -f='${Version}' iputils-ping), curl $(dpkg-query -W -f='${Version}' curl), busybox $(dpkg-query -W -f='${Version}' busybox) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n)"
echo "# script: layouts/session.ipv6.sh (bridge br-5f2b9c7a1e3d 172.18.0.1/16 and 2001:db8:1::1/64; c1 172.18.0.2 and 2001:db8:1::2, c2 172.18.0.3 and 2001:db8:1::3 on it; the host's eth0 is one end of a veth)"
echo "# format: each command as \"NS\$ COMMAND\" (NS = host, c1 or c2: the namespace it ran in), then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
run c1 ip addr
run c1 ip -6 addr
run c1 ip -6 route
run c1 ip route
run c1 ip -br addr
run host ip addr show br-5f2b9c7a1e3d
run host ip -6 route
run host ip -6 addr show dev br-5f2b9c7a1e3d
run c1 ping -c 2 2001:db8:1::3
run c1 ping -6 -c 1 2001:db8:1::1
run c1 busybox ping -c 1 2001:db8:1::3
run c1 busybox ping -6 -c 1 2001:db8:1::3
run c1 busybox ping6 -c 1 2001:db8:1::3
run c1 ping -c 1 -W 1 2001:db8:1::99
run c1 busybox ping -c 1 -W 1 2001:db8:1::99
run host ping -c 1 2001:db8:1::2
run c1 ip -6 neigh
run c1 ping -c 1 ::1
run c1 busybox ping -c 1 ::1
run c1 ping -c 1 2001:db8:1::2
run c1 ping -c 2 2001:db8:1::98
run c1 busybox ping -c 1 2001:db8:1::98
run c1 ping -c 1 2001:4860:4860::8888
run c1 busybox ping -c 1 2001:4860:4860::8888
run host ping -c 1 2001:4860:4860::8888
run host busybox ping -c 1 2001:4860:4860::8888
run c1 ping -4 -c 1 2001:db8:1::3
run c1 busybox ping -4 -c 1 2001:db8:1::3
run c1 ping6 -c 1 2001:db8:1::3
run c1 ping -6 -c 1 172.18.0.3
run c1 busybox ping -6 -c 1 172.18.0.3
run c1 curl -sS http://[2001:db8:1::3]/
run c1 curl -sS http://[2001:db8:1::3]:81/
run c1 curl -sS -m 5 http://[2001:db8:1::97]/
run c1 curl -sS http://[2001:4860:4860::8888]/
run c1 curl -6 -sS http://172.18.0.3/
run c1 busybox wget -qO- http://[2001:db8:1::3]/
run c1 busybox wget -qO- http://[2001:db8:1::3]:81/
run c1 busybox wget -qO- http://[2001:db8:1::96]/
run c1 busybox wget -qO- http://[2001:4860:4860::8888]/
run host curl -sS http://[2001:db8:1::3]/
run c1 ping -6 -c 1 c2
run c1 ping6 -c 1 c2
run c1 busybox ping -6 -c 1 c2
run c1 ping -6 -c 1 d1
run c1 busybox ping -6 -c 1 d1
