#!/bin/bash
# Layout "full": two-containers + 'docker network create --subnet 172.18.0.0/16 net1' (bridge br-5f2b9c7a1e3d, 172.18.0.1/16) + 'docker run -d --network net1 --name c3' (172.18.0.2).
#
# Builds (after tearing down any previous run) the namespace replica of a
# Debian host running Docker Engine 29, in the state described above.
# Idempotent: it always starts with the cleanup of ./cleanup.sh.
# Must run as root.  Nothing is changed in the initial network namespace.
#
#   sudo ./full.sh            # build
#   sudo ./cleanup.sh      # tear down (kills the relays, drops namespaces)
#
# Namespaces are bind-mounted under ${NETSIM_DIR:-/tmp/netsim}/ns/ (dhost =
# the Docker host, lan = the router 192.168.1.1, c1/c2/c3 = containers).
# Enter one with: nsenter --net=/tmp/netsim/ns/dhost -- ip addr
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
stage_full
log "layout full ready"
