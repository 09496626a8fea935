#!/bin/bash
# Re-create the golden files of this directory.
#
#   sudo ./capture.sh            # builds each layout, captures, cleans up
#
# Needs root and the Debian packages iproute2, iptables, iputils-ping, curl,
# socat, procps (ss comes with iproute2).  Nothing is changed in the initial
# network namespace: see layouts/lib.sh.
#
# Each golden file is written by shell redirection of the real tool output:
#   # source: ...                 tool + version, Debian release, kernel
#   # layout: ...                 layout script + namespace the command ran in
#   # command: ...                what was typed
#   # exit code: N
#   # stdout: N bytes; stderr: M bytes
#   # ---
#   <raw stdout>
#   # --- stderr                  (only if stderr is not empty; a "\n" is
#   <raw stderr>                   inserted before it if stdout does not end
#                                  with one - use the byte counts to slice)
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=layouts/lib.sh
. "$here/layouts/lib.sh"

OUT=${OUT:-$here}
TMP=$(mktemp -d /tmp/netsim-capture.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

DEB_VERSION="Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME"))"
KERNEL="Linux $(uname -r)"
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
V_IP="iproute2 $(pkgver iproute2) ($(ip -V))"
V_SS="iproute2 $(pkgver iproute2) ($(ss -V))"
V_BRIDGE="iproute2 $(pkgver iproute2) ($(bridge -V))"
V_IPT="iptables $(pkgver iptables) ($(iptables -V))"
V_PING="iputils-ping $(pkgver iputils-ping) ($(ping -V | head -n1))"
V_CURL="curl $(pkgver curl) ($(curl -V | head -n1 | cut -d' ' -f1-2))"

CUR_LAYOUT=none

tool_version() {
    case "$1" in
        ip) echo "$V_IP" ;;
        ss) echo "$V_SS" ;;
        bridge) echo "$V_BRIDGE" ;;
        iptables | iptables-save) echo "$V_IPT" ;;
        ping) echo "$V_PING" ;;
        curl) echo "$V_CURL" ;;
        bash) echo "bash $(pkgver bash) and su from util-linux $(pkgver util-linux)" ;;
        *) echo "$1" ;;
    esac
}

ns_role() {
    case "$1" in
        dhost) echo "dhost = the Docker host" ;;
        lan) echo "lan = the LAN router 192.168.1.1" ;;
        c1) echo "c1 = container on docker0, 172.17.0.2, publishes 8080->80" ;;
        c2) echo "c2 = container on docker0, 172.17.0.3" ;;
        c3) echo "c3 = container on net1 ($USERNET_BR), 172.18.0.2" ;;
    esac
}

