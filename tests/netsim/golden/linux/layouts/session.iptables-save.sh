# Replays the iptables-save session of session.iptables-save.txt (run as root).
# Run it in a throwaway namespace, from this directory:
#   sudo unshare -n bash session.iptables-save.sh > ../session.iptables-save.txt
# The ping only makes the counting rule `-A INPUT -i lo` count packets, for -c.
export TZ=UTC LANG=C.UTF-8
run() { echo "\$ $*"; "$@" 2>&1; echo "[exit $?]"; }
nobody() { echo "\$ $* (as nobody)"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@" 2>&1; echo "[exit $?]"; }
echo "# source: captured with $(iptables -V) ($(dpkg-query -W -f='iptables ${Version}' iptables)) on Debian $(cat /etc/debian_version), Linux $(uname -r), TZ=UTC, as root in a fresh network namespace (unshare -n)"
echo "# script: layouts/session.iptables-save.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# differences with Debian 13 (iptables 1.8.11): the version in \"iptables-save v1.8.9 (nf_tables)\""
echo "# ---"
run iptables-save
run iptables-save -t filter
run iptables-save -t nosuch
run iptables-save -t FILTER
run iptables -t mangle -L -n
run iptables-save
run iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
run iptables -t nat -N DOCKER
run iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
run iptables -N DOCKER-USER
run iptables -A FORWARD -j DOCKER-USER
run iptables -P FORWARD DROP
run iptables -A INPUT -i lo
ip link set lo up
ping -c 2 -q 127.0.0.1 >/dev/null
run iptables -L INPUT -v -x -n
run iptables-save
run iptables-save -c
run iptables-save -t nat
run iptables-save -t raw -c
run iptables-save -ct filter
run iptables-save -tnat
run iptables-save --table=raw
run iptables-save --counters --table nat
run iptables-save -t mangle
run iptables-save -t security
run iptables-save -V
run iptables-save --version
run iptables-save -x
run iptables-save -h
run iptables-save foo
run iptables-save -t
nobody /usr/sbin/iptables-save
nobody /usr/sbin/iptables-save -t nosuch
nobody /usr/sbin/iptables-save -x
