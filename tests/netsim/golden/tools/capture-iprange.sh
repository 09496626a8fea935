#!/bin/bash
# Re-create the iptables iprange goldens of this directory in a throwaway network namespace
# holding a DOCKER-USER chain. Made in a Debian 13 (trixie) chroot, for iptables 1.8.11:
#
#   sudo debootstrap --variant=minbase --include=iptables trixie ROOT
#   sudo mount --bind "$PWD" ROOT/cap && sudo unshare --net chroot ROOT /cap/capture-iprange.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-iprange
mkdir -p "$TMP"
PACKAGE=iptables
. "$here/capture-lib.sh"

iptables -N DOCKER-USER
iptables -I DOCKER-USER -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP
iptables -A DOCKER-USER -m iprange --dst-range 10.0.0.1 -j ACCEPT
iptables -A DOCKER-USER -p tcp -m iprange --src-range 10.1.2.3-10.1.2.9 ! --dst-range 172.17.0.2-172.17.0.5 -j RETURN
capture iptables-iprange-S 'a range, one address, both directions' -- iptables -S DOCKER-USER
capture iptables-iprange-L '' -- iptables -L DOCKER-USER
capture iptables-iprange-L-n-v '' -- iptables -L DOCKER-USER -n -v
capture iptables-iprange-save '' -- iptables-save -t filter
capture iptables-iprange-bad '' -- iptables -A DOCKER-USER -m iprange --src-range 10.0.0.1-nope -j DROP
capture iptables-iprange-short 'a short address is filled with zeros' -- iptables -A DOCKER-USER -m iprange --src-range 10.1-10.2.0x10 -j DROP
capture iptables-iprange-short-S '' -- iptables -S DOCKER-USER
capture iptables-iprange-no-module '--src-range before -m iprange' -- iptables -A DOCKER-USER --src-range 10.0.0.1-10.0.0.2 -j DROP
