# Replays the ip neigh / ip -6 session of session.ip-neigh.txt (run as root).
# Run it in a throwaway namespace, from this directory:
#   sudo unshare -n bash session.ip-neigh.sh > ../session.ip-neigh.txt
# Layout: this namespace has veth0 10.0.0.1/24; its peer `eth0` (10.0.0.2/24,
# MAC 02:42:0a:00:00:02) lives in a second namespace bind-mounted on a file, as
# Docker keeps a container's. MACs are fixed so re-runs give the same bytes.
export LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
nobody() { echo "\$ $* (as nobody)"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@" 2>&1; echo "[exit $?]"; }
peer=$(mktemp /tmp/netsim-peer.XXXXXX)
unshare --net="$peer" true
trap 'umount "$peer"; rm -f "$peer"' EXIT
inpeer() { nsenter --net="$peer" "$@"; }
ip link set lo up
ip link add veth0 address 02:42:0a:00:00:01 type veth peer name eth0 address 02:42:0a:00:00:02
ip link set eth0 netns "$peer"
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
inpeer ip link set lo up
inpeer ip addr add 10.0.0.2/24 dev eth0
inpeer ip link set eth0 up
sleep 2
echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network namespace (unshare -n)"
echo "# script: layouts/session.ip-neigh.sh (veth0 10.0.0.1/24 MAC 02:42:0a:00:00:01, peer 10.0.0.2 MAC 02:42:0a:00:00:02)"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\"; \"# ...\" lines say what happened between commands"
echo "# ---"
run ip neigh
echo "# ping -c 1 10.0.0.2 (answered)"
ping -c 1 -W 1 10.0.0.2 >/dev/null
run ip neigh
run ip n
run ip neighbour
run ip neighbor show
run ip neigh list
run ip neigh show dev veth0
run ip neigh show 10.0.0.2
run ip neigh show to 10.0.0.0/24
run ip neigh show 10.0.0.3
run ip neigh show nud reachable
run ip neigh show nud stale
run ip -4 neigh
run ip -6 neigh
run ip neigh show dev nosuch
run ip neigh show dev
run ip neigh show nud bogus
run ip neigh show bogus
run ip neigh foo
echo "# ping -c 1 -W 1 10.0.0.99 (nobody answers; ip neigh runs while ARP is still asking)"
ping -c 1 -W 1 10.0.0.99 >/dev/null &
pinging=$!
sleep 0.3
run ip neigh show 10.0.0.99
wait "$pinging"
echo "# sleep 3 (the kernel gives up after 3 ARP probes, one a second)"
sleep 3
run ip neigh show 10.0.0.99
run ip neigh add 10.0.0.50 lladdr 02:42:0a:00:00:32 dev veth0
run ip neigh add 10.0.0.50 lladdr 02:42:0a:00:00:32 dev veth0
run ip neigh add 10.0.0.51 lladdr 02:42:0a:00:00:33 dev veth0 nud reachable
run ip neigh add 10.0.0.52 lladdr 02:42:0a:00:00:34 dev veth0 nud stale
run ip neigh add 10.0.0.53 lladdr 02:42:0a:00:00:35 dev nosuch
run ip neigh add 10.0.0.54 lladdr 02:42:0a:00:00:36
run ip neigh add lladdr 02:42:0a:00:00:36 dev veth0
run ip neigh add 10.0.0.55 lladdr 02:42:0a:00:00:37 dev veth0 nud bogus
run ip neigh add bogus lladdr 02:42:0a:00:00:37 dev veth0
run ip -4 neigh add bogus lladdr 02:42:0a:00:00:37 dev veth0
run ip neigh add 10.0.0.57 dev veth0
run ip neigh add 10.0.0.58 lladdr zz dev veth0
run ip neigh add 10.0.0.59 lladdr 02:42:0a:00:00:3b dev veth0 nud p
run ip neigh change 10.0.0.60 lladdr 02:42:0a:00:00:3c dev veth0
nobody ip neigh add 10.0.0.56 lladdr 02:42:0a:00:00:38 dev veth0
nobody ip neigh show 10.0.0.50
run ip neigh show dev veth0
run ip neigh show nud permanent
run ip neigh show nud 0x80
run ip neigh show dev veth0 to 10.0.0.50
run ip neigh del 10.0.0.50 dev veth0
run ip neigh del 10.0.0.50 dev veth0
run ip neigh replace 10.0.0.51 lladdr 02:42:0a:00:00:99 dev veth0 nud permanent
run ip neigh show 10.0.0.51
run ip neigh flush
nobody ip neigh flush dev veth0
run ip neigh flush dev veth0
run ip neigh
echo "# in the peer namespace"
run inpeer ip neigh
run ip -6 addr
run ip -6 route
run ip -6 a show dev veth0
run inpeer ip -6 addr
run inpeer ip -6 route
