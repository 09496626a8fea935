# shellcheck shell=bash
# Shared helpers for the golden-capture layouts.
#
# This file is sourced by the layout scripts (docker0-empty.sh,
# two-containers.sh, full.sh, cleanup.sh) and by ../capture.sh.
#
# What it builds: a replica, made only of network namespaces, of the network
# layout that Docker Engine 29 (bridge driver, iptables firewall backend,
# default daemon options: icc=true, userland-proxy=true, ip-forward=true)
# creates on a Debian host.  Nothing is done in the initial ("root") network
# namespace: every interface, address, route, sysctl and iptables rule lives
# in a namespace created here.
#
# Why the namespaces are NOT created with `ip netns add`:
#   iproute2 prints "link-netns <name>" instead of "link-netnsid <N>" for a
#   veth whose peer lives in a namespace that has a name in /var/run/netns.
#   On a real Docker host the container namespaces live in
#   /var/run/docker/netns/, which iproute2 does not look at, so `ip link`
#   prints "link-netnsid 0".  To get the same bytes, the namespaces are
#   persisted by bind-mounting them on files under $NETSIM_DIR/ns/ (with
#   `unshare --net=FILE`) and entered with `nsenter --net=FILE`.
#
# Why eth0 of the host is a tap device:
#   The kernel used for the captures has no `dummy` driver, and a veth would
#   print as "eth0@if2 ... link-netnsid 0", unlike a physical NIC.  A tap
#   device prints like a NIC ("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP>
#   ... qlen 1000").  Frames are relayed by two socat processes between the
#   tap "eth0" in dhost and the tap "lan0" in the namespace "lan" (the
#   router 192.168.1.1), through two unix datagram sockets in $NETSIM_DIR.
#   No namespace has any link to the machine's real network.

set -u

NETSIM_DIR=${NETSIM_DIR:-/tmp/netsim}
NSDIR=$NETSIM_DIR/ns
PIDDIR=$NETSIM_DIR/pids
ETCDIR=$NETSIM_DIR/etc
BINDIR=$NETSIM_DIR/bin

# All namespaces this tool may create, in teardown order.
ALL_NS="c3 c2 c1 dhost lan"

# --- Addresses and names (fixed so that re-runs produce identical bytes) ---
# Host uplink (a Debian host with a static ifupdown configuration).
HOST_ETH0_MAC=52:54:00:6b:2e:11        # QEMU/KVM-style NIC address
HOST_ETH0_ADDR=192.168.1.10/24
LAN_GW=192.168.1.1
LAN_GW_MAC=c8:3a:35:0a:1b:01           # the "router" in namespace lan

# Default bridge (docker0).  Docker 29 creates it with a random, locally
# administered MAC address (netutils.GenerateRandomMAC) and txqueuelen 0.
DOCKER0_MAC=9a:6e:3b:52:1f:d4
DOCKER0_ADDR=172.17.0.1/16
DOCKER0_SUBNET=172.17.0.0/16

# User-defined bridge network (docker network create --subnet 172.18.0.0/16
# net1): interface name is "br-" + the first 12 hex digits of the network id.
USERNET_BR=br-5f2b9c7a1e3d
USERNET_MAC=d2:7e:19:c4:05:8b
USERNET_ADDR=172.18.0.1/16
USERNET_SUBNET=172.18.0.0/16

# Containers: <ns> <bridge> <ip/len> <gateway> <eth0 MAC> <host veth>
#             <host veth MAC> <temporary container-side veth name>
# Docker 29 names both veth ends "veth" + 7 random hex digits, creates the
# container end directly inside the container namespace and renames it eth0
# there; the container MAC is random and locally administered.
C1="c1 docker0 172.17.0.2/16 172.17.0.1 3a:9f:5c:e2:71:0b veth3f1c2a9 5e:0c:7b:d1:28:e6 veth0b6e2d4"
C2="c2 docker0 172.17.0.3/16 172.17.0.1 b6:2d:8a:4f:93:c7 veth8d0e4b7 ee:41:96:3a:b0:5d vethe7a3c18"
C3="c3 $USERNET_BR 172.18.0.2/16 172.18.0.1 e2:58:1b:9d:36:a4 vethc5a91f2 8e:b3:6d:20:f7:19 veth4d92b7f"

