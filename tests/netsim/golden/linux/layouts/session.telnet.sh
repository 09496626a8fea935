# Replays the session of session.telnet.txt (run as root): GNU inetutils'
# telnet (Debian's `telnet` package is its transitional package) against a
# closed port, a netcat listener that closes, a server that speaks first,
# names and ports that do not resolve, and no host at all; stdin /dev/null,
# stdout and stderr to one file (so stdout, block-buffered, comes after stderr).
#   sudo unshare -n bash layouts/session.telnet.sh > session.telnet.txt
export LANG=C.UTF-8
echo "# source: captured with inetutils-telnet $(dpkg-query -W -f='${Version}' inetutils-telnet) on Debian $(cat /etc/debian_version), Linux $(uname -r), as root in a fresh network namespace (unshare -n), stdin /dev/null"
echo "# script: layouts/session.telnet.sh"
echo "# format: each command as \"\$ COMMAND\", then its stdout and stderr as printed, then \"[exit N]\""
echo "# ---"
ip link set lo up
run() { echo "\$ $*"; "$@" </dev/null 2>&1; echo "[exit $?]"; }
run telnet 127.0.0.1 80
(nc -l -p 8080 -q 1 </dev/null >/dev/null &); sleep 0.5
run telnet 127.0.0.1 8080
(echo "SSH-2.0-test" | nc -l -p 8081 -q 2 >/dev/null &); sleep 0.5
run telnet 127.0.0.1 8081
run telnet nosuch.invalid 80
run telnet 127.0.0.1 abc
run telnet
