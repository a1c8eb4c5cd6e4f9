#!/usr/bin/env bash
# Agent benchmark, one command from the repository root:  agent/bench/run.sh [rounds]
# Builds tether-agent.jar, fetches the OpenTelemetry agent and jmx_exporter through Maven (profile
# "bench"), then runs AgentBench: bare / tether / otel / jmx_exporter, interleaved, medians.
# BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java runs the JVMs under test on another JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-10}"
mvn -B -q -o -pl agent -Pbench -DskipTests package 2>/dev/null || mvn -B -q -pl agent -Pbench -DskipTests package
mkdir -p agent/target/bench/classes
javac -d agent/target/bench/classes agent/bench/TrivialApp.java
exec "${BENCH_JAVA:-java}" agent/bench/AgentBench.java agent/target "$rounds"
