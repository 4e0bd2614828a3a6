#!/usr/bin/env bash
# Builds the benchmark jar and measures the server load figures of docs/BENCHMARKS.md ("Server load
# (WebSocket)"): simulated players on loopback playing card matches over the WebSocket protocol at 1,000 and
# 10,000 connections, first as fast as they go (peak), then paced at half of that peak. The driver
# (ServerLoad) starts the server (LoadServer) as a child JVM of its own: one process cannot hold 10,000
# client and 10,000 server sockets under a 20,000 file-descriptor limit. Sized for a 2-core machine: about
# 8 minutes including the build (each JVM touches its whole heap at start: about 15 s for the server here).
# Every command it runs is printed first, exactly, and recorded at the top of the Markdown file its output
# goes to.
#
#   statecraft-bench/run-load.sh           full run, into statecraft-bench/target/results/
#   statecraft-bench/run-load.sh --smoke   tiny settings that only prove the drivers run,
#                                          into statecraft-bench/target/results-smoke/ (figures meaningless)
#
# The comparison, in the same run: the same load on `cards-buffered`, the card game with buffered instead of
# durable commands, which tells the server's own latency from the wait for the disk's sync.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-java

case "${1:-}" in
  "")
    durable=(--connections 1000,10000 --warmup 5 --seconds 20)
    buffered=(--connections 1000,10000 --warmup 5 --seconds 20)
    results=statecraft-bench/target/results
    ;;
  --smoke)
    durable=(--connections 100 --warmup 1 --seconds 2 --server-heap 1g)
    buffered=(--connections 100 --warmup 1 --seconds 2 --server-heap 1g)
    results=statecraft-bench/target/results-smoke
    ;;
  *)
    echo "usage: $0 [--smoke]" >&2
    exit 2
    ;;
esac

java="$JAVA_HOME/bin/java"
jar=statecraft-bench/target/benchmarks.jar
data="${STATECRAFT_BENCH_DATA:-statecraft-bench/target/load-data}"
# The driver's own JVM; the server's heap is set by --server-heap (default 3g, fixed, so no resizing).
java_cmd=("$java" -Xms2g -Xmx2g -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED -cp "$jar")
driver=dev.statecraft.bench.server.ServerLoad

. statecraft-bench/recorded-run.sh

. statecraft-bench/machine-facts.sh

build_benchmarks_jar
# The other scripts write to the same folder: replace only this script's files.
mkdir -p "$results" "$data"
rm -f "$results"/machine-load.txt "$results"/{load-cards,load-cards-buffered}.{md,log}
machine_facts "$data" | tee "$results/machine-load.txt"
echo "open files per process (ulimit -n): $(ulimit -n)" | tee -a "$results/machine-load.txt"

run load-cards "${java_cmd[@]}" "$driver" --game-type cards "${durable[@]}" --data "$data"
run load-cards-buffered "${java_cmd[@]}" "$driver" --game-type cards-buffered "${buffered[@]}" --data "$data"
echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg)" | tee -a "$results/machine-load.txt"

echo
echo "Results are in $results/: machine-load.txt, load-cards.md, load-cards-buffered.md (logs in *.log)"
