#!/bin/bash
# Re-create the `ip route get` and `hostname -I` goldens of this directory in a throwaway network
# namespace laid out as netsim's Docker host: eth0 192.168.1.10/24 with the
# default route via 192.168.1.1, and docker0 172.17.0.1/16 with no port (linkdown).
# The lookups run as uid 1000, the host user (setpriv), except the one marked root.
#
#   sudo ./capture-route-get.sh     # needs iproute2 util-linux hostname
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-route-get
mkdir -p "$TMP"
PACKAGE=iproute2
. "$here/capture-lib.sh"

if [ "${1:-}" != inside ]; then
  cd "$here" && exec unshare --net ./capture-route-get.sh inside
fi

ip link set lo up
ip link add eth0 type veth peer name lan0
ip link set lan0 up
ip link set eth0 up
ip addr add 192.168.1.10/24 dev eth0
ip route add default via 192.168.1.1
ip link add docker0 type bridge
ip link set docker0 up
ip addr add 172.17.0.1/16 dev docker0
# A port that comes and goes leaves the bridge without carrier, as docker0 with no container.
ip link add veth0 type veth peer name veth1
ip link set veth0 master docker0 up
ip link set veth1 up
sleep 0.5
ip link del veth0
sleep 0.5

user() { setpriv --reuid 1000 --regid 1000 --clear-groups "$@"; }
capture ip-route-get-internet 'through the default route' -- user ip route get 8.8.8.8
capture ip-route-get-docker0 'docker0 has no carrier: the answer does not say linkdown' -- user ip route get 172.17.0.2
capture ip-route-get-gateway '' -- user ip route get 192.168.1.1
capture ip-route-get-own-address 'one of the host'"'"'s addresses: the local table, by lo' -- user ip route get 192.168.1.10
capture ip-route-get-loopback '' -- user ip route get 127.0.0.1
capture ip-route-get-root 'as root: uid 0' -- ip route get 8.8.8.8
capture ip-route-get-from 'from: no src in the answer' -- user ip route get 8.8.8.8 from 192.168.1.10
capture ip-route-get-abbreviated '' -- user ip r g 8.8.8.8
capture ip-route-get-nothing '' -- user ip route get
capture ip-route-get-name 'a name is not a prefix' -- user ip route get google.com
capture ip-route-get-extra '' -- user ip route get 8.8.8.8 foo
PACKAGE=hostname capture hostname-I 'addresses of links that are up, loopback left out' -- user hostname -I
ip route del default
capture ip-route-get-unreachable 'without the default route' -- user ip route get 8.8.8.8
