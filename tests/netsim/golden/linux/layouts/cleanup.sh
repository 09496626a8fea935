#!/bin/bash
# Tear down everything the layouts created: kill the background processes
# started by lib.sh (tap relays, web server, docker-proxy stand-ins; by pid,
# from ${NETSIM_DIR:-/tmp/netsim}/pids) and unmount/delete the namespaces
# c3 c2 c1 dhost lan.  Idempotent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
cleanup_all
log "cleaned up"
