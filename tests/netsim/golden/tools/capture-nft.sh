#!/bin/bash
# Re-create the nft goldens of this directory: Docker 29's iptables rules for one container
# publishing 8080:80 on the default bridge, written with iptables-nft in a throwaway network
# namespace in the order dockerd writes them (moby's bridge driver: setupIPChains for IPv4,
# then IPv6; the default network's rules; the container's published port), then listed with nft.
# Made in a Debian 13 (trixie) chroot, for nftables 1.1.3 and iptables 1.8.11:
#
#   sudo debootstrap --variant=minbase --include=iptables,nftables,util-linux trixie ROOT
#   sudo mount --bind "$PWD" ROOT/cap && sudo unshare --net chroot ROOT /cap/capture-nft.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-nft
mkdir -p "$TMP"
PACKAGE=nftables
. "$here/capture-lib.sh"

for ipt in iptables ip6tables; do
  $ipt -t nat -N DOCKER
  $ipt -t filter -N DOCKER
  $ipt -t filter -N DOCKER-FORWARD
  $ipt -t filter -N DOCKER-BRIDGE
  $ipt -t filter -N DOCKER-CT
  $ipt -t filter -N DOCKER-INTERNAL
  $ipt -t filter -A DOCKER-FORWARD -j DOCKER-CT
  $ipt -t filter -A DOCKER-FORWARD -j DOCKER-INTERNAL
  $ipt -t filter -A DOCKER-FORWARD -j DOCKER-BRIDGE
  $ipt -t filter -A FORWARD -j DOCKER-FORWARD
  $ipt -t filter -N DOCKER-USER
  $ipt -t filter -I FORWARD -j DOCKER-USER
done
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
ip6tables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
ip6tables -t nat -A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER
iptables -P FORWARD DROP
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
iptables -A DOCKER-FORWARD -i docker0 -j ACCEPT
iptables -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A DOCKER-BRIDGE -o docker0 -j DOCKER
iptables -A DOCKER ! -i docker0 -o docker0 -j DROP
iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
iptables -I DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP

capture nft-list-ruleset 'Docker 29 with one container publishing 8080:80; nft prints its warnings on stderr' -- nft list ruleset
capture nft-list-tables '' -- nft list tables
capture nft-list-table-ip-nat '' -- nft list table ip nat
capture nft-list-table-ip-raw 'a table without xt matches or targets has no warning' -- nft list table ip raw
capture nft-list-table-ip-nosuch '' -- nft list table ip nosuch
capture nft-list-bogus '' -- nft list bogus
capture nft-list-ruleset-nobody 'as an unprivileged user' -- setpriv --reuid 65534 --regid 65534 --clear-groups nft list ruleset
capture nft-list-tables-nobody '' -- setpriv --reuid 65534 --regid 65534 --clear-groups nft list tables

# The terminal's view: stdout and stderr as they interleave on a tty (nft's stdout is line-buffered there).
mount -t devpts devpts /dev/pts 2>/dev/null
script -qec 'nft list table ip nat' /dev/null | tr -d '\r' >"$TMP/tty"
{ echo "# source: captured with nftables $(pkgver nftables) on $DEB"; echo "# command: nft list table ip nat"
  echo "# note: on a terminal (script -qec), stdout and stderr together, carriage returns removed"; echo "# ---"; cat "$TMP/tty"; } >"$here/nft-list-table-ip-nat.tty.txt"

# Every rule form netsim's iptables takes, as nft translates it.
iptables -N EXTRAS
iptables -A EXTRAS -s 10.0.0.0/8 -d 192.168.1.5/32 -i docker+ -o eth0 -p udp -m udp --sport 53 -j RETURN
iptables -A EXTRAS ! -s 10.1.0.0/16 -p tcp -m tcp --sport 1024 --dport 22 -j REJECT --reject-with tcp-reset
iptables -A EXTRAS -p icmp -j REJECT
iptables -A EXTRAS -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP
iptables -A EXTRAS -m conntrack ! --ctstate NEW -j ACCEPT
iptables -A EXTRAS -m state --state INVALID -j DROP
iptables -A EXTRAS -m addrtype --src-type LOCAL --dst-type LOCAL -j ACCEPT
iptables -A EXTRAS -m iprange -i eth0 ! --src-range 192.168.1.1-192.168.1.3 -j DROP
iptables -A EXTRAS -m iprange --dst-range 10.0.0.1-10.0.0.9 -j LOG --log-prefix "dst: " --log-level 7
iptables -A EXTRAS -j LOG
iptables -A EXTRAS -o docker0
iptables -A EXTRAS -p tcp -j REJECT --reject-with icmp-host-prohibited
iptables -A EXTRAS -j REJECT --reject-with icmp-net-unreachable
iptables -A EXTRAS -j REJECT --reject-with icmp-admin-prohibited
iptables -A EXTRAS -m conntrack --ctstate INVALID,NEW,RELATED,ESTABLISHED,UNTRACKED -j ACCEPT
iptables -A EXTRAS -m state ! --state NEW,ESTABLISHED -j ACCEPT
iptables -A EXTRAS -m conntrack --ctstate SNAT,DNAT -j ACCEPT
iptables -A EXTRAS -p tcp -m conntrack ! --ctorigdstport 81 --ctdir REPLY -j ACCEPT
iptables -A EXTRAS -m addrtype --dst-type LOCAL -j ACCEPT
iptables -A EXTRAS -m addrtype --src-type LOCAL -j ACCEPT
iptables -A EXTRAS -m iprange --src-range 1.2.3.4-1.2.3.4 ! --dst-range 5.6.7.8-5.6.7.9 -j ACCEPT
iptables -A EXTRAS ! -i docker0 ! -o eth0 -p tcp -j ACCEPT
iptables -A EXTRAS ! -d 172.17.0.0/16 -p udp -m udp --dport 53 -j LOG --log-prefix 'a "b" c' --log-level 0
iptables -A EXTRAS -j LOG --log-level 4 --log-prefix abc
iptables -A EXTRAS -m conntrack --ctstate NEW -m iprange --src-range 10.0.0.1-10.0.0.2 -p tcp --dport 80 -j ACCEPT
iptables -t nat -N EXTRAS
iptables -t nat -A EXTRAS -p udp -j SNAT --to-source 192.168.1.10:1000-2000
iptables -t nat -A EXTRAS -p tcp -j DNAT --to-destination 172.17.0.2-172.17.0.4
iptables -t nat -A EXTRAS -j SNAT --to-source 192.168.1.10
ip6tables -A DOCKER -d fd00::2/128 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
ip6tables -A DOCKER -j REJECT
ip6tables -A DOCKER -p tcp -j REJECT --reject-with tcp-reset
ip6tables -A DOCKER -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -t nat -A POSTROUTING -s fd00::/64 ! -o docker0 -j MASQUERADE
ip6tables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination [fd00::2]:80
ip6tables -A DOCKER -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
capture nft-list-chain-extras 'rule forms beyond a default Docker host' -- nft list chain ip filter EXTRAS
capture nft-list-chain-nat-extras '' -- nft list chain ip nat EXTRAS
capture nft-list-chain-ip6-docker '' -- nft list chain ip6 filter DOCKER
capture nft-list-table-ip6-nat '' -- nft list table ip6 nat