# FORWARD policy.  Docker sets the filter FORWARD policy to DROP when it had
# to switch net.ipv4.ip_forward from 0 to 1 itself, which is what happens on
# a fresh Debian install (ip_forward defaults to 0).  moby's iptablesdoc
# captures were taken on a host where forwarding was already on, so they show
# ACCEPT.  Override with FORWARD_POLICY=ACCEPT to get that variant.
FORWARD_POLICY=${FORWARD_POLICY:-DROP}

log() { printf '[netsim] %s\n' "$*" >&2; }

# Run a command inside one of our namespaces.
inns() {
    local ns=$1
    shift
    nsenter --net="$NSDIR/$ns" -- "$@"
}

# Run a command inside a namespace, with a private mount namespace in which
# /etc/resolv.conf and /etc/hosts are replaced by the files of $ETCDIR (so
# that reverse DNS lookups done by `iptables -L` fail fast instead of
# waiting on the real resolver, and /etc/hosts looks like a Debian host's).
inns_etc() {
    local ns=$1
    shift
    nsenter --net="$NSDIR/$ns" -- unshare --mount --propagation private -- \
        sh -c 'mount --bind "$0/resolv.conf" /etc/resolv.conf &&
               mount --bind "$0/hosts" /etc/hosts && exec "$@"' "$ETCDIR" "$@"
}

ns_exists() { mountpoint -q "$NSDIR/$1" 2>/dev/null; }

make_ns() {
    local ns=$1
    mkdir -p "$NSDIR"
    if ns_exists "$ns"; then
        log "namespace $ns already exists"
        return 0
    fi
    : >"$NSDIR/$ns"
    unshare --net="$NSDIR/$ns" true
}

# Start a background process inside a namespace and remember its pid.
start_bg() {
    local name=$1 ns=$2
    shift 2
    mkdir -p "$PIDDIR"
    nsenter --net="$NSDIR/$ns" -- setsid "$@" \
        >"$NETSIM_DIR/$name.log" 2>&1 </dev/null &
    echo $! >"$PIDDIR/$name.pid"
}

