# Replays session.netns-move.txt (run as root): moving a link into a namespace gives
# that namespace a netnsid in the one it leaves (__dev_change_net_namespace).
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash layouts/session.netns-move.sh > session.netns-move.txt
export LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
mount -t tmpfs tmpfs /run
echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.netns-move.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
run ip netns add nsA
run ip netns add nsB
run ip link add vA type veth peer name vB
run ip link set vA netns nsA
run ip netns list
run ip link set vB netns nsB
run ip netns list
run ip netns add nsC
run ip link add x1 type veth peer name x2
run ip link set x1 netns nsC
run ip netns list
run ip netns del nsB
run ip netns list
