#!/usr/bin/env bash
# Builds the benchmark jar and measures every figure of docs/BENCHMARKS.md on this machine.
# Sized for a 2-core machine: about 7 minutes. Run it on a quiet machine; every command it runs is
# printed first, exactly, and recorded at the top of the file its output goes to.
#
#   statecraft-bench/run-benchmarks.sh           full run, into statecraft-bench/target/results/
#   statecraft-bench/run-benchmarks.sh --smoke   tiny settings that only prove every benchmark runs,
#                                                into statecraft-bench/target/results-smoke/ (figures meaningless)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/find-java

case "${1:-}" in
  "")
    jmh_settings=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
    footprint_games=100000
    results=statecraft-bench/target/results
    ;;
  --smoke)
    jmh_settings=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
    footprint_games=10000
    results=statecraft-bench/target/results-smoke
    ;;
  *)
    echo "usage: $0 [--smoke]" >&2
    exit 2
    ;;
esac

java="$JAVA_HOME/bin/java"
jar=statecraft-bench/target/benchmarks.jar
# A fixed heap keeps heap resizing out of the figures; each iteration starts a fresh engine and store.
jmh_jvm_args="-Xms2g -Xmx2g"

run() {
  printf '\n$'
  printf ' %q' "$@"
  printf '\n'
  "$@"
}

. statecraft-bench/machine-facts.sh

run ./mvnw -B -q -ntp package -DskipTests -pl statecraft-bench -am
# run-durability.sh and run-load.sh write to the same folder: replace only this script's files.
mkdir -p "$results"
rm -f "$results"/machine.txt "$results"/{rules,engine-t1,engine-t2}.{json,txt} "$results"/footprint.md
machine_facts | tee "$results/machine.txt"

run "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" RulesBenchmark \
    "${jmh_settings[@]}" -prof gc -jvmArgsAppend "$jmh_jvm_args" \
    -rf json -rff "$results/rules.json" 2>&1 | tee "$results/rules.txt"

for threads in 1 2; do
  run "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" EngineBenchmark -t "$threads" \
      "${jmh_settings[@]}" -prof gc -jvmArgsAppend "$jmh_jvm_args" \
      -rf json -rff "$results/engine-t$threads.json" 2>&1 | tee "$results/engine-t$threads.txt"
done

# MarkSweepDeadRatio=0: full collections compact everything, so used heap counts live objects only.
run "$java" -Xmx4g -XX:MarkSweepDeadRatio=0 -cp "$jar" dev.statecraft.bench.HotGameFootprint "$footprint_games" \
    2>&1 | tee "$results/footprint.md"

echo
echo "Results are in $results/: machine.txt, rules.{json,txt}, engine-t1.{json,txt}, engine-t2.{json,txt}, footprint.md"
