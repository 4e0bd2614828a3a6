# Sourced by the benchmark scripts. machine_facts [DATA_FOLDER]: the commit, the machine and the JDK a
# run measured on, and, given a data folder, where its files live. Needs $java.
machine_facts() {
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
  echo "cores (nproc): $(nproc)"
  echo "memory: $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}')"
  echo "os: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
  if [ $# -gt 0 ]; then
    echo "data folder: $(readlink -f "$1")"
    echo "data folder's file system:"
    df -hT "$1" 2>/dev/null | sed 's/^/  /'
  fi
  echo "load average before the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "jdk:"
  "$java" -version 2>&1 | sed 's/^/  /'
}
