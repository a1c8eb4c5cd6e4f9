# shellcheck shell=bash
# Sourced by build-packages.sh and test-packages.sh: Maven's version in Debian's spelling.
#
# Maven's "-qualifier" becomes "~qualifier" (0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT): jpackage refuses a
# "-" in --app-version, and "~" sorts before anything in Debian versions, so the final 0.1.0 upgrades
# the snapshot. jpackage appends the package release: tether-tray_0.1.0~SNAPSHOT-1_amd64.deb.
debian_version() {
  local v=${1/-/\~}
  if [[ ! $v =~ ^[0-9]+(\.[0-9]+)*(~[A-Za-z0-9.]+)?$ ]]; then
    echo "cannot map Maven version '$1' to a Debian version (got '$v')" >&2
    return 1
  fi
  echo "$v"
}

# The Debian package release jpackage appends (--linux-app-release in src/jpackage/*-deb.args).
# shellcheck disable=SC2034 # read by the scripts that source this file
DEB_RELEASE=1