# cap FILE NS 'COMMAND AS TYPED' [NOTE]
#   Runs COMMAND (word-split with eval, so quote inside it like in a shell)
#   inside namespace NS, as root, with a clean environment.
# Set CAP_AS=nobody to run it as uid/gid 65534 (setpriv), CAP_TTY=1 to run
# it under a pseudo-terminal (script(1)), CAP_TOOL to force the tool name.
cap() {
    local file=$1 ns=$2 cmd=$3 note=${4:-}
    local tool=${CAP_TOOL:-${cmd%% *}}
    tool=${tool##*/}
    local prefix=()
    local env=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        LANG=C.UTF-8 HOME=/root TERM=xterm-256color)
    if [ "${CAP_AS:-}" = nobody ]; then
        prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        env=(env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games
            LANG=C.UTF-8 HOME=/nonexistent TERM=xterm-256color)
    fi
    local rc
    if [ "${CAP_TTY:-}" = 1 ]; then
        # script(1) merges stdout and stderr, as a terminal would show them.
        inns_etc "$ns" "${prefix[@]}" "${env[@]}" script -qec "$cmd" /dev/null \
            >"$TMP/out" 2>"$TMP/err" </dev/null
        rc=$?
    else
        inns_etc "$ns" "${prefix[@]}" "${env[@]}" sh -c "exec $cmd" \
            >"$TMP/out" 2>"$TMP/err" </dev/null
        rc=$?
    fi
    local ob eb
    ob=$(wc -c <"$TMP/out")
    eb=$(wc -c <"$TMP/err")
    {
        printf '# source: captured with %s on %s, %s, iptables backend nf_tables\n' \
            "$(tool_version "$tool")" "$DEB_VERSION" "$KERNEL"
        printf '# layout: layouts/%s.sh (namespace %s)\n' "$CUR_LAYOUT" "$(ns_role "$ns")"
        printf '# command: %s\n' "$cmd"
        if [ "${CAP_AS:-}" = nobody ]; then
            printf '# run as: user nobody (uid 65534, gid 65534, no groups), PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\n'
        else
            printf '# run as: root\n'
        fi
        if [ "${CAP_TTY:-}" = 1 ]; then
            printf '# terminal: run under a pseudo-terminal (script -qec); stdout and stderr are merged and line ends are CR LF as emitted by the tty\n'
        else
            printf '# terminal: none (stdout and stderr redirected to files)\n'
        fi
        [ -n "$note" ] && printf '# note: %s\n' "$note"
        printf '# exit code: %d\n' "$rc"
        printf '# stdout: %d bytes; stderr: %d bytes\n' "$ob" "$eb"
        printf '# ---\n'
        cat "$TMP/out"
        if [ "$eb" -gt 0 ]; then
            if [ "$ob" -gt 0 ] && [ "$(tail -c1 "$TMP/out" | od -An -c | tr -d ' ')" != '\n' ]; then
                printf '\n'
            fi
            printf '# --- stderr\n'
            cat "$TMP/err"
        fi
    } >"$OUT/$file"
    printf '%-60s rc=%d out=%d err=%d\n' "$file" "$rc" "$ob" "$eb"
}

layout() {
    CUR_LAYOUT=$1
    log "building layout $1"
    case "$1" in
        docker0-empty) stage_docker0_empty ;;
        two-containers) stage_two_containers ;;
        full) stage_full ;;
    esac
}

########################################################################
# 1. dockerd just started, docker0 has no port
########################################################################
layout docker0-empty
cap host.ip-addr.docker0-empty.txt dhost 'ip addr'
cap host.ip-link.docker0-empty.txt dhost 'ip link'
cap host.ip-br-addr.docker0-empty.txt dhost 'ip -br addr'
cap host.ip-br-link.docker0-empty.txt dhost 'ip -br link'
cap host.ip-link-show-docker0.docker0-empty.txt dhost 'ip link show docker0'
cap host.ip-addr-show-docker0.docker0-empty.txt dhost 'ip addr show docker0'
cap host.ip-link-show-master-docker0.docker0-empty.txt dhost 'ip link show master docker0'
cap host.ip-route.docker0-empty.txt dhost 'ip route'
cap host.bridge-link.docker0-empty.txt dhost 'bridge link'
cap host.iptables-S.docker0-empty.txt dhost 'iptables -S'
cap host.iptables-t-nat-S.docker0-empty.txt dhost 'iptables -t nat -S'
cap host.iptables-t-raw-S.docker0-empty.txt dhost 'iptables -t raw -S'
cap host.iptables-L.docker0-empty.txt dhost 'iptables -L'
cap host.iptables-L-n-v.docker0-empty.txt dhost 'iptables -L -n -v'
cap host.iptables-t-nat-L-n-v.docker0-empty.txt dhost 'iptables -t nat -L -n -v'
cap host.iptables-save.docker0-empty.txt dhost 'iptables-save'

########################################################################
# 2. c1 (-p 8080:80) and c2 on docker0
########################################################################
layout two-containers
cap host.ip-addr.two-containers.txt dhost 'ip addr'
cap host.ip-link.two-containers.txt dhost 'ip link'
cap host.ip-br-addr.two-containers.txt dhost 'ip -br addr'
cap host.ip-br-link.two-containers.txt dhost 'ip -br link'
cap host.ip-link-show-docker0.two-containers.txt dhost 'ip link show docker0'
cap host.ip-addr-show-docker0.two-containers.txt dhost 'ip addr show docker0'
cap host.ip-link-show-master-docker0.two-containers.txt dhost 'ip link show master docker0'
cap host.ip-route.two-containers.txt dhost 'ip route'
cap host.bridge-link.two-containers.txt dhost 'bridge link'
cap host.iptables-S.two-containers.txt dhost 'iptables -S'
cap host.iptables-t-nat-S.two-containers.txt dhost 'iptables -t nat -S'
cap host.iptables-t-raw-S.two-containers.txt dhost 'iptables -t raw -S'
cap c1.ip-addr.two-containers.txt c1 'ip addr'
cap c1.ip-route.two-containers.txt c1 'ip route'
cap c2.ip-addr.two-containers.txt c2 'ip addr'

