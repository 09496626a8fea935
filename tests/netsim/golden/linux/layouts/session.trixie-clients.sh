# Replays the session of session.trixie-clients.txt (run as root) with Debian 13's
# own clients, from a Debian 13 (trixie) chroot made by `debootstrap --variant=minbase
# --include=curl,telnet,iproute2,less,bash trixie DIR` (nginx added with apt-get):
# curl 8.14.1 (OpenSSL 3.5) to https:// URLs where nothing listens and where nginx
# serves plain HTTP, inetutils telnet connected with stdin at end of input and at a
# terminal, `ss -s`, and bash's `read -p` and less at a terminal (pty-run.py). The
# network namespace is fresh (unshare -n): lo only, nginx on 8080 (0.0.0.0 and [::]).
#   sudo unshare -m -n bash layouts/session.trixie-clients.sh DIR > session.trixie-clients.txt
R=$1
# The chroot's /proc, for ss: /proc/net shows the namespace of the process that reads it.
mount --make-rprivate / && mount -t proc proc "$R/proc"
HERE=$(cd "$(dirname "$0")" && pwd)
export LANG=C.UTF-8 TERM=xterm-256color
in_root() { chroot "$R" "$@"; }
echo "# source: captured on Debian 12 (Linux $(uname -r)) in a fresh network namespace (unshare -n), with Debian 13's packages from a trixie chroot: $(in_root dpkg-query -W -f='curl ${Version}, ' curl)$(in_root dpkg-query -W -f='libssl3t64 ${Version}, ' libssl3t64)$(in_root dpkg-query -W -f='inetutils-telnet ${Version}, ' inetutils-telnet)$(in_root dpkg-query -W -f='iproute2 ${Version}, ' iproute2)$(in_root dpkg-query -W -f='bash ${Version}, ' bash)$(in_root dpkg-query -W -f='less ${Version}, ' less)$(in_root dpkg-query -W -f='nginx ${Version}' nginx)"
echo "# script: layouts/session.trixie-clients.sh; server: Debian 13's nginx on 0.0.0.0:8080 and [::]:8080"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed (stdin /dev/null, stdout and stderr to one file), then \"[exit N]\"; \"\$ tty KEYS: COMMAND\" is a run under a 24x80 pseudo-terminal typing KEYS (JSON), its bytes as the terminal got them"
echo "# ---"
ip link set lo up
rm -f "$R/etc/nginx/sites-enabled/default"
cat > "$R/etc/nginx/sites-enabled/default" <<'CONF'
server {
	listen 8080 default_server;
	listen [::]:8080 default_server;
	root /var/www/html;
	index index.nginx-debian.html;
}
CONF
in_root nginx
sleep 0.5
run() { echo "\$ $*"; in_root "$@" </dev/null 2>&1; echo "[exit $?]"; }
tty() { local keys=$1; shift; echo "\$ tty $keys: ${*@Q}"; python3 "$HERE/pty-run.py" 24 80 "$keys" -- chroot "$R" "$@"; echo; echo "[end]"; }
run curl -k https://localhost:8443
run curl -kv https://localhost:8443
run curl https://127.0.0.1:8443
echo "\$ curl -sk -o /dev/null -w '%{url_effective} %{exitcode}\\n' https://127.0.0.1:8443"
in_root curl -sk -o /dev/null -w '%{url_effective} %{exitcode}\n' https://127.0.0.1:8443 </dev/null 2>&1; echo "[exit $?]"
run curl -k https://localhost:8080
run curl -kv https://localhost:8080
run curl -sSk https://127.0.0.1:8080
run curl -v https://127.0.0.1:8080
run telnet localhost 8443
run telnet localhost 8080
run telnet 127.0.0.1 8080
echo "\$ printf 'GET / HTTP/1.0\\r\\n\\r\\n' | telnet localhost 8080"
printf 'GET / HTTP/1.0\r\n\r\n' | in_root telnet localhost 8080 2>&1; echo "[exit $?]"
run ss -s
run ss -s -t
echo "\$ bash -c 'read -p \"Name: \" x; echo \"status \$? [\$x]\"'"
in_root bash -c 'read -p "Name: " x; echo "status $? [$x]"' </dev/null 2>&1; echo "[exit $?]"
tty '["GET / HTTP/1.0\r", "\r"]' telnet localhost 8080
tty '["web\r"]' bash -c 'read -p "Name: " x; echo "[$x]"'
tty '["web\r"]' bash -c 'read -p "Name: " x 2>/dev/null; echo "[$x]"'
tty '["q"]' bash -c 'seq 100 | less'
tty '[" ", "q"]' bash -c 'seq 3 | less'
in_root nginx -s stop 2>/dev/null
sleep 0.3
umount "$R/proc"
