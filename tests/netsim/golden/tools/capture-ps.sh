#!/bin/bash
# Re-create the ps-tty-*.txt and busybox-ps-tty.txt golden files: procps' and
# BusyBox's ps in a fresh PID namespace whose PID 1 is a shell on a terminal,
# as `docker run -it IMAGE bash` leaves a container, with processes of other
# users (www-data; messagebus, longer than the USER column; uid 4242, which has no name) and one with a large VSZ.
#
#   sudo ./capture-ps.sh        # needs procps busybox perl python3 util-linux (script, unshare, setpriv)
#
# ps writes to a file, as in capture.sh, so that it does not cut lines to a
# terminal's width; the processes still have pts/0 as their terminal.
set -u
here=$(cd "$(dirname "$0")" && pwd)
TMP=/tmp/netsim-ps

case "${1:-}" in
  '')
    mkdir -p "$TMP" && cp "$0" "$TMP/capture-ps.sh"
    # A terminal (script), a PID namespace whose PID 1 leads a session on it (setsid -c),
    # started from $TMP with a relative path, so that ps shows no path of this machine.
    cd "$TMP" && HERE=$here exec script -qec "unshare --pid --fork --mount-proc setsid -c ./capture-ps.sh inside" /dev/null ;;
esac

here=$HERE
. "$here/capture-lib.sh"
cd "$TMP" || exit 1
printf 'import mmap, time\nm = mmap.mmap(-1, 2 << 30)\ntime.sleep(1000)\n' >big.py
perl -e '$0 = "/usr/sbin/apache2 -k start"; sleep 1000' </dev/null >/dev/null 2>&1 &
setpriv --reuid=33 --regid=33 --clear-groups perl -e '$0 = "/usr/sbin/apache2 -k start"; sleep 1000' </dev/null >/dev/null 2>&1 &
setpriv --reuid=100 --regid=100 --clear-groups perl -e '$0 = "/usr/bin/dbus-daemon --system"; sleep 1000' </dev/null >/dev/null 2>&1 &
setpriv --reuid=4242 --regid=4242 --clear-groups perl -e '$0 = "mariadbd"; sleep 1000' </dev/null >/dev/null 2>&1 &
(exec -a /usr/bin/dockerd /usr/bin/python3 big.py) </dev/null >/dev/null 2>&1 &
sleep 1
note='pid 1 is this script on a terminal; the apache2, dbus-daemon and mariadbd lines are perl renaming itself, dockerd is python3 mapping 2 GiB'
PACKAGE=procps capture ps-tty "$note" -- ps
PACKAGE=procps capture ps-tty-e "$note" -- ps -e
PACKAGE=procps capture ps-tty-ax "$note" -- ps ax
PACKAGE=procps capture ps-tty-ef "$note" -- ps -ef
PACKAGE=procps capture ps-tty-aux "$note" -- ps aux
PACKAGE=busybox capture busybox-ps-tty "$note" -- busybox ps
PACKAGE=procps capture ps-unknown-sysv '' -- ps -Q
PACKAGE=procps capture ps-unknown-bsd '' -- ps Q
PACKAGE=procps capture ps-unknown-long '' -- ps --foo
PACKAGE=busybox capture busybox-ps-unknown '' -- busybox ps -x
kill $(jobs -p) 2>/dev/null
rm -rf "$TMP"