########################################################################
# 3. + user-defined network net1 (br-5f2b9c7a1e3d) with c3
########################################################################
layout full
# -- iproute2, host
cap host.ip-addr.full.txt dhost 'ip addr'
cap host.ip-a.full.txt dhost 'ip a'
cap host.ip-4-addr.full.txt dhost 'ip -4 addr'
cap host.ip-br-addr.full.txt dhost 'ip -br addr'
cap host.ip-br-link.full.txt dhost 'ip -br link'
cap host.ip-link.full.txt dhost 'ip link'
cap host.ip-link-show-docker0.full.txt dhost 'ip link show docker0'
cap host.ip-addr-show-docker0.full.txt dhost 'ip addr show docker0'
cap host.ip-a-s-docker0.full.txt dhost 'ip a s docker0'
cap host.ip-ad-show.full.txt dhost 'ip ad show'
cap host.ip-link-show-master-docker0.full.txt dhost 'ip link show master docker0'
cap host.ip-route.full.txt dhost 'ip route'
cap host.ip-4-route.full.txt dhost 'ip -4 route'
cap host.ip-route-get-8.8.8.8.full.txt dhost 'ip route get 8.8.8.8'
cap host.bridge-link.full.txt dhost 'bridge link'
# -- iproute2, containers
cap c1.ip-addr.full.txt c1 'ip addr'
cap c1.ip-route.full.txt c1 'ip route'
cap c1.ip-link.full.txt c1 'ip link'
cap c3.ip-addr.full.txt c3 'ip addr'
cap c3.ip-route.full.txt c3 'ip route'
# -- iproute2 errors
cap host.ip-addr-show-nosuchdev.err.txt dhost 'ip addr show nosuchdev'
cap host.ip-link-show-nosuchdev.err.txt dhost 'ip link show nosuchdev'
cap host.ip-link-set-nosuchdev-up.err.txt dhost 'ip link set nosuchdev up'
cap host.ip-link-add-docker0-type-bridge.err.txt dhost 'ip link add docker0 type bridge'
cap host.ip-route-add-172.17.0.0-16-dev-docker0.err.txt dhost 'ip route add 172.17.0.0/16 dev docker0'
cap host.ip-addr-add-172.17.0.1-16-dev-docker0.err.txt dhost 'ip addr add 172.17.0.1/16 dev docker0'
cap host.ip-addr-add-300.1.1.1-24-dev-docker0.err.txt dhost 'ip addr add 300.1.1.1/24 dev docker0'
cap host.ip-link-show-dev.err.txt dhost 'ip link show dev'
cap host.ip-foo.err.txt dhost 'ip foo'
cap host.ip-addr-foo.err.txt dhost 'ip addr foo'
# -- iptables, counters still at zero (no traffic yet)
cap host.iptables-L.full.txt dhost 'iptables -L'
cap host.iptables-L-n.full.txt dhost 'iptables -L -n'
cap host.iptables-L-n-v.full.txt dhost 'iptables -L -n -v'
cap host.iptables-nvL.full.txt dhost 'iptables -nvL'
cap host.iptables-L-n-v-x.full.txt dhost 'iptables -L -n -v -x'
cap host.iptables-L-n-line-numbers.full.txt dhost 'iptables -L -n --line-numbers'
cap host.iptables-L-v-line-numbers.full.txt dhost 'iptables -L -v --line-numbers'
cap host.iptables-t-nat-L-n.full.txt dhost 'iptables -t nat -L -n'
cap host.iptables-t-nat-L-n-v.full.txt dhost 'iptables -t nat -L -n -v'
cap host.iptables-t-nat-L.full.txt dhost 'iptables -t nat -L' \
    'reverse DNS lookups fail at once (resolv.conf points to 127.0.0.1, nothing listens): names come from /etc/networks and /etc/services only'
