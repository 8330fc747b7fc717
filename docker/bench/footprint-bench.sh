#!/usr/bin/env bash
# Swarm Manager benchmark: what our EAR costs in memory and start time, against the same Payara Server (configured by
# docker/payara/payara exactly as the tests and the run command configure it) with a trivial EAR (one static page).
#
#   docker/bench/footprint-bench.sh [--breakdown] [EAR]   (default EAR: swarm-ear/target/swarm-manager.ear; mvn package)
#
# Run as root with ports 28080 and 24848 free (no test run at the same time). For each server, in one run: the seconds
# from `payara start` (unpack, configure, start, deploy) to the application's first answer, and the server's resident
# memory (VmRSS) right after that and after a minute idle. Swarm Manager is pointed at the lab's manager when the lab
# is up (SWARM_DOCKER_HOST otherwise), so its mirror and timers run as they would.
#
# --breakdown then starts both once more with the JVM's native memory tracking (which costs memory of its own, so
# the figures above are taken without it) and prints, a minute after the first answer, where each server's memory
# is: the JVM's committed memory by category, the heap still live after a full collection, and the classes loaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
breakdown=false
[ "${1:-}" = --breakdown ] && { breakdown=true; shift; }
ear=${1:-$(ls swarm-ear/target/*.ear 2>/dev/null | head -1)}
[ -f "$ear" ] || { echo "footprint: no EAR (mvn -DskipTests package first)" >&2; exit 2; }
work=$(mktemp -d /var/tmp/footprint.XXXXXX)
trap 'for d in "$work"/trivial "$work"/swarm; do docker/payara/payara stop "$d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT
export SWARM_HTTP_PORT=28080 SWARM_ADMIN_PORT=24848
lab_host=unix:///run/swarm-lab/manager1/docker.sock
[ -S /run/swarm-lab/manager1/docker.sock ] && export SWARM_DOCKER_HOST=${SWARM_DOCKER_HOST:-$lab_host}

# The trivial EAR: one web module with one static page, packaged like ours (no deployment descriptor needed).
mkdir -p "$work/trivial-war" "$work/trivial-ear"
echo '<!DOCTYPE html><title>trivial</title><p>trivial' > "$work/trivial-war/index.html"
(cd "$work/trivial-war" && jar --create --file "$work/trivial-ear/trivial.war" index.html)
(cd "$work/trivial-ear" && jar --create --file "$work/trivial.ear" trivial.war)

server_pid() {  # the server started in $1
  pgrep -f -- "-Dcom.sun.aas.instanceRoot=$1/payara6/glassfish/domains/domain1" | head -1
}

rss_mib() {  # the resident set of the server started in $1
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$(server_pid "$1")/status"
}

measure() {  # label ear url
  local dir=$work/$1 start first after idle
  start=$(date +%s%3N)
  docker/payara/payara start "$dir" "$2" 2>/dev/null
  until curl -s -o /dev/null -m 2 "$3"; do sleep 0.2; done
  first=$(( $(date +%s%3N) - start ))
  sleep 5
  after=$(rss_mib "$dir")
  sleep 60
  idle=$(rss_mib "$dir")
  docker/payara/payara stop "$dir" 2>/dev/null
  printf '%-14s %8.1f s %10d MiB %12d MiB\n' "$1" "$(echo "$first / 1000" | bc -l)" "$after" "$idle"
  eval "${1}_after=$after ${1}_idle=$idle"
}

command -v bc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bc >/dev/null; }
echo "Payara $(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1), $(java -version 2>&1 | head -1)"
printf '%-14s %10s %14s %16s\n' server "to answer" "RSS at start" "RSS idle 60 s"
measure trivial "$work/trivial.ear" "http://127.0.0.1:28080/trivial/"
measure swarm "$ear" "http://127.0.0.1:28080/"
printf 'ratio (ours / trivial): %.2f at start, %.2f after a minute idle\n' \
  "$(echo "$swarm_after / $trivial_after" | bc -l)" "$(echo "$swarm_idle / $trivial_idle" | bc -l)"

# Where the memory is: NMT's committed figures by category (MiB), for each server, and the difference.
dissect() {  # label ear url
  local dir=$work/$1-nmt pid
  docker/payara/payara start "$dir" "$2" 2>/dev/null
  "$dir/payara6/bin/asadmin" --host 127.0.0.1 --port "$SWARM_ADMIN_PORT" create-jvm-options '-XX\:NativeMemoryTracking=summary' >/dev/null
  "$dir/payara6/bin/asadmin" --host 127.0.0.1 --port "$SWARM_ADMIN_PORT" restart-domain domain1 >/dev/null
  until curl -s -o /dev/null -m 2 "$3"; do sleep 0.2; done
  sleep 60
  pid=$(server_pid "$dir")
  jcmd "$pid" VM.native_memory summary scale=KB \
    | sed -n -E 's/^(Total):.*committed=([0-9]+)KB.*/\1=\2/p; s/^- +([A-Za-z][A-Za-z ]*[A-Za-z]) \(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1=\2/p' \
    | tr ' ' '_' > "$work/$1.nmt"
  echo "Live_heap_after_full_GC=$(( $(jcmd "$pid" GC.class_histogram | awk '/^Total/ {print $3}') / 1024 ))" >> "$work/$1.nmt"
  echo "RSS=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")" >> "$work/$1.nmt"
  echo "classes_loaded=$(jcmd "$pid" PerfCounter.print | sed -n 's/^java.cls.loadedClasses=//p')" >> "$work/$1.nmt"
  docker/payara/payara stop "$dir" 2>/dev/null
}

if $breakdown; then
  dissect trivial "$work/trivial.ear" "http://127.0.0.1:28080/trivial/"
  dissect swarm "$ear" "http://127.0.0.1:28080/"
  echo
  echo "with native memory tracking, a minute after the first answer (MiB; classes as a count):"
  printf '%-28s %10s %10s %10s\n' what trivial swarm difference
  while IFS== read -r key trivial; do
    swarm=$(sed -n "s/^$key=//p" "$work/swarm.nmt")
    if [ "$key" = classes_loaded ]; then
      printf '%-28s %10d %10d %+10d\n' "${key//_/ }" "$trivial" "$swarm" $(( swarm - trivial ))
    else
      printf '%-28s %10.1f %10.1f %+10.1f\n' "${key//_/ }" "$(echo "$trivial / 1024" | bc -l)" "$(echo "${swarm:-0} / 1024" | bc -l)" \
        "$(echo "(${swarm:-0} - $trivial) / 1024" | bc -l)"
    fi
  done < "$work/trivial.nmt"
fi
