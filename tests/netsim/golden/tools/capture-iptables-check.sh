#!/bin/bash
# Re-create the `iptables -C`, LOG and conntrack goldens of this directory in a throwaway
# network namespace holding one rule, FORWARD -o docker0 -j DOCKER (and, for
# LOG, a chain MYCHAIN of LOG rules).
#
#   sudo ./capture-iptables-check.sh     # needs iptables (nf_tables) util-linux
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-iptables-check
mkdir -p "$TMP"
PACKAGE=iptables
. "$here/capture-lib.sh"

if [ "${1:-}" != inside ]; then
  cd "$here" && exec unshare --net ./capture-iptables-check.sh inside
fi

iptables -N DOCKER
iptables -A FORWARD -o docker0 -j DOCKER
capture iptables-C-present 'the rule is there: nothing printed, exit 0' -- iptables -C FORWARD -o docker0 -j DOCKER
capture iptables-C-absent '' -- iptables -C FORWARD -o docker1 -j DOCKER
capture iptables-C-no-chain 'a chain that does not exist: the same answer' -- iptables -C NOPE -j ACCEPT
capture iptables-C-rule-number '-C takes no rule number' -- iptables -C FORWARD 1

iptables -N MYCHAIN
iptables -A MYCHAIN -j LOG --log-prefix "mychain: "
iptables -A MYCHAIN -j LOG --log-level 7 --log-prefix abc
iptables -A MYCHAIN -j LOG --log-prefix 'a "b" c'
iptables -A MYCHAIN -j LOG --log-level 0
capture iptables-LOG-S 'the default level (4) is left out; a prefix with a blank or a quote is quoted' -- iptables -S MYCHAIN
capture iptables-LOG-L 'level names without -n' -- iptables -L MYCHAIN
capture iptables-LOG-L-n '' -- iptables -L MYCHAIN -n
capture iptables-LOG-bad-level '' -- iptables -A MYCHAIN -j LOG --log-level 9

iptables -N DOCKER-USER
iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP
iptables -A DOCKER-USER -m conntrack --ctstate NEW --ctdir REPLY -j ACCEPT
iptables -A DOCKER-USER -m conntrack ! --ctorigdstport 81 -j ACCEPT
capture iptables-ctorigdstport-S 'the conntrack match as the packet-filtering docs use it' -- iptables -S DOCKER-USER
capture iptables-ctorigdstport-L '' -- iptables -L DOCKER-USER
capture iptables-ctorigdstport-L-n '' -- iptables -L DOCKER-USER -n
capture iptables-ctdir-bad '' -- iptables -A DOCKER-USER -m conntrack --ctdir FOO
