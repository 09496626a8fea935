#!/bin/bash
# Re-create the `ip rule` goldens of this directory: the rules a new network
# namespace starts with, as every container and the host have them.
#
#   sudo ./capture-ip-rule.sh     # needs iproute2 util-linux
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-ip-rule
mkdir -p "$TMP"
PACKAGE=iproute2
. "$here/capture-lib.sh"

if [ "${1:-}" != inside ]; then
  cd "$here" && exec unshare --net ./capture-ip-rule.sh inside
fi

ip link set lo up
user() { setpriv --reuid 1000 --regid 1000 --clear-groups "$@"; }
capture ip-rule 'the rules of a new namespace' -- user ip rule
capture ip-rule-6 '' -- user ip -6 rule show
capture ip-rule-unknown '' -- user ip rule foo
