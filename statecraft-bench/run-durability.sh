#!/usr/bin/env bash
# Builds the benchmark jar and measures the durability figures of docs/BENCHMARKS.md ("Durability (SQLite)")
# on this machine, against real SQLite files in one data folder, so every figure comes from the same disk.
# Sized for a 2-core machine: about 7 minutes including the build (writing the 1,000,000-event zone takes
# about a minute of it). Run it on a quiet machine; every command it runs is printed first, exactly, and
# recorded at the top of the Markdown file its output goes to.
#
#   statecraft-bench/run-durability.sh           full run, into statecraft-bench/target/results/
#   statecraft-bench/run-durability.sh --smoke   tiny settings that only prove every driver runs,
#                                                into statecraft-bench/target/results-smoke/ (figures meaningless)
#
# STATECRAFT_BENCH_DATA=/path/on/another/disk measures that disk instead of statecraft-bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-java

case "${1:-}" in
  "")
    fsync_seconds=5
    durable_one=(--games 1 --warmup 3 --seconds 2 --fsync-seconds 2 --rounds 10)
    durable_many=(--games 1000 --warmup 5 --seconds 15 --fsync-seconds 3 --rate 100000 --paced-fraction 0.5)
    buffered=(--zones 1000 --threads 4 --warmup 5 --seconds 15)
    recovery=(--events 1000000 --repeats 3)
    layout=(--rounds 3 --seconds 2 --fsync-seconds 2)
    footprint=(--games 2000)
    results=statecraft-bench/target/results
    ;;
  --smoke)
    fsync_seconds=1
    durable_one=(--games 1 --warmup 0.5 --seconds 0.5 --fsync-seconds 0.5 --rounds 2)
    durable_many=(--games 100 --warmup 0.5 --seconds 1 --fsync-seconds 0.5 --rate 2000 --paced-fraction 0.5)
    buffered=(--zones 100 --threads 2 --warmup 0.5 --seconds 1)
    recovery=(--events 20000 --repeats 1)
    layout=(--rounds 1 --seconds 0.5 --fsync-seconds 0.5 --games 100 --history 10)
    footprint=(--games 100)
    results=statecraft-bench/target/results-smoke
    ;;
  *)
    echo "usage: $0 [--smoke]" >&2
    exit 2
    ;;
esac

java="$JAVA_HOME/bin/java"
jar=statecraft-bench/target/benchmarks.jar
data="${STATECRAFT_BENCH_DATA:-statecraft-bench/target/durability-data}"
# A fixed heap, touched when the JVM starts, keeps heap resizing and the kernel's zeroing of pages used for the first
# time out of the figures: a long-running engine has touched its heap long before; a window of seconds has not (see
# BENCHMARKS.md, "Heap touched at start").
java_cmd=("$java" -Xms2g -Xmx2g -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED -cp "$jar")
drivers=dev.statecraft.bench.durability

. statecraft-bench/recorded-run.sh

. statecraft-bench/machine-facts.sh

build_benchmarks_jar
# run-benchmarks.sh writes to the same folder: replace only this script's files.
mkdir -p "$results" "$data"
rm -f "$results"/machine-durability.txt "$results"/{raw-fsync,durable-one-game,durable-many-games,buffered,recovery,layout-ceiling,journal-footprint}.{md,log}
machine_facts "$data" | tee "$results/machine-durability.txt"

# Raw fsync first: the disk's own rate, before SQLite has touched it.
run raw-fsync "${java_cmd[@]}" "$drivers.RawFsync" --seconds "$fsync_seconds" --data "$data"
run durable-one-game "${java_cmd[@]}" "$drivers.DurableLoad" "${durable_one[@]}" --data "$data"
run durable-many-games "${java_cmd[@]}" "$drivers.DurableLoad" "${durable_many[@]}" --data "$data"
run buffered "${java_cmd[@]}" "$drivers.BufferedLoad" "${buffered[@]}" --data "$data"
run recovery "${java_cmd[@]}" "$drivers.RecoveryTime" "${recovery[@]}" --data "$data"
# What the table layout allows at all: the store's tables against one append-only table, on bare SQLite.
run layout-ceiling "${java_cmd[@]}" "$drivers.LayoutCeiling" "${layout[@]}" --data "$data"
# What each append waiting in the store's event journal holds of the heap.
run journal-footprint "${java_cmd[@]}" "$drivers.JournalFootprint" "${footprint[@]}" --data "$data"

echo
echo "Results are in $results/: machine-durability.txt, raw-fsync.md, durable-one-game.md, durable-many-games.md, buffered.md, recovery.md, layout-ceiling.md, journal-footprint.md (logs in *.log)"
