#!/usr/bin/env bash
# Swarm Manager benchmark: failover time of the manager's two replicas behind HAProxy, on the lab.
#
#   docker/image/try-on-lab --keep          # deploys the stack on the lab and leaves it running
#   docker/bench/failover-bench.sh [N]      # N kills (default 3)
#
# Each round: HAProxy (Debian's, on loopback, checking /health/ready as the README shows) sends the user to one replica;
# that replica's container is killed (docker kill: a crashed machine, as far as it knows). Printed per round and as
# min / median / max:
#   failover   from the kill to the other replica's first answer to the same user (polled every 50 ms)
#   leases     from the kill to the survivor holding the history, alerts and autoscaler leases (polled every second);
#              summed up over the rounds whose victim held all three
# Between rounds Swarm starts a new replica in place of the killed one, and HAProxy's checks see it ready.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROUNDS=${1:-3}
LAB=docker/lab/lab
STACK=swarm-manager
export DOCKER_HOST=unix://$($LAB socket manager1)
M2=unix://$($LAB socket manager2)
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
die() { echo "failover: $*" >&2; exit 1; }
command -v haproxy >/dev/null && command -v bc >/dev/null || die "haproxy and bc are needed (docker/image/try-on-lab installs them)"
manager_on() { docker -H "$1" ps -q --filter "label=com.docker.swarm.service.name=${STACK}_manager"; }
docker service inspect "${STACK}_manager" >/dev/null 2>&1 || die "no stack $STACK: run docker/image/try-on-lab --keep first"
for i in $(seq 1 300); do
  [ -n "$(manager_on "$DOCKER_HOST")" ] && [ -n "$(manager_on "$M2")" ] && break
  [ "$i" -lt 300 ] || die "no replica on each of manager1 and manager2 after 300 s"
  sleep 1
done
password=$(docker exec "$(manager_on "$DOCKER_HOST")" cat /run/secrets/swarm-manager-admin-password)
postgres=$(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK}_postgres" | head -1)
[ -n "$postgres" ] || die "no PostgreSQL container on manager1"
lease_holders() {
  docker exec "$postgres" setpriv --reuid=postgres --regid=postgres --init-groups /usr/lib/postgresql/15/bin/psql -At \
    swarm-manager -c "SELECT holder FROM swarm_lease WHERE lease_name IN ('history', 'alerts', 'autoscaler') AND expires_at > now()"
}

work=$(mktemp -d)
trap 'kill "$(cat "$work/haproxy.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/haproxy.cfg" <<HAPROXY
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 1h
  timeout server 1h
  retries 1
  option redispatch
frontend swarm_manager
  bind 127.0.0.1:18880
  default_backend replicas
backend replicas
  balance source
  hash-type consistent
  option httpchk
  http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host swarm-manager
  http-check expect status 200
  http-check expect rstring 'status" *: *"UP".*"docker"'
  default-server inter 1s fall 2 rise 2
  server manager1 198.18.0.11:8080 check
  server manager2 198.18.0.12:8080 check
  http-response set-header X-Upstream %[srv_name]
HAPROXY
haproxy -D -p "$work/haproxy.pid" -f "$work/haproxy.cfg"
P=http://127.0.0.1:18880
served_by() { curl -fsS -o /dev/null -D - -u "admin:$password" "$P/api/swarm/services" | tr -d '\r' | sed -n 's/^X-Upstream: *//Ip' | tail -1; }
both_ready() {
  curl -fs -o /dev/null http://198.18.0.11:8080/health/ready && curl -fs -o /dev/null http://198.18.0.12:8080/health/ready
}

failovers=() leases=()
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 1 300); do both_ready && break; [ "$i" -lt 300 ] || die "the replicas are not both ready"; sleep 1; done
  sleep 3   # HAProxy's checks see both up
  node=$(served_by)
  case $node in manager1) engine=$DOCKER_HOST ;; manager2) engine=$M2 ;; *) die "HAProxy did not say which replica answered" ;; esac
  victim=$(manager_on "$engine")
  held=$(grep -c "^$victim-" <<< "$(lease_holders)" || true)
  docker -H "$engine" kill "$victim" >/dev/null
  killed=$(now)
  until curl -fs -o /dev/null -u "admin:$password" "$P/api/swarm/services"; do sleep 0.05; done
  failover=$(since "$killed")
  survivor=$(manager_on "$([ "$node" = manager1 ] && echo "$M2" || echo "$DOCKER_HOST")")
  for i in $(seq 1 120); do
    holders=$(lease_holders)
    [ "$(grep -c "^$survivor-" <<< "$holders" || true)" = 3 ] && break
    [ "$i" -lt 120 ] || die "the survivor does not hold the three leases after 120 s"
    sleep 1
  done
  lease=$(since "$killed")
  printf 'round %d: killed the replica on %s (it held %d of the 3 leases); failover %.2f s; leases %.1f s\n' \
    "$round" "$node" "$held" "$failover" "$lease"
  failovers+=("$failover")
  # Only a round whose victim held every lease says how long a takeover takes.
  [ "$held" != 3 ] || leases+=("$lease")
done
stats() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {printf "min %.2f s, median %.2f s, max %.2f s", v[1], v[int((NR+1)/2)], v[NR]}'; }
echo "failover over $ROUNDS rounds: $(stats "${failovers[@]}")"
if [ ${#leases[@]} -gt 0 ]; then
  echo "leases   over the ${#leases[@]} rounds whose victim held all three: $(stats "${leases[@]}")"
else
  echo "leases: no round's victim held all three"
fi
