# Replays the ip netns session of session.ip-netns.txt (run as root).
# Run it in a throwaway network and mount namespace, from this directory:
#   sudo unshare -m -n bash session.ip-netns.sh > ../session.ip-netns.txt
# A tmpfs on /run (private to this mount namespace) starts with no /run/netns,
# as on a Docker host: dockerd keeps its sandboxes in /run/docker/netns.
export LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
nobody() { echo "\$ $* (as nobody)"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@" 2>&1; echo "[exit $?]"; }
mount -t tmpfs tmpfs /run
echo "# source: captured with iproute2 $(dpkg-query -W -f='${Version}' iproute2) ($(ip -V)) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network and mount namespace (unshare -m -n), /run a fresh tmpfs"
echo "# script: layouts/session.ip-netns.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
run ip netns
run ip netns list
run ip netns add blue
nobody ip netns add green
run ip netns add red
run ip netns add a/b
run ip netns add blue
run ip netns
run ip netns list
run ip netns show
nobody ip netns list
nobody ip netns del blue
run ip link add v0 type veth peer name v1 netns red
run ip netns list
run ip -br link show v0
run ip link show v0
run ip netns del blue
run ip netns del blue
run ip netns delete red
run ip netns
run ip netns foo
run ip netns add
run ip -4 netns
