#!/usr/bin/env bash
# Swarm Manager benchmark: what our EAR costs in memory and start time, against the same Payara Server (configured by
# docker/payara/payara exactly as the tests and the run command configure it) with a trivial EAR (one static page).
#
#   docker/bench/footprint-bench.sh [EAR]     (default: swarm-ear/target/swarm-manager.ear; build it with mvn package)
#
# Run as root with ports 28080 and 24848 free (no test run at the same time). For each server, in one run: the seconds
# from `payara start` (unpack, configure, start, deploy) to the application's first answer, and the server's resident
# memory (VmRSS) right after that and after a minute idle. Swarm Manager is pointed at the lab's manager when the lab
# is up (SWARM_DOCKER_HOST otherwise), so its mirror and timers run as they would.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
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

rss_mib() {  # the resident set of the server started in $1
  local pid
  pid=$(pgrep -f -- "-Dcom.sun.aas.instanceRoot=$1/payara6/glassfish/domains/domain1" | head -1)
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"
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
