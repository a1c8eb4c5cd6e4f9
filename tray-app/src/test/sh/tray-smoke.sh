#!/usr/bin/env bash
# The real system tray, end to end: Xvfb + trayer (a tray host) + xdotool, with a real gateway and a
# real agent JVM. Starts the tray UI, checks green, right-clicks the icon and chooses Pause, checks
# /status says paused, resumes, kills the JVM (amber), stops the gateway (red), then quits from the
# menu. Screenshots of every state go to tray-app/target/tray-smoke/ (CI artifacts).
#
#   tray-app/src/test/sh/tray-smoke.sh            # from the repository root, after mvn package
#
# Needs: xvfb-run, trayer, xdotool, import (imagemagick), curl, python3; and the built jars.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../../.." && pwd)"
OUT="${TETHER_SMOKE_OUT:-$ROOT/tray-app/target/tray-smoke}"

if [ -z "${TETHER_SMOKE_INNER:-}" ]; then
  for tool in xvfb-run trayer xdotool import curl python3; do
    command -v "$tool" >/dev/null || { echo "tray-smoke: $tool is missing"; exit 3; }
  done
  mkdir -p "$OUT"
  exec xvfb-run -a -s "-screen 0 1280x800x24" env TETHER_SMOKE_INNER=1 TETHER_SMOKE_OUT="$OUT" "$0" "$@"
fi

