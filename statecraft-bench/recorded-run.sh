# Sourced by run-durability.sh and run-load.sh (which set $results): builds the benchmark jar, runs a driver
# and records it.

# build_benchmarks_jar: statecraft-bench/target/benchmarks.jar and what it needs, tests skipped, printed first.
build_benchmarks_jar() {
  printf '$ ./mvnw -B -q -ntp package -DskipTests -pl statecraft-bench -am\n'
  ./mvnw -B -q -ntp package -DskipTests -pl statecraft-bench -am
}

print_command() {
  printf '```sh\n$'
  printf ' %q' "$@"
  printf '\n```\n\n'
}

# run NAME COMMAND...: the command and its Markdown tables go to the terminal and to NAME.md; its log
# (schema migration, the server's start, progress) to the terminal and to NAME.log.
run() {
  local name="$1"
  shift
  echo
  {
    print_command "$@"
    "$@" 2> >(tee "$results/$name.log" >&2)
  } | tee "$results/$name.md"
}
