#!/bin/bash
# Re-create the `ping -s`/`-M` goldens of this directory: iputils ping from a
# namespace with 172.17.0.1/16 on a veth (MTU 1500) to its peer, 172.17.0.2, in
# a second namespace, as the Docker host pings a container on docker0.
#
#   sudo ./capture-ping-size.sh     # needs iputils-ping iproute2 util-linux
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-ping-size
mkdir -p "$TMP"
PACKAGE=iputils-ping
. "$here/capture-lib.sh"

if [ "${1:-}" != inside ]; then
  # A mount namespace of its own too, so that `ip netns add` leaves nothing behind.
  cd "$here" && exec unshare --net --mount --propagation private ./capture-ping-size.sh inside
fi

mkdir -p /run/netns
mount -t tmpfs none /run/netns
ip netns add peer
ip link set lo up
ip link add eth0 type veth peer name peer0
ip link set peer0 netns peer
ip addr add 172.17.0.1/16 dev eth0
ip link set eth0 up
ip -n peer link set lo up
ip -n peer addr add 172.17.0.2/16 dev peer0
ip -n peer link set peer0 up
sleep 1

capture ping-s-1472-M-do 'the largest echo that fits a 1500-byte MTU unfragmented' -- ping -s 1472 -M do -c 1 172.17.0.2
capture ping-s-2000-M-do 'too large with DF: the kernel refuses each send (EMSGSIZE)' -- ping -s 2000 -M do -c 2 172.17.0.2
capture ping-s-2000 'too large without DF: fragmented, and answered' -- ping -s 2000 -c 1 172.17.0.2
capture ping-s-8 'no room for the timestamp (16 bytes): no time= and no rtt line' -- ping -s 8 -c 1 172.17.0.2
capture ping-M-bad '' -- ping -M foo -c 1 172.17.0.2
capture ping-s-bad '' -- ping -s abc -c 1 172.17.0.2
capture ping-s-negative '' -- ping -s -1 -c 1 172.17.0.2