JAVA="${JAVA:-java}"
WORK="$(mktemp -d)"
PIDS=()
log() { echo "tray-smoke: $*"; }
fail() {
  log "FAILED: $*"
  import -window root "$OUT/failure.png" 2>/dev/null || true
  for f in "$WORK"/*.log; do echo "----- $(basename "$f")"; tail -n 40 "$f"; done
  exit 1
}
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

for jar in gateway-lite/target/tether-gateway.jar agent/target/tether-agent.jar \
           sample-app/target/tether-sample-app.jar tray-app/target/tether-tray.jar; do
  [ -f "$ROOT/$jar" ] || fail "$jar is missing: build with mvn -B package -DskipTests first"
done

# Waits up to $1 seconds for "$2" (a command) to succeed.
wait_for() {
  local secs=$1; shift
  local end=$((SECONDS + secs))
  until "$@"; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.3
  done
}
line_in() { grep -o "$2" "$1" 2>/dev/null | head -1; }
state() { curl -s --max-time 2 --noproxy '*' "$STATUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])' 2>/dev/null; }
state_is() { [ "$(state)" = "$1" ]; }
expect_state() {
  wait_for "$2" state_is "$1" || fail "expected state $1 within $2 s, /status says '$(state)'"
  log "state $1"
}
shot() {
  # Hover the icon so its tooltip shows in the picture.
  xdotool mousemove "$ICON_X" "$ICON_Y"; sleep 1.8
  import -window root "$OUT/tray-$1.png"
  log "screenshot $OUT/tray-$1.png"
}

log "display $DISPLAY, work dir $WORK"
trayer --edge top --align right --widthtype request --height 24 --SetDockType true --transparent false \
  >"$WORK/trayer.log" 2>&1 &
PIDS+=($!)

"$JAVA" -jar "$ROOT/gateway-lite/target/tether-gateway.jar" --listen 127.0.0.1:0 --data-dir "$WORK/gw" \
  --min-ttl 1s >"$WORK/gateway.log" 2>&1 &
GW_PID=$!; PIDS+=($GW_PID)
wait_for 30 line_in "$WORK/gateway.log" 'listening on http://[0-9.:]*' >/dev/null || fail "the gateway did not start"
GATEWAY="$(line_in "$WORK/gateway.log" 'http://[0-9.:]*')"
log "gateway $GATEWAY"

mkdir -p "$WORK/agents"
"$JAVA" -Xmx64m "-javaagent:$ROOT/agent/target/tether-agent.jar=app=sample-app,discovery.dir=$WORK/agents" \
  -jar "$ROOT/sample-app/target/tether-sample-app.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!; PIDS+=($APP_PID)
wait_for 30 line_in "$WORK/app.log" 'listening on' >/dev/null || fail "the sample app did not start"

XDG_CONFIG_HOME="$WORK/config" "$JAVA" -Xmx96m -jar "$ROOT/tray-app/target/tether-tray.jar" \
  --gateway "$GATEWAY" --discovery-dir "$WORK/agents" --interval 1s --host smoke \
  --status-listen 127.0.0.1:0 >"$WORK/tray.log" 2>&1 &
TRAY_PID=$!; PIDS+=($TRAY_PID)
wait_for 40 line_in "$WORK/tray.log" 'http://[0-9.:]*/status' >/dev/null || fail "the tray did not start"
STATUS="$(line_in "$WORK/tray.log" 'http://[0-9.:]*/status')"
log "tray status $STATUS"
grep -q "no system tray" "$WORK/tray.log" && fail "the tray says there is no system tray under trayer"

icon_window() { xdotool search --name JavaEmbeddedFrame 2>/dev/null | head -1; }
# The icon's window exists a moment before trayer docks it (top right, as trayer is started here):
# wait until it sits in the right half of the screen.
docked() {
  local w; w="$(icon_window)"
  [ -n "$w" ] || return 1
  eval "$(xdotool getwindowgeometry --shell "$w")"
  [ "$X" -ge 640 ]
}
wait_for 30 docked || fail "no tray icon docked in trayer"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$(icon_window)")"
ICON_X=$((X + WIDTH / 2)); ICON_Y=$((Y + HEIGHT / 2))
log "tray icon at $ICON_X,$ICON_Y"

popup() { xdotool search --onlyvisible --name sun-awt-X11-XPopupMenuPeer 2>/dev/null | head -1; }
# Right-clicks the icon and clicks the menu item whose centre is $1 pixels below the menu's top
# (negative: above its bottom). The pointer goes through the middle of the menu first, so the
# icon's tooltip is gone before the click.
choose() {
  local try
  for try in 1 2 3; do
    xdotool mousemove "$ICON_X" "$ICON_Y" click 3
    wait_for 5 popup >/dev/null && break
    [ "$try" -lt 3 ] || fail "right-click on the icon at $ICON_X,$ICON_Y opened no menu (3 tries)"
    log "no menu yet; right-clicking again"
  done
  eval "$(xdotool getwindowgeometry --shell "$(popup)")"
  local y=$(( $1 >= 0 ? Y + $1 : Y + HEIGHT + $1 ))
  xdotool mousemove $((X + 60)) $((Y + HEIGHT / 2)); sleep 0.4
  xdotool mousemove $((X + 60)) "$y"; sleep 0.4
  xdotool click 1
}
ITEM_PAUSE=12     # 1. Pause / Resume forwarding
ITEM_OPEN=58      # 3. Open Tether… (after the status line and a separator)
ITEM_QUIT=-12     # 7. Quit

expect_state ok 30
choose $ITEM_OPEN
wait_for 15 xdotool search --onlyvisible --name '^Tether$' >/dev/null || fail "Open Tether… opened no window"
sleep 1
shot ok

choose $ITEM_PAUSE
expect_state paused 10
shot paused
curl -s --noproxy '*' "$GATEWAY/api/v1/hosts" | grep -q '"paused"' || fail "the gateway does not show the host paused"
log "gateway shows the host paused"

curl -s --noproxy '*' -X POST "${STATUS%/status}/resume" >/dev/null
expect_state ok 10

{ kill -9 "$APP_PID"; wait "$APP_PID"; } 2>/dev/null || true
expect_state degraded 20
shot degraded

kill "$GW_PID"
expect_state offline 30
shot offline

choose $ITEM_QUIT
wait_for 10 bash -c "! kill -0 $TRAY_PID 2>/dev/null" || fail "Quit did not end the tray within 10 s"
log "Quit ended the tray"
log "OK"