cap host.iptables-t-raw-L-n-v.full.txt dhost 'iptables -t raw -L -n -v'
cap host.iptables-S.full.txt dhost 'iptables -S'
cap host.iptables-t-nat-S.full.txt dhost 'iptables -t nat -S'
cap host.iptables-t-raw-S.full.txt dhost 'iptables -t raw -S'
cap host.iptables-S-DOCKER.full.txt dhost 'iptables -S DOCKER'
cap host.iptables-save.full.txt dhost 'iptables-save'
cap host.iptables-L-DOCKER-n.full.txt dhost 'iptables -L DOCKER -n'
cap host.iptables-t-nat-L-DOCKER-n.full.txt dhost 'iptables -t nat -L DOCKER -n'
# -- iptables errors
cap host.iptables-L-NOSUCH.err.txt dhost 'iptables -L NOSUCH'
cap host.iptables-L-n-dash-t-nat.err.txt dhost 'iptables -L -n - t nat'
cap host.iptables-t-nosuch-L.err.txt dhost 'iptables -t nosuch -L'
cap host.iptables-L-n-Q.err.txt dhost 'iptables -L -n -Q'
# -- as a normal user
CAP_TOOL=iptables cap host.su-nobody-iptables-L.err.txt dhost "su nobody -s /bin/sh -c 'iptables -L'" \
    'su without "-" keeps the PATH of root (with /usr/sbin), so iptables is found and refused'
CAP_TOOL=bash cap host.su-login-nobody-iptables-L.err.txt dhost "su - nobody -s /bin/bash -c 'iptables -L'" \
    'login shell: PATH becomes ENV_PATH of /etc/login.defs (no /usr/sbin on Debian 12); nobody has no home directory'
CAP_AS=nobody cap host.iptables-L.nobody.err.txt dhost '/usr/sbin/iptables -L' \
    'full path, because /usr/sbin is not in the PATH of a normal user on Debian 12'
CAP_AS=nobody cap host.iptables-t-nat-L-n.nobody.err.txt dhost '/usr/sbin/iptables -t nat -L -n'
CAP_AS=nobody cap host.iptables-save.nobody.err.txt dhost '/usr/sbin/iptables-save'
CAP_AS=nobody cap host.ip-br-addr.nobody.txt dhost 'ip -br addr' \
    'reading is allowed to any user'
CAP_AS=nobody cap host.ip-link-add.nobody.err.txt dhost 'ip link add foo type bridge'

# -- traffic
cap c1.ping-c2-172.17.0.3.full.txt c1 'ping -c 2 -W 1 172.17.0.3'
cap c1.ping-unreachable-172.17.0.99.full.txt c1 'ping -c 1 -W 1 172.17.0.99'
cap c1.ping-c3-unreachable-172.17.0.99.full.txt c1 'ping -c 3 172.17.0.99' \
    'no reply to ARP: after 3 s the kernel reports the queued packets as unreachable'
cap c1.ping-gateway-172.17.0.1.full.txt c1 'ping -c 1 -W 1 172.17.0.1'
cap c1.ping-lan-192.168.1.1.full.txt c1 'ping -c 2 -W 1 192.168.1.1' \
    'through MASQUERADE on eth0 of the host'
cap c1.ping-internet-8.8.8.8.full.txt c1 'ping -c 1 -W 1 8.8.8.8' \
    'the LAN router (namespace lan) has no route to the internet: the packet is dropped there'
cap c3.ping-c1-172.17.0.2.full.txt c3 'ping -c 1 -W 1 172.17.0.2' \
    'inter-network traffic: dropped by raw PREROUTING (-d 172.17.0.2/32 ! -i docker0 -j DROP)'
cap host.ping-c1-172.17.0.2.full.txt dhost 'ping -c 1 -W 1 172.17.0.2'
cap host.curl-c1.full.txt dhost 'curl -s --max-time 2 http://172.17.0.2/'
cap host.curl-i-c1.full.txt dhost 'curl -si --max-time 2 http://172.17.0.2/'
cap host.curl-published-8080.full.txt dhost 'curl -s --max-time 2 http://192.168.1.10:8080/' \
    'nat OUTPUT -> DOCKER -> DNAT to 172.17.0.2:80'