stop_bg() {
    local f pid
    for f in "$PIDDIR"/*.pid; do
        [ -e "$f" ] || continue
        pid=$(cat "$f")
        # Only kill the pid if it is still one of ours (started via setsid
        # from this tool: socat, or the docker-proxy stand-in).
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
        rm -f "$f"
    done
}

# --- Teardown: kill our background processes, drop our namespaces ---------
cleanup_all() {
    local ns
    stop_bg
    sleep 0.3
    for ns in $ALL_NS; do
        if ns_exists "$ns"; then
            umount "$NSDIR/$ns"
        fi
        rm -f "$NSDIR/$ns"
    done
    rm -f "$NETSIM_DIR"/*.sock "$NETSIM_DIR"/*.log
}

write_etc_files() {
    mkdir -p "$ETCDIR" "$NETSIM_DIR/www"
    # Nothing listens on 127.0.0.1:53 inside the namespaces, so lookups get
    # "connection refused" immediately (ICMP on loopback is not rate limited).
    printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' \
        >"$ETCDIR/resolv.conf"
    # Debian's installer writes this /etc/hosts.
    cat >"$ETCDIR/hosts" <<'EOF'
127.0.0.1	localhost
127.0.1.1	docker-host

# The following lines are desirable for IPv6 capable hosts
::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
EOF
    # Tiny HTTP responder used by the "web server" in container c1: it reads
    # the request headers, then answers with a fixed page.
    cat >"$NETSIM_DIR/www/httpd.sh" <<'EOF'
#!/bin/sh
while IFS= read -r line; do
    case "$line" in ''|"$(printf '\r')") break ;; esac
done
body='<h1>hello from c1</h1>'
printf 'HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s\n' \
    $((${#body} + 1)) "$body"
EOF
    chmod +x "$NETSIM_DIR/www/httpd.sh"
}

# --- Stage 1: the host, and the Docker daemon just started ----------------
setup_host() {
    write_etc_files
    make_ns lan
    make_ns dhost

    inns lan ip link set lo up
    inns dhost ip link set lo up

    # eth0 of the host: a tap device relayed to the tap lan0 of namespace lan.
    start_bg relay-dhost dhost socat TUN,tun-type=tap,tun-name=eth0,iff-no-pi \
        "UNIX-SENDTO:$NETSIM_DIR/lan.sock,bind=$NETSIM_DIR/dhost.sock"
    start_bg relay-lan lan socat TUN,tun-type=tap,tun-name=lan0,iff-no-pi \
        "UNIX-SENDTO:$NETSIM_DIR/dhost.sock,bind=$NETSIM_DIR/lan.sock"
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        inns dhost ip link show eth0 >/dev/null 2>&1 &&
            inns lan ip link show lan0 >/dev/null 2>&1 && break
        sleep 0.2
    done

    inns lan ip link set lan0 address "$LAN_GW_MAC"
    inns lan ip addr add "$LAN_GW/24" brd + dev lan0
    inns lan ip link set lan0 up

    # ifupdown "inet static" (address/gateway) configuration of the host.
    inns dhost ip link set eth0 address "$HOST_ETH0_MAC"
    inns dhost ip addr add "$HOST_ETH0_ADDR" brd + dev eth0
    inns dhost ip link set eth0 up
    # A tap device reports operstate UNKNOWN; a NIC with carrier reports UP.
    inns dhost ip link set dev eth0 state UP
    inns dhost ip route add default via "$LAN_GW" dev eth0

    # br_netfilter is not loaded by Docker 29 with default options (it is
    # only needed for icc=false or userland-proxy=false).  This kernel has it
    # built in, so switch it off inside dhost to behave like a host where the
    # module is not loaded.
    inns dhost sysctl -q -w net.bridge.bridge-nf-call-iptables=0
    inns dhost sysctl -q -w net.bridge.bridge-nf-call-ip6tables=0
}

# dockerd start-up: creates docker0 and the base iptables rules.
setup_daemon() {
    # Bridge with an explicit random MAC; netlink request without a txqueuelen
    # (vishvananda/netlink sends IFLA_TXQLEN=0), hence no "qlen" in `ip link`.
    inns dhost ip link add docker0 address "$DOCKER0_MAC" txqueuelen 0 type bridge
    inns dhost sysctl -q -w net.ipv6.conf.docker0.accept_ra=0
    # vishvananda/netlink fills in the broadcast address for IPv4 (< /31).
    inns dhost ip addr add "$DOCKER0_ADDR" brd + dev docker0
    inns dhost ip link set docker0 up

    # setupIPv4Forwarding: ip_forward 0 -> 1, and FORWARD policy DROP.
    inns dhost sysctl -q -w net.ipv4.ip_forward=1

    # iptables rules of a new daemon (filter, nat).  Chains first.
    local c
    for c in DOCKER DOCKER-BRIDGE DOCKER-CT DOCKER-FORWARD DOCKER-INTERNAL DOCKER-USER; do
        inns dhost iptables -t filter -N "$c"
    done
    inns dhost iptables -t nat -N DOCKER
    inns dhost iptables -t filter -P FORWARD "$FORWARD_POLICY"
    inns dhost iptables -t filter -A FORWARD -j DOCKER-USER
    inns dhost iptables -t filter -A FORWARD -j DOCKER-FORWARD
    inns dhost iptables -t filter -A DOCKER-FORWARD -j DOCKER-CT
    inns dhost iptables -t filter -A DOCKER-FORWARD -j DOCKER-INTERNAL
    inns dhost iptables -t filter -A DOCKER-FORWARD -j DOCKER-BRIDGE
    inns dhost iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
    inns dhost iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER

    add_bridge_network_rules docker0 "$DOCKER0_SUBNET"
}

# Per-network rules appended/inserted when a bridge network is created.
add_bridge_network_rules() {
    local br=$1 subnet=$2
    inns dhost iptables -t filter -A DOCKER-CT -o "$br" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    inns dhost iptables -t filter -A DOCKER-BRIDGE -o "$br" -j DOCKER
    inns dhost iptables -t filter -A DOCKER ! -i "$br" -o "$br" -j DROP
    inns dhost iptables -t filter -A DOCKER-FORWARD -i "$br" -j ACCEPT
    # MASQUERADE rules are inserted at the top of nat POSTROUTING.
    inns dhost iptables -t nat -I POSTROUTING -s "$subnet" ! -o "$br" -j MASQUERADE
}

# --- Containers ------------------------------------------------------------
# add_container "<spec>" (see C1/C2/C3 above)
add_container() {
    # shellcheck disable=SC2086
    set -- $1
    local ns=$1 br=$2 addr=$3 gw=$4 mac=$5 hveth=$6 hmac=$7 tmpname=$8
    make_ns "$ns"
    # Container sandbox: loopback up.
    inns "$ns" ip link set lo up
    # CreateEndpoint: veth pair, peer created directly in the container netns.
    inns dhost ip link add "$hveth" address "$hmac" txqueuelen 0 type veth \
        peer name "$tmpname" txqueuelen 0 netns "$NSDIR/$ns"
    inns dhost ip link set "$hveth" master "$br"
    # filterDirectAccess: raw-PREROUTING DROP for every endpoint.
    inns dhost iptables -t raw -A PREROUTING -d "${addr%/*}/32" ! -i "$br" -j DROP
    inns dhost ip link set "$hveth" up
    # Join: configure the interface inside the container.
    inns "$ns" ip link set "$tmpname" name eth0
    inns "$ns" ip link set eth0 address "$mac"
    # IPv4-only network: Docker disables IPv6 on the container interface.
    inns "$ns" sysctl -q -w net.ipv6.conf.eth0.disable_ipv6=1
    inns "$ns" ip addr add "$addr" brd + dev eth0
    inns "$ns" ip link set eth0 up
    inns "$ns" ip route add default via "$gw" dev eth0
}

# docker run -p 8080:80 for c1: filter ACCEPT inserted at the head of DOCKER,
# DNAT in nat DOCKER, and docker-proxy listening on 0.0.0.0:8080 and [::]:8080.
publish_c1_8080() {
    inns dhost iptables -t filter -I DOCKER 1 -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
    inns dhost iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
    # Stand-in for docker-proxy: a copy of socat named docker-proxy, so that
    # `ss -p` shows the same process name.  (The real docker-proxy gets the
    # listening socket from dockerd; fd numbers and pids will differ.)
    mkdir -p "$BINDIR"
    cp -f "$(command -v socat)" "$BINDIR/docker-proxy"
    start_bg docker-proxy-v4 dhost "$BINDIR/docker-proxy" \
        TCP4-LISTEN:8080,bind=0.0.0.0,reuseaddr,fork TCP4:172.17.0.2:80
    start_bg docker-proxy-v6 dhost "$BINDIR/docker-proxy" \
        "TCP6-LISTEN:8080,bind=[::],ipv6only=1,reuseaddr,fork" TCP4:172.17.0.2:80
}

# The "web server" of container c1 (like an nginx image listening on :80).
start_c1_web() {
    start_bg web-c1 c1 socat TCP4-LISTEN:80,reuseaddr,fork \
        "EXEC:$NETSIM_DIR/www/httpd.sh"
}

# docker network create --subnet 172.18.0.0/16 net1
add_user_network() {
    inns dhost ip link add "$USERNET_BR" address "$USERNET_MAC" txqueuelen 0 type bridge
    inns dhost sysctl -q -w "net.ipv6.conf.$USERNET_BR.accept_ra=0"
    inns dhost ip addr add "$USERNET_ADDR" brd + dev "$USERNET_BR"
    inns dhost ip link set "$USERNET_BR" up
    add_bridge_network_rules "$USERNET_BR" "$USERNET_SUBNET"
}

# Wait until IPv6 duplicate address detection is over (no "tentative").
settle() {
    local i ns
    for i in $(seq 1 40); do
        local busy=0
        for ns in "$@"; do
            if inns "$ns" ip -6 addr show tentative 2>/dev/null | grep -q inet6; then
                busy=1
            fi
        done
        [ $busy = 0 ] && return 0
        sleep 0.25
    done
}

# --- Stages ------------------------------------------------------------------
# Stage "docker0-empty": host + freshly started daemon, no container.
stage_docker0_empty() {
    cleanup_all
    setup_host
    setup_daemon
    settle dhost
}

# Stage "two-containers": + docker run -d -p 8080:80 --name c1 (web server)
#                         + docker run -d --name c2
stage_two_containers() {
    stage_docker0_empty
    add_container "$C1"
    publish_c1_8080
    start_c1_web
    add_container "$C2"
    settle dhost c1 c2
}

# Stage "full": + docker network create --subnet 172.18.0.0/16 net1
#               + docker run -d --network net1 --name c3
stage_full() {
    stage_two_containers
    add_user_network
    add_container "$C3"
    settle dhost c1 c2 c3
}
