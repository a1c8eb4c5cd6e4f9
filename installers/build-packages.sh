#!/usr/bin/env bash
# Builds the Linux release files into installers/target/dist:
#   tether-tray_<debver>_amd64.deb, tether-gateway_<debver>_amd64.deb  (jpackage, trimmed runtimes)
#   tether-tray-headless.service, tether-agent-<version>.jar + tether-agent-INSTALL.txt
# Usage: build-packages.sh MAVEN_VERSION   (the -Pinstallers profile passes ${project.version})
#
# jpackage 17 builds each .deb; it can only place files under /opt/<name>, so a second step
# unpacks the .deb, adds the files that belong elsewhere (systemd units, /etc, desktop entries,
# icons), declares the /etc ones as conffiles and packs it again with dpkg-deb.
set -euo pipefail

die() { echo "build-packages: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: build-packages.sh MAVEN_VERSION"
maven_version=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
cd "$here" # the jpackage argument files name paths relative to installers/

# JDK 17's jpackage by default (the one this was tested with); JPACKAGE overrides.
jdk_bin=/usr/lib/jvm/java-17-openjdk-amd64/bin
JPACKAGE=${JPACKAGE:-$jdk_bin/jpackage}
[ -x "$JPACKAGE" ] || JPACKAGE=$(command -v jpackage) || die "no jpackage: install a JDK 17 (openjdk-17-jdk and openjdk-17-jmods) or set JPACKAGE"
java_bin=$(dirname "$(readlink -f "$JPACKAGE")")
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || die "'$tool' is missing: apt-get install -y dpkg-dev fakeroot"
done

# shellcheck source=versions.sh
. "$here/versions.sh"
deb_version=$(debian_version "$maven_version") || die "bad version"

target=$here/target
dist=$target/dist
rm -rf "$target/icons" "$target/input" "$target/jpackage" "$target/resources" "$target/repack" "$dist"
mkdir -p "$dist"

declare -A jar=(
  [tray]=$repo/tray-app/target/tether-tray.jar
  [gateway]=$repo/gateway-lite/target/tether-gateway.jar
  [agent]=$repo/agent/target/tether-agent.jar
)
for app in tray gateway agent; do
  [ -f "${jar[$app]}" ] || die "${jar[$app]} is missing; build the jars first: mvn -B package -DskipTests -pl agent,gateway-lite,tray-app"
done

started=$SECONDS
echo "build-packages: icons"
"$java_bin/java" -Djava.awt.headless=true src/icons/TetherIcon.java "$target/icons"

# Maintainer scripts with the shared user-creation function spliced in where they ask for it.
resources() {
  local app=$1 out=$target/resources/$1
  mkdir -p "$out"
  for script in postinst prerm postrm; do
    awk -v snippet=src/deb/common/ensure-tether-user.sh '
      $0 == "@ENSURE_TETHER_USER@" { while ((getline line < snippet) > 0) print line; next }
      { print }' "src/deb/$app/scripts/$script" >"$out/$script"
    chmod 0755 "$out/$script"
  done
}

# The modules jdeps finds in the jar, added to the argument file's list (which carries the ones
# loaded by reflection or as services, that jdeps cannot see).
jdeps_modules() {
  "$java_bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$1" \
    || die "jdeps could not read $1"
}

# Adds files that live outside /opt to the .deb jpackage made, and packs it again.
repack() {
  local app=$1 deb=$2
  local work=$target/repack/$app name
  name=$(basename "$deb")
  mkdir -p "$(dirname "$work")"
  dpkg-deb --raw-extract "$deb" "$work"
  cp -r "src/deb/$app/root/." "$work/"
  local sizes
  case $app in
    tray)
      for sizes in 16 32 48 64 128 256 512; do
        install -D -m 0644 "$target/icons/tether-$sizes.png" "$work/usr/share/icons/hicolor/${sizes}x${sizes}/apps/tether-tray.png"
      done ;;
  esac
  mkdir -p "$work/usr/bin"
  # Relative, so the link also works in an unpacked tree (the tests run it from there).
  ln -s "../../opt/tether-$app/bin/tether-$app" "$work/usr/bin/tether-$app"
  # Files from git carry the checkout's modes; a package wants fixed ones.
  find "$work" -path "$work/DEBIAN" -prune -o -type d -exec chmod 0755 {} +
  find "$work" -path "$work/DEBIAN" -prune -o -path "$work/opt" -prune -o -type f -exec chmod 0644 {} +
  # Everything under /etc is configuration: dpkg keeps an admin's edits across upgrades.
  (cd "$work" && find etc -type f | sort | sed 's|^|/|') >"$work/DEBIAN/conffiles"
  local kib
  kib=$(du -sk --exclude=DEBIAN "$work" | cut -f1)
  sed -i "s/^Installed-Size:.*/Installed-Size: $kib/" "$work/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz --build "$work" "$dist/$name" >/dev/null
}

for app in tray gateway; do
  echo "build-packages: tether-$app $deb_version (jpackage)"
  t0=$SECONDS
  mkdir -p "$target/input/$app" "$target/jpackage/$app"
  cp "${jar[$app]}" "$target/input/$app/" # jpackage bundles the whole input dir: only the jar
  resources "$app"
  modules=$(jdeps_modules "${jar[$app]}")
  "$JPACKAGE" "@src/jpackage/$app.args" "@src/jpackage/$app-deb.args" \
    --resource-dir "$target/resources/$app" \
    --input "$target/input/$app" --app-version "$deb_version" --add-modules "$modules" \
    --dest "$target/jpackage/$app"
  debs=("$target/jpackage/$app"/*.deb)
  if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    die "jpackage made no single .deb in $target/jpackage/$app"
  fi
  repack "$app" "${debs[0]}"
  echo "build-packages: tether-$app built in $((SECONDS - t0)) s"
done

cp src/deb/tray/root/lib/systemd/system/tether-tray-headless.service "$dist/"
cp "${jar[agent]}" "$dist/tether-agent-$maven_version.jar"
cat >"$dist/tether-agent-INSTALL.txt" <<EOF
Add -javaagent:/path/to/tether-agent-$maven_version.jar to the JVM's command line (any Java 8+ JVM); the tether tray on the same machine finds it by itself.
EOF

echo "build-packages: done in $((SECONDS - started)) s:"
ls -l "$dist"
