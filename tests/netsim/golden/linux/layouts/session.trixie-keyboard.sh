# Debian 13's inetutils telnet and bash reading the keyboard at a 24x80 pseudo-terminal
# (pty-run.py), from a trixie chroot made by `debootstrap --variant=minbase
# --include=inetutils-telnet,bash trixie DIR`: telnet's escape (Ctrl-]) and its
# `telnet> ` prompt (quit, an empty line, an unknown command), Ctrl-C and Ctrl-D typed
# to a connected telnet, and `read` given Ctrl-C, Ctrl-D and a line. The server is
# Python's http.server on 127.0.0.1:8080 in a fresh network namespace (unshare -n).
#   sudo unshare -n bash layouts/session.trixie-keyboard.sh DIR > session.trixie-keyboard.txt
set -u
R=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ip link set lo up
python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &
server=$!
sleep 1
in_root() { chroot "$R" "$@"; }
echo "# source: captured on Debian 12 (Linux $(uname -r)) in a fresh network namespace (unshare -n), with Debian 13's packages from a trixie chroot: $(in_root dpkg-query -W -f='inetutils-telnet ${Version}, ' inetutils-telnet)$(in_root dpkg-query -W -f='bash ${Version}' bash)"
echo "# script: layouts/session.trixie-keyboard.sh; server: Python's http.server on 127.0.0.1:8080"
echo "# format: \"\$ tty KEYS: COMMAND\" is a run under a 24x80 pseudo-terminal typing KEYS (JSON), its bytes as the terminal got them, then \"[end]\""
echo "# ---"
tty() { local keys=$1; shift; echo "\$ tty $keys: ${*@Q}"; python3 "$HERE/pty-run.py" 24 80 "$keys" -- chroot "$R" "$@"; echo; echo "[end]"; }
tty '["\u001d", "quit\r"]' telnet 127.0.0.1 8080
tty '["\u001d", "\r", "\u001d", "quit\r"]' telnet 127.0.0.1 8080
tty '["\u001d", "bogus\r", "quit\r"]' telnet 127.0.0.1 8080
tty '["\u0003", "\u0004", "\u001d", "quit\r"]' telnet 127.0.0.1 8080
tty '["\u0003"]' bash -c 'read -p "Name: " x; echo "[$x] $?"'
tty '["\u0004"]' bash -c 'read -p "Name: " x; echo "[$x] $?"'
tty '["a b c\r"]' bash -c 'read -r x y; echo "[$x] [$y] $?"'
kill $server
