#!/bin/bash
# Re-create the golden files of this directory: apt 3.0, dpkg, procps, coreutils and
# shadow's usermod of Debian 13 (trixie), run in a debootstrapped trixie chroot as root
# and as a regular user (usuario, uid 1000), on stdout a pipe (as `| cat` or a lesson's
# script) unless the name says tty (util-linux `script`: a terminal of 80 columns).
#
#   sudo debootstrap --variant=minbase trixie /srv/trixie http://deb.debian.org/debian
#   sudo ./capture-apt.sh /srv/trixie
#
# The chroot is prepared as the simulated host is: trixie, trixie-updates and
# trixie-security (main non-free-firmware, as Debian's installer writes them), the
# lists updated, libbsd0 installed (netcat-openbsd's one dependency; a host with
# openssh has it), a user `usuario`. Machine-dependent figures (dpkg's database
# count, free disk space, fetch time and rate) differ from the simulated host's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
R=${1:?usage: capture-apt.sh TRIXIE_CHROOT}
TMP=$(mktemp -d)
pkgver() { chroot "$R" dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
DEB="Debian $(cat "$R/etc/debian_version") (trixie) chroot, Linux $(uname -r)"

# capture NAME PACKAGE USER NOTE -- COMMAND: runs `sh -c COMMAND` in the chroot as USER (root or usuario), stdin a
# terminal (script's), stdout and stderr files: what a line piped into `cat` or redirected shows.
capture() {
  local name=$1 package=$2 user=$3 note=$4; shift 5
  local spec=0:0; [ "$user" = usuario ] && spec=1000:1000
  clean
  local home=/root; [ "$user" = usuario ] && home=/home/usuario
  run_in_chroot "HOME=$home chroot --userspec=$spec $R sh -c '$*' >$TMP/out 2>$TMP/err; echo \$? >$TMP/code"
  write "$name" "$package" "$user" "$note" "$(cat "$TMP/code")" "$*"
}

# capture_tty NAME PACKAGE NOTE -- COMMAND: as root (as usuario with TTY_USER=usuario), stdin, stdout and stderr a
# terminal of 80 columns (script's typescript, \r\n and escapes kept: the test renders what the terminal shows).
capture_tty() {
  local name=$1 package=$2 note=$3; shift 4
  local user=${TTY_USER:-root} spec=0:0 home=/root; [ "$user" = usuario ] && spec=1000:1000 home=/home/usuario
  clean
  : >"$TMP/err"
  run_in_chroot "HOME=$home chroot --userspec=$spec $R sh -c '$*'; echo \$? >$TMP/code" >"$TMP/out"
  write "$name" "$package" "$user" "$note" "$(cat "$TMP/code")" "$*"
}

# apt's cache of .deb files emptied, so that each install downloads, as a first install does.
clean() { chroot "$R" apt-get clean; }

run_in_chroot() {
  env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=xterm \
    script -qec "stty cols 80 rows 24; $1" /dev/null
}

write() {
  local name=$1 package=$2 user=$3 note=$4 code=$5 command=$6
  {
    echo "# source: captured with $package $(pkgver "$package") on $DEB, as $user"
    echo "# command: $command"
    [ -n "$note" ] && echo "# note: $note"
    echo "# exit code: $code"
    echo "# stdout: $(wc -c <"$TMP/out") bytes; stderr: $(wc -c <"$TMP/err") bytes"
    echo "# ---"
    cat "$TMP/out"
    if [ -s "$TMP/err" ]; then echo "# --- stderr"; cat "$TMP/err"; fi
  } >"$here/$name.txt"
  echo "$name: exit $code"
}

# df in a mount namespace of its own (unshare, which runs this script again with `df`), with tmpfs mounts
# of a small VM's sizes, the chroot its / : the rows' figures come from `df` (1K blocks), printed first.
if [ "${2:-}" = df ] && [ "${NETSIM_DF_NAMESPACE:-}" = 1 ]; then
  mount --rbind "$R" "$R"
  for mount in run:392M run/lock:5M dev/shm:1958M tmp:1958M run/user/1000:392M; do
    mkdir -p "$R/${mount%%:*}" && mount -t tmpfs -o "size=${mount##*:}" tmpfs "$R/${mount%%:*}"
  done
  capture df-h coreutils usuario "figures: tmpfs mounts made for the capture, the chroot's disk; df (1K blocks) first" -- 'df; df -h'
  rm -rf "$TMP"; exit
fi

chroot "$R" sh -c 'apt-get -qq update; apt-get -qq -y remove traceroute netcat-openbsd net-tools >/dev/null 2>&1' >/dev/null 2>&1

# Without root: apt opens dpkg's lock first (apt-get: the cache's lock for update).
capture user-apt-install apt usuario '' -- apt install -y traceroute
capture user-apt-get-install apt usuario '' -- apt-get install -y traceroute
capture user-apt-update apt usuario '' -- apt update
capture user-apt-get-update apt usuario '' -- apt-get update
capture user-apt-remove apt usuario '' -- apt remove -y traceroute
TTY_USER=usuario capture_tty user-apt-install.tty apt '' -- apt install -y traceroute
TTY_USER=usuario capture_tty user-apt-get-install.tty apt '' -- apt-get install -y traceroute
TTY_USER=usuario capture_tty user-apt-update.tty apt '' -- apt update
TTY_USER=usuario capture_tty user-apt-get-update.tty apt '' -- apt-get update
capture_tty apt-get-update.tty apt '' -- apt-get update

# Lists already current, as on a host updated since its install.
capture apt-update apt root '' -- apt update
capture apt-get-update apt root '' -- apt-get update
capture_tty apt-update.tty apt '' -- apt update

capture apt-install-traceroute apt root '' -- apt install -y traceroute
capture apt-install-traceroute-again apt root '' -- apt install -y traceroute
capture apt-remove-traceroute apt root '' -- apt remove -y traceroute
capture_tty apt-install-traceroute.tty apt '' -- apt install -y traceroute
capture_tty apt-install-traceroute-again.tty apt '' -- apt install -y traceroute
capture apt-get-remove-traceroute apt root '' -- apt-get remove -y traceroute
capture apt-get-install-traceroute apt root '' -- apt-get install -y traceroute
capture apt-get-remove-traceroute-quiet apt root '' -- apt-get remove -y traceroute
capture_tty apt-get-install-traceroute.tty apt '' -- apt-get install -y traceroute
capture apt-get-install-traceroute-again apt root '' -- apt-get install -y traceroute
capture apt-install-netcat-openbsd apt root '' -- apt install -y netcat-openbsd
capture apt-get-install-net-tools apt root '' -- apt-get install -y net-tools
capture apt-install-unknown apt root '' -- apt install -y nosuchpackage
capture apt-get-install-unknown apt root '' -- apt-get install -y nosuchpackage
capture_tty apt-install-unknown.tty apt '' -- apt install -y nosuchpackage
capture_tty apt-remove-traceroute.tty apt '' -- apt remove -y traceroute
capture apt-remove-not-installed apt root '' -- apt remove -y tcpdump

chroot "$R" apt-get -qq -y install traceroute >/dev/null 2>&1
capture dpkg-l-traceroute dpkg usuario '' -- dpkg -l traceroute
TTY_USER=usuario capture_tty dpkg-l-traceroute.tty dpkg '' -- dpkg -l traceroute
capture dpkg-l-unknown dpkg usuario '' -- dpkg -l nosuchpackage
capture dpkg-l-not-installed dpkg usuario '' -- dpkg -l tcpdump

capture free-h procps usuario 'figures: the capturing machine'"'"'s; free (KiB) first, for the test to format' -- 'free; free -h'
unshare --mount env NETSIM_DF_NAMESPACE=1 "$0" "$R" df
capture groups coreutils usuario '' -- groups
capture usermod-user passwd usuario '' -- usermod -aG sudo usuario
capture usermod-unknown-group passwd root '' -- usermod -aG nosuchgroup usuario
capture usermod passwd root '' -- usermod -aG sudo usuario
capture groups-after-usermod coreutils usuario 'a new process of usuario: chroot --userspec reads the groups afresh, as a new login does' -- groups
capture id-after-usermod coreutils usuario 'chroot --userspec sets the groups of uid 1000 from /etc/group (initgroups), as a login does' -- id
for package in traceroute netcat-openbsd net-tools; do
  capture "dpkg-L-$package" dpkg usuario 'the files and directories the package adds to dpkg'"'"'s database' -- "dpkg -L $package | wc -l"
done
capture pgrep-unknown-option procps usuario '' -- pgrep --bogus
chroot "$R" gpasswd -d usuario sudo >/dev/null
rm -rf "$TMP"
