#!/bin/bash
# Captures curl 8.14.1's output against nginx-standin.py in a private network
# namespace. Run as root: unshare -n bash capture.sh /path/to/curl-8.14.1
# curl is built from the curl-8_14_1 tag (cmake, LIBCURL_VERSION set to
# "8.14.1", HTTP only: no TLS, HTTP/2, IDN or libpsl, none of which changes a
# plain-HTTP transfer). 10.99.0.0/24 is routed to lo, where nothing answers:
# a SYN there is never answered, as 172.17.0.99 is not on the simulated host.
set -u
CURL=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ip link set lo up
ip route add 10.99.0.0/24 dev lo
python3 "$HERE/nginx-standin.py" & SERVER=$!
sleep 1.5
VERSION="curl $("$CURL" --version | head -1 | cut -d' ' -f2) built from the curl-8_14_1 tag, HTTP only, on Debian 12 (bookworm), Linux $(uname -r)"

# golden NAME TERMINAL COMMAND...: TERMINAL is tty (script -qec, streams merged, CR LF) or none.
golden() {
  local name=$1 terminal=$2; shift 2
  local out=$(mktemp) err=$(mktemp) code
  if [ "$terminal" = tty ]; then
    script -qec "$*" /dev/null > "$out"; code=$?; : > "$err"
    terminal_note='run under a pseudo-terminal (script -qec); stdout and stderr are merged and line ends are CR LF as emitted by the tty'
  else
    "$@" > "$out" 2> "$err"; code=$?
    terminal_note='none (stdout and stderr redirected to files)'
  fi
  {
    echo "# source: captured with $VERSION"
    echo "# server: nginx-standin.py (the simulated nginx 1.31.3's responses) on 0.0.0.0:80 and [::]:80"
    echo "# command: ${*/$CURL/curl}"
    echo "# terminal: $terminal_note"
    echo "# exit code: $code"
    echo "# stdout: $(wc -c < "$out") bytes; stderr: $(wc -c < "$err") bytes"
    echo "# ---"
    cat "$out"
    if [ -s "$err" ]; then echo "# --- stderr"; cat "$err"; fi
  } > "$HERE/$name.txt"
  rm -f "$out" "$err"
}

golden v tty "$CURL" -v http://127.0.0.1/
golden v-localhost tty "$CURL" -v http://localhost/
golden v-404 tty "$CURL" -sSv http://127.0.0.1/nope
golden v-refused tty "$CURL" -v http://127.0.0.1:81/
golden v-timeout tty "$CURL" -v --max-time 2 http://10.99.0.2/
golden v-connect-timeout tty "$CURL" -v --connect-timeout 1 http://10.99.0.2/
golden Iv tty "$CURL" -Iv http://127.0.0.1/
golden v-o-devnull tty "$CURL" -v -o /dev/null http://127.0.0.1/
golden o-devnull tty "$CURL" -o /dev/null http://127.0.0.1/
golden o-refused tty "$CURL" -o /dev/null http://127.0.0.1:81/
golden o-timeout tty "$CURL" -o /dev/null --max-time 2 http://10.99.0.2/
golden so-devnull tty "$CURL" -so /dev/null http://127.0.0.1/
golden i-404 none "$CURL" -si http://127.0.0.1/nope
golden I none "$CURL" -sI http://127.0.0.1/
golden sS-connect-timeout none "$CURL" -sS --connect-timeout 1 http://10.99.0.2/
kill "$SERVER"