cap host.curl-localhost-8080.full.txt dhost 'curl -s --max-time 2 http://localhost:8080/' \
    'served by the docker-proxy stand-in (127.0.0.0/8 is excluded from the DNAT rule)'
cap lan.curl-published-8080.full.txt lan 'curl -s --max-time 2 http://192.168.1.10:8080/' \
    'from another machine on the LAN: nat PREROUTING DNAT, filter DOCKER ACCEPT'
cap host.curl-closed-port.full.txt dhost 'curl -s --max-time 2 http://172.17.0.2:81/'
cap host.curl-sS-closed-port.full.txt dhost 'curl -sS --max-time 2 http://172.17.0.2:81/'
CAP_TTY=1 CAP_TOOL=curl cap host.curl-closed-port.tty.full.txt dhost 'curl --max-time 2 http://172.17.0.2:81/'
cap host.curl-closed-port.no-tty.full.txt dhost 'curl --max-time 2 http://172.17.0.2:81/' \
    'stdout is not a terminal, so curl prints its progress meter on stderr'
cap host.curl-sS-timeout.full.txt dhost 'curl -sS --max-time 2 http://172.17.0.99/'
cap c3.curl-sS-c1-isolated.full.txt c3 'curl -sS --max-time 2 http://172.17.0.2/' \
    'inter-network traffic is dropped (raw PREROUTING): timeout'
cap c1.curl-sS-lan-closed.full.txt c1 'curl -sS --max-time 2 http://192.168.1.1/' \
    'nothing listens on the router: connection refused (RST) through MASQUERADE'

# -- state after the traffic above
cap host.ip-neigh.after-traffic.txt dhost 'ip neigh'
cap c1.ip-neigh.after-traffic.txt c1 'ip neigh'
cap host.iptables-L-n-v.after-traffic.txt dhost 'iptables -L -n -v'
cap host.iptables-L-v.after-traffic.txt dhost 'iptables -L -v'
cap host.iptables-L-n-v-x.after-traffic.txt dhost 'iptables -L -n -v -x'
cap host.iptables-t-nat-L-n-v.after-traffic.txt dhost 'iptables -t nat -L -n -v'
cap host.iptables-t-raw-L-n-v.after-traffic.txt dhost 'iptables -t raw -L -n -v'
cap host.iptables-save-c.after-traffic.txt dhost 'iptables-save -c'
cap c1.ss-tlnp.full.txt c1 'ss -tlnp'
cap c1.ss-tulpn.full.txt c1 'ss -tulpn'
cap c1.ss-tln.full.txt c1 'ss -tln' \
    'iproute2 6.1 prints an empty "Process" column even without -p (>= 6.8 does not)'
cap host.ss-tlnp.full.txt dhost 'ss -tlnp' \
    'the docker-proxy processes are a stand-in (a copy of socat named docker-proxy): pids and fd numbers differ from a real dockerd'
cap host.ss-tln.full.txt dhost 'ss -tln' \
    'iproute2 6.1 prints an empty "Process" column even without -p (>= 6.8 does not)'
cap host.ss-tulpn.full.txt dhost 'ss -tulpn' \
    'the docker-proxy processes are a stand-in (a copy of socat named docker-proxy): pids and fd numbers differ from a real dockerd'

########################################################################
# 4. Variant: FORWARD policy ACCEPT (host where net.ipv4.ip_forward was
#    already 1 before dockerd started, as in moby's iptablesdoc captures)
########################################################################
FORWARD_POLICY=ACCEPT layout full
CUR_LAYOUT="full"
cap host.iptables-S.forward-accept.txt dhost 'iptables -S' \
    'built with FORWARD_POLICY=ACCEPT layouts/full.sh'
cap host.iptables-L.forward-accept.txt dhost 'iptables -L' \
    'built with FORWARD_POLICY=ACCEPT layouts/full.sh'

log "cleaning up"
cleanup_all
log "done"
