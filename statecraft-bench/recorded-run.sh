# Sourced by run-durability.sh and run-load.sh (which set $results): runs a driver and records it.

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
