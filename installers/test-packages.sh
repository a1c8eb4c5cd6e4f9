#!/usr/bin/env bash
# Checks what build-packages.sh made, for real: package metadata and contents, maintainer scripts,
# both packages unpacked into a throwaway root, the installed launchers run, the installed gateway
# started with the packaged config and pushed to, the systemd units and desktop entries verified,
# the tray .deb's size against its bar. Every check runs; the script fails if any of them failed.
# Usage: test-packages.sh MAVEN_VERSION
set -euo pipefail

die() { echo "test-packages: $*" >&2; exit 1; }
[ $# -eq 1 ] || die "usage: test-packages.sh MAVEN_VERSION"
maven_version=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.sh
. "$here/versions.sh"
deb_version=$(debian_version "$maven_version")-$DEB_RELEASE
dist=$here/target/dist

missing=()
for tool in dpkg-deb curl systemd-analyze desktop-file-validate shellcheck; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: apt-get install -y systemd desktop-file-utils shellcheck curl"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

tmp=$(mktemp -d)
gateway_pid=
tray_pid=
cleanup() {
  for pid in $gateway_pid $tray_pid; do
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

declare -A deb=(
  [tray]=$dist/tether-tray_${deb_version}_amd64.deb
  [gateway]=$dist/tether-gateway_${deb_version}_amd64.deb
)
for app in tray gateway; do
  [ -f "${deb[$app]}" ] || die "${deb[$app]} is missing; run build-packages.sh first (mvn -Pinstallers ... package)"
done

echo "== metadata (dpkg-deb -I)"
for app in tray gateway; do
  d=${deb[$app]}
  check "tether-$app: Package is tether-$app" test "$(dpkg-deb -f "$d" Package)" = "tether-$app"
  check "tether-$app: Version is $deb_version" test "$(dpkg-deb -f "$d" Version)" = "$deb_version"
  check "tether-$app: Architecture is amd64" test "$(dpkg-deb -f "$d" Architecture)" = amd64
  check "tether-$app: Maintainer has an address" grep -qE '^[^<]+ <[^<>@ ]+@[^<> ]+>$' <<<"$(dpkg-deb -f "$d" Maintainer)"
  depends=$(dpkg-deb -f "$d" Depends)
  check "tether-$app: depends on adduser (postinst creates the tether user)" grep -qw adduser <<<"$depends"
  check "tether-$app: depends on libc6 (jpackage's computed runtime dependencies)" grep -qw libc6 <<<"$depends"
  dpkg-deb -e "$d" "$tmp/control-$app"
  check "tether-$app: postinst creates the tether system user" grep -q 'adduser --system' "$tmp/control-$app/postinst"
  check "tether-$app: maintainer scripts pass shellcheck" \
    shellcheck -s sh "$tmp/control-$app"/{preinst,postinst,prerm,postrm}
done
check "tether-tray: depends on libgtk-3-0 (JavaFX's glass needs it)" grep -qw libgtk-3-0 <<<"$(dpkg-deb -f "${deb[tray]}" Depends)"
check "tether-tray: conffiles are the autostart entry and the headless settings" \
  test "$(dpkg-deb -I "${deb[tray]}" conffiles)" = $'/etc/tether/tray-headless.properties\n/etc/xdg/autostart/tether-tray.desktop'
check "tether-gateway: conffiles are /etc/tether/gateway.properties" \
  test "$(dpkg-deb -I "${deb[gateway]}" conffiles)" = /etc/tether/gateway.properties

echo "== contents (dpkg-deb -c)"
declare -A expected=(
  [tray]="./opt/tether-tray/bin/tether-tray ./opt/tether-tray/lib/app/tether-tray.jar ./opt/tether-tray/lib/runtime/lib/libjava.so
          ./usr/bin/tether-tray ./etc/xdg/autostart/tether-tray.desktop ./usr/share/applications/tether-tray.desktop
          ./usr/share/icons/hicolor/48x48/apps/tether-tray.png ./usr/share/icons/hicolor/256x256/apps/tether-tray.png
          ./lib/systemd/system/tether-tray-headless.service ./etc/tether/tray-headless.properties ./usr/lib/tmpfiles.d/tether-tray.conf"
  [gateway]="./opt/tether-gateway/bin/tether-gateway ./opt/tether-gateway/lib/app/tether-gateway.jar ./opt/tether-gateway/lib/runtime/lib/libjava.so
             ./usr/bin/tether-gateway ./lib/systemd/system/tether-gateway.service ./etc/tether/gateway.properties"
)
for app in tray gateway; do
  dpkg-deb -c "${deb[$app]}" >"$tmp/contents-$app"
  awk '{print $6}' "$tmp/contents-$app" >"$tmp/paths-$app"
  for path in ${expected[$app]}; do
    check "tether-$app contains $path" grep -qxF "$path" "$tmp/paths-$app"
  done
  check "tether-$app: every file is owned by root/root" test -z "$(awk '$2 != "root/root"' "$tmp/contents-$app")"
done

echo "== unpacked into a throwaway root (dpkg -x)"
root=$tmp/root
for app in tray gateway; do dpkg -x "${deb[$app]}" "$root"; done

for app in tray gateway; do
  for launcher in "opt/tether-$app/bin/tether-$app" "usr/bin/tether-$app"; do
    out=$(timeout 60 "$root/$launcher" --version 2>&1) || true
    check "/$launcher --version prints 'tether-$app $maven_version' (got: $out)" test "$out" = "tether-$app $maven_version"
  done
  runtime=$root/opt/tether-$app/lib/runtime
  modules=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$runtime/release")
  # The modules the argument file asks for by name (the ones jdeps cannot see) must be there.
  wanted=$(sed -n 's/^--add-modules //p' "$here/src/jpackage/$app.args" | tr ',' ' ')
  for module in $wanted; do
    check "tether-$app runtime has $module" grep -qw -- "$module" <<<"$modules"
  done
  check "tether-$app runtime is trimmed (no jdk.compiler, no bin/)" \
    test "$(grep -cw jdk.compiler <<<"$modules")" = 0 -a ! -e "$runtime/bin"
done

echo "== desktop entries"
for entry in etc/xdg/autostart/tether-tray.desktop usr/share/applications/tether-tray.desktop; do
  check "/$entry passes desktop-file-validate" desktop-file-validate "$root/$entry"
  exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/$entry")
  check "/$entry runs $exec_path, which the package installs" test -x "$root$exec_path"
  icon=$(sed -n 's/^Icon=//p' "$root/$entry")
  check "/$entry icon '$icon' is in the hicolor theme" test -f "$root/usr/share/icons/hicolor/256x256/apps/$icon.png"
done

echo "== systemd units"
units=(lib/systemd/system/tether-gateway.service lib/systemd/system/tether-tray-headless.service)
# The root gets this machine's own units (targets and the like) beside ours, as an installed
# system has them; ours are not overwritten.
cp -rn /lib/systemd/system/. "$root/lib/systemd/system/"
for unit in "${units[@]}"; do
  # --root: ExecStart= paths and the like are resolved inside the unpacked packages.
  if systemd-analyze verify --root="$root" "/$unit" >"$tmp/verify.log" 2>&1 && [ ! -s "$tmp/verify.log" ]; then
    pass "systemd-analyze verify /$unit"
  else
    fail "systemd-analyze verify /$unit: $(cat "$tmp/verify.log")"
  fi
  exec_path=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$root/$unit")
  check "/$unit runs $exec_path, which the package installs" test -x "$root$exec_path"
  config=$(sed -n 's/^ExecStart=.*--config \([^ ]*\).*/\1/p' "$root/$unit")
  check "/$unit reads $config, which the package installs" test -f "$root$config"
done
gateway_unit=$root/${units[0]}
for setting in Restart=on-failure ProtectSystem=strict NoNewPrivileges=yes StateDirectory=tether User=tether; do
  check "tether-gateway.service has $setting" grep -qxF "$setting" "$gateway_unit"
done
check "gateway.properties keeps state in /var/lib/tether" grep -qxF data-dir=/var/lib/tether "$root/etc/tether/gateway.properties"

echo "== maintainer scripts, run against stub commands"
# Stubs only (PATH has nothing else), so no real user or service is touched; each logs its call.
stubs=$tmp/stubs
mkdir -p "$stubs"
for cmd in addgroup adduser systemctl systemd-tmpfiles; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$cmd" "$tmp/calls" >"$stubs/$cmd"
done
run_postinst() { # run_postinst APP USER_EXISTS(0|2) PREVIOUS_VERSION
  printf '#!/bin/sh\nexit %s\n' "$2" >"$stubs/getent"
  chmod +x "$stubs"/*
  : >"$tmp/calls"
  PATH=$stubs /bin/sh "$tmp/control-$1/postinst" configure "$3"
}
for app in tray gateway; do
  if run_postinst "$app" 2 ""; then
    check "tether-$app postinst, first install: creates the tether user" grep -q '^adduser --system .* tether$' "$tmp/calls"
  else
    fail "tether-$app postinst configure exited non-zero: $(cat "$tmp/calls")"
  fi
  run_postinst "$app" 0 "" || true
  check "tether-$app postinst, user exists: leaves it alone" test -z "$(grep adduser "$tmp/calls")"
done
run_postinst gateway 0 "" || true
check "tether-gateway postinst, first install: enables the service" grep -qx 'systemctl enable tether-gateway.service' "$tmp/calls"
run_postinst gateway 0 0.0.9-1 || true
check "tether-gateway postinst, upgrade: leaves enablement to the admin" test -z "$(grep 'systemctl enable' "$tmp/calls")"
run_postinst tray 0 "" || true
check "tether-tray postinst: does not enable the headless unit (it needs a gateway first)" test -z "$(grep 'systemctl enable' "$tmp/calls")"

echo "== the installed gateway, started with the packaged config, takes a push"
log=$tmp/gateway.log
"$root/opt/tether-gateway/bin/tether-gateway" --config "$root/etc/tether/gateway.properties" \
  --listen 127.0.0.1:0 --data-dir "$tmp/gateway-data" >"$log" 2>&1 &
gateway_pid=$!
url=
for _ in $(seq 1 120); do
  url=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$log" | head -1 | sed 's/^listening on //') || true
  [ -n "$url" ] && break
  kill -0 "$gateway_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$url" ]; then
  if kill -0 "$gateway_pid" 2>/dev/null; then
    fail "the installed gateway did not log 'listening on http://127.0.0.1:PORT' within 60 s; its log: $(tail -20 "$log")"
  else
    wait "$gateway_pid" && status=0 || status=$?
    fail "the installed gateway exited ($status) before listening; its log: $(tail -20 "$log")"
  fi
else
  pass "the installed gateway listens on $url"
  printf '# TYPE installer_check_value gauge\ninstaller_check_value{check="push"} 42\n' >"$tmp/snapshot.txt"
  code=$(curl -sS -o "$tmp/put.out" -w '%{http_code}' -X PUT --data-binary @"$tmp/snapshot.txt" \
    -H 'Content-Type: text/plain; version=0.0.4' -H 'Tether-TTL: 60s' "$url/api/v1/hosts/installer-check") || code=none
  check "PUT /api/v1/hosts/installer-check answers 200 (got $code: $(head -c 300 "$tmp/put.out" 2>/dev/null))" test "$code" = 200
  check "PUT answers JSON" grep -q '^[[:space:]]*{' "$tmp/put.out"
  curl -sS -o "$tmp/metrics.out" "$url/metrics" || true
  check "/metrics has tether_host_up{host=\"installer-check\"} 1" grep -qE '^tether_host_up\{host="installer-check"\} 1(\.0)?$' "$tmp/metrics.out"
  check "/metrics has the pushed series, labelled with its host" \
    grep -qE '^installer_check_value\{([^}]*,)?host="installer-check"[,}].* 42(\.0)?$' "$tmp/metrics.out"

  # The installed headless tray, with the packaged settings file, pushes this host to it too.
  "$root/opt/tether-tray/bin/tether-tray" --headless --config "$root/etc/tether/tray-headless.properties" \
    --gateway "$url" --discovery-dir "$tmp/agents" --host installer-tray --interval 2s >"$tmp/tray.log" 2>&1 &
  tray_pid=$!
  seen=no
  for _ in $(seq 1 60); do
    if curl -sS "$url/metrics" 2>/dev/null | grep -qE '^tether_host_up\{host="installer-tray"\} 1(\.0)?$'; then seen=yes; break; fi
    kill -0 "$tray_pid" 2>/dev/null || break
    sleep 0.5
  done
  check "the installed headless tray pushes to the gateway (tether_host_up{host=\"installer-tray\"} 1; tray log: $(tail -5 "$tmp/tray.log"))" \
    test "$seen" = yes
  kill -TERM "$tray_pid" 2>/dev/null || true
  wait "$tray_pid" || true
  tray_pid=

  kill -TERM "$gateway_pid"
  for _ in $(seq 1 30); do kill -0 "$gateway_pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$gateway_pid" 2>/dev/null; then
    fail "the gateway did not stop within 15 s of SIGTERM"
  else
    wait "$gateway_pid" && status=0 || status=$?
    # 0, or 143 for a JVM ended by the signal: the unit's SuccessExitStatus=143 counts both as clean.
    check "the gateway stops cleanly on SIGTERM (exit $status)" test "$status" = 0 -o "$status" = 143
  fi
fi
gateway_pid=

echo "== the other release files"
agent=$dist/tether-agent-$maven_version.jar
out=$(timeout 60 java -jar "$agent" --version 2>&1) || true
check "tether-agent-$maven_version.jar --version prints 'tether-agent $maven_version' (got: $out)" test "$out" = "tether-agent $maven_version"
check "tether-agent-INSTALL.txt is one line naming the jar" \
  test "$(wc -l <"$dist/tether-agent-INSTALL.txt")" = 1 -a -n "$(grep -F "tether-agent-$maven_version.jar" "$dist/tether-agent-INSTALL.txt")"
check "tether-tray-headless.service is released beside the packages" \
  cmp "$dist/tether-tray-headless.service" "$root/lib/systemd/system/tether-tray-headless.service"

echo "== sizes"
bar=$((40 * 1000 * 1000))
for app in tray gateway; do
  bytes=$(stat -c %s "${deb[$app]}")
  installed=$(dpkg-deb -f "${deb[$app]}" Installed-Size)
  printf 'tether-%s: .deb %s bytes (%.1f MB), installed %s KiB\n' "$app" "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1000000 }')" "$installed" \
    | tee -a "$tmp/sizes"
done
tray_bytes=$(stat -c %s "${deb[tray]}")
check "tether-tray .deb is at most 40 MB ($tray_bytes bytes)" test "$tray_bytes" -le "$bar"
cp "$tmp/sizes" "$dist/sizes.txt"

if [ "$failures" -gt 0 ]; then
  echo "test-packages: $failures check(s) failed" >&2
  exit 1
fi
echo "test-packages: all checks passed"
