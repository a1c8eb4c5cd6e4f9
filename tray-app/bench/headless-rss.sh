#!/usr/bin/env bash
# Measures the headless tray's RSS and CPU with N real agent JVMs (default 10) and the real gateway.
#
#   mvn -B -o -pl protocol,agent,gateway-lite,tray-app package -DskipTests   # once, for the three jars
#   tray-app/bench/headless-rss.sh [agents=10] [interval=15s] [measure-seconds=120] [tray JVM flags...]
#
# Prints the tray's RSS after warm-up, its peak RSS, and its CPU use (user+sys) over the measuring
# window, per cycle and as a share of one core. Everything it starts it stops again, by PID.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
agents=${1:-10}
interval=${2:-15s}
measure=${3:-120}
shift $(( $# < 3 ? $# : 3 ))
tray_flags=("$@")
if [ ${#tray_flags[@]} -eq 0 ]; then
  # The flags the systemd unit should use: a small heap, serial GC, C1 only.
  tray_flags=(-Xmx16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:CICompilerCount=1)
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

gw_port=$(free_port)
java -Xmx128m -jar "$here/gateway-lite/target/tether-gateway.jar" --listen "127.0.0.1:$gw_port" --data-dir "$work/data" >"$work/gw.log" 2>&1 &
pids+=($!)

mkdir -p "$work/agents" "$work/app"
cat >"$work/app/Idle.java" <<'JAVA'
public class Idle { public static void main(String[] a) throws Exception { Thread.sleep(Long.MAX_VALUE); } }
JAVA
javac -d "$work/app" "$work/app/Idle.java"
for i in $(seq 1 "$agents"); do
  TETHER_DISCOVERY_DIR="$work/agents" java -Xmx32m -XX:+UseSerialGC -javaagent:"$here/agent/target/tether-agent.jar=app=app$i" \
    -cp "$work/app" Idle >"$work/agent$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 60); do
  [ "$(ls "$work/agents" | wc -l)" -ge "$agents" ] && break
  sleep 1
done
echo "agents with discovery files: $(ls "$work/agents" | wc -l)"

java "${tray_flags[@]}" -jar "$here/tray-app/target/tether-tray.jar" --headless --gateway "http://127.0.0.1:$gw_port" \
  --host bench --interval "$interval" --discovery-dir "$work/agents" >"$work/tray.log" 2>&1 &
tray=$!
pids+=($tray)

# Warm-up: a few cycles, so that class loading and the JIT are behind us.
sleep 20
rss_start=$(rss_kb $tray)
ticks_start=$(cpu_ticks $tray)
# One sample a second: seconds without a single CPU tick show the tray idle between cycles.
idle_seconds=0
prev=$ticks_start
for _ in $(seq 1 "$measure"); do
  sleep 1
  now=$(cpu_ticks $tray)
  [ "$now" -eq "$prev" ] && idle_seconds=$((idle_seconds + 1))
  prev=$now
done
ticks_end=$prev
rss_end=$(rss_kb $tray)
hwm=$(hwm_kb $tray)
hz=$(getconf CLK_TCK)
series=$(curl -s "http://127.0.0.1:$gw_port/metrics" | awk '/^tether_gateway_series / {print $2}')
interval_s=$(python3 -c "import re,sys; s='$interval'; m={'ms':0.001,'s':1,'m':60,'h':3600}; print(sum(int(n)*m[u] for n,u in re.findall(r'(\d+)(ms|s|m|h)', s)))")
python3 - <<PY
ticks = $ticks_end - $ticks_start
cpu_s = ticks / $hz
cycles = $measure / $interval_s
print(f"tray flags: ${tray_flags[*]}")
print(f"agents: $agents, interval: $interval, series pushed: $series")
print(f"RSS after warm-up: {$rss_start/1024:.1f} MB, at end: {$rss_end/1024:.1f} MB, peak (VmHWM): {$hwm/1024:.1f} MB")
print(f"CPU over {$measure} s: {cpu_s:.2f} s = {100*cpu_s/$measure:.2f} % of one core, {1000*cpu_s/cycles:.0f} ms per cycle")
print(f"seconds with no CPU tick at all: $idle_seconds of {$measure}")
PY
grep -c "WARN" "$work/tray.log" | xargs echo "tray WARN lines:"
