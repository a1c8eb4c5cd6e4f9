#!/usr/bin/env bash
# Cost per instrumented call (JMH), one command from the repository root:  agent/bench/jmh.sh
# Builds tether-agent.jar and the benchmarks in agent/bench/jmh (JMH from profile "bench" of
# agent/pom.xml), then runs them bare and with the agent, each with the GC profiler (allocation per call).
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${BENCH_JAVA:-java}"
mvn -B -q -o -pl agent -Pbench -DskipTests package 2>/dev/null || mvn -B -q -pl agent -Pbench -DskipTests package
out=agent/target/bench/jmh
mkdir -p "$out/classes"
mvn -B -q -o -pl agent -Pbench dependency:build-classpath -Dmdep.includeGroupIds=org.openjdk.jmh,net.sf.jopt-simple,org.apache.commons,io.prometheus \
  -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
cp=$(cat "$out/classpath.txt")
javac -d "$out/classes" -cp "$cp" -processorpath "$cp" $(find agent/bench/jmh -name '*.java')
for variant in bare tether; do
  args=()
  [[ $variant == tether ]] && args=(-jvmArgsAppend "-javaagent:$PWD/agent/target/tether-agent.jar=discovery.dir=$PWD/$out/agents,log=quiet,instrument=all")
  echo "== $variant" >&2
  "$java" -cp "$out/classes:$cp" org.openjdk.jmh.Main InstrumentedCallBench -prof gc -jvm "$java" "${args[@]}" \
    -rff "$out/$variant.csv" | tee "$out/$variant.txt" | grep -E '^InstrumentedCallBench\.(serverDispatch|jdbcExecuteQuery|simpleclientObserve)( |:gc.alloc.rate.norm)' || true
done
