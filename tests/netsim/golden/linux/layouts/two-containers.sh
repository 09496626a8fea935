#!/bin/bash
# Layout "two-containers": docker0-empty + 'docker run -d -p 8080:80 --name c1' (172.17.0.2, a web server on :80) + 'docker run -d --name c2' (172.17.0.3), both on the default bridge.
#
# Builds (after tearing down any previous run) the namespace replica of a
# Debian host running Docker Engine 29, in the state described above.
# Idempotent: it always starts with the cleanup of ./cleanup.sh.
# Must run as root.  Nothing is changed in the initial network namespace.
#
#   sudo ./two-containers.sh            # build
#   sudo ./cleanup.sh      # tear down (kills the relays, drops namespaces)
#
# Namespaces are bind-mounted under ${NETSIM_DIR:-/tmp/netsim}/ns/ (dhost =
# the Docker host, lan = the router 192.168.1.1, c1/c2/c3 = containers).
# Enter one with: nsenter --net=/tmp/netsim/ns/dhost -- ip addr
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
stage_two_containers
log "layout two-containers ready"
