#!/bin/bash
# Layout "docker0-empty": host eth0 192.168.1.10/24 (default via 192.168.1.1), dockerd just started: docker0 172.17.0.1/16 with no port (NO-CARRIER), base iptables rules of a new daemon, no container.
#
# Builds (after tearing down any previous run) the namespace replica of a
# Debian host running Docker Engine 29, in the state described above.
# Idempotent: it always starts with the cleanup of ./cleanup.sh.
# Must run as root.  Nothing is changed in the initial network namespace.
#
#   sudo ./docker0-empty.sh            # build
#   sudo ./cleanup.sh      # tear down (kills the relays, drops namespaces)
#
# Namespaces are bind-mounted under ${NETSIM_DIR:-/tmp/netsim}/ns/ (dhost =
# the Docker host, lan = the router 192.168.1.1, c1/c2/c3 = containers).
# Enter one with: nsenter --net=/tmp/netsim/ns/dhost -- ip addr
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
stage_docker0_empty
log "layout docker0-empty ready"
