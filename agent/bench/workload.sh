#!/usr/bin/env bash
# HTTP workload benchmark, one command from the repository root:  agent/bench/workload.sh [rounds]
# HttpWorkload (JDK HttpServer + HttpClient, 2000 warm-up then 2000 timed requests) bare, with
# tether-agent.jar (instrument=all) and with the OpenTelemetry agent, interleaved; medians of
# the process's wall time, of the timed loop and of peak RSS (VmHWM). BENCH_JAVA picks another JDK for the JVMs under test.
# -Dsun.net.httpserver.nodelay=true on the command line: an agent that starts its own JDK HttpServer
# before main (OTel's Prometheus exporter) would otherwise freeze the setting before the app sets it,
# and keep-alive requests then wait 40 ms each for a delayed ACK.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-10}"
java="${BENCH_JAVA:-java}"
mvn -B -q -o -pl agent -Pbench -DskipTests package 2>/dev/null || mvn -B -q -pl agent -Pbench -DskipTests package
out=agent/target/bench/workload
mkdir -p "$out/classes"
javac -d "$out/classes" agent/bench/HttpWorkload.java
agent=agent/target/tether-agent.jar
otel=agent/target/bench/opentelemetry-javaagent.jar
run() { # variant -> "wall_ms loop_ms peak_rss_kb"
  local args=()
  case "$1" in
    tether) args=("-javaagent:$agent=discovery.dir=$out/agents,log=quiet,instrument=all") ;;
    otel) args=("-javaagent:$otel" -Dotel.traces.exporter=none -Dotel.metrics.exporter=prometheus
                -Dotel.exporter.prometheus.host=127.0.0.1 -Dotel.exporter.prometheus.port=0 -Dotel.logs.exporter=none) ;;
  esac
  local t0 t1 printed
  t0=$(date +%s%N)
  printed=$("$java" "${args[@]}" -Dsun.net.httpserver.nodelay=true -cp "$out/classes" HttpWorkload 2000 2000 2>/dev/null)
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(awk '/loop_ms/ {print $2}' <<<"$printed") $(awk '/peak_rss_kb/ {print $2}' <<<"$printed")"
}
variants=(bare tether otel)
: > "$out/raw.txt"
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < 3; k++)); do
    v=${variants[$(( (r + k) % 3 ))]}
    echo "$v $(run "$v")" >> "$out/raw.txt"
  done
  echo "round $((r + 1))/$rounds" >&2
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
bw=$(awk '$1=="bare" {print $2}' "$out/raw.txt" | median)
bl=$(awk '$1=="bare" {print $3}' "$out/raw.txt" | median)
br=$(awk '$1=="bare" {print $4}' "$out/raw.txt" | median)
echo "| variant | process wall time (4000 requests) | slowdown | 2000 timed requests after warm-up | slowdown | peak RSS | overhead |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for v in "${variants[@]}"; do
  w=$(awk -v v="$v" '$1==v {print $2}' "$out/raw.txt" | median)
  l=$(awk -v v="$v" '$1==v {print $3}' "$out/raw.txt" | median)
  m=$(awk -v v="$v" '$1==v {print $4}' "$out/raw.txt" | median)
  if [[ $v == bare ]]; then
    printf "| %s | %.0f ms |  | %.0f ms |  | %.1f MB |  |\n" "$v" "$w" "$l" "$(echo "$m / 1024" | bc -l)"
  else
    printf "| %s | %.0f ms | %+.1f %% | %.0f ms | %+.1f %% | %.1f MB | %+.1f MB |\n" "$v" "$w" "$(echo "($w / $bw - 1) * 100" | bc -l)" \
      "$l" "$(echo "($l / $bl - 1) * 100" | bc -l)" "$(echo "$m / 1024" | bc -l)" "$(echo "($m - $br) / 1024" | bc -l)"
  fi
done
echo
echo "Medians of $rounds interleaved rounds; $("$java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)."
