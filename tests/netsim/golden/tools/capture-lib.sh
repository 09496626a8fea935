# Sourced by the capture-*.sh scripts of this directory, after they set `here`, `TMP` and
# `PACKAGE` (the Debian package whose version names the capture).
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null; }
DEB="Debian $(cat /etc/debian_version) ($(. /etc/os-release; echo "$VERSION_CODENAME")), Linux $(uname -r)"

# capture NAME NOTE -- COMMAND...: runs COMMAND in the current namespaces, writes NAME.txt with its header.
capture() {
  local name=$1 note=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"; local code=$?
  {
    echo "# source: captured with $PACKAGE $(pkgver "$PACKAGE") on $DEB"
    echo "# command: $*"
    [ -n "$note" ] && echo "# note: $note"
    echo "# exit code: $code"
    echo "# stdout: $(wc -c <"$TMP/out") bytes; stderr: $(wc -c <"$TMP/err") bytes"
    echo "# ---"
    cat "$TMP/out"
    if [ -s "$TMP/err" ]; then echo "# --- stderr"; cat "$TMP/err"; fi
  } >"$here/$name.txt"
  echo "$name: exit $code"
}
