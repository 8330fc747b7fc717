#!/usr/bin/env python3
"""Swarm Manager benchmark: what each managed Swarm costs the server, with 1, 5 and 10 clusters.

Run against a running server (docker/run) on the lab, as root (it reads the server's memory with jcmd):
    docker/lab/lab up --others 9                # nine more single-node Swarms, other1 to other9
    docker/bench/clusters-bench.py --auth admin:PASSWORD [--services 100] [--idle 60] [--changes 10]

1. On every Swarm (the default one and other1 to other9) it creates --services services of one replica each,
   labelled bench=true, whose placement matches no node: each replica is a real Swarm task that stays pending.
2. For 1, 5 and 10 clusters in turn (the default one, then bench-1 ... bench-9 registered over each Swarm's unix
   socket through PUT /api/swarm/clusters/{name}), once every registered cluster's own mirror shows its services:
   - the server's heap after a full GC, its resident set size and its threads; the growth per added cluster is
     what one cluster's mirror, event watch, change feed and connection pool cost;
   - Engine calls per cluster from the server's own swarm_docker_calls_total, counted while idle for --idle
     seconds (per minute, mean of the clusters), then over --changes scales of a running service (bench-live,
     1 <-> 2 replicas, --pause seconds apart) made on each Swarm with the docker CLI: per change, for the default
     cluster (its own event watch) and the mean of the registered ones.
3. It removes the clusters it registered and the benchmark services (unless --keep).
"""
import argparse
import base64
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

LAB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lab", "lab")
STAGES = (1, 5, 10)
SAMPLE = re.compile(r'^swarm_docker_calls_total\{([^}]*)\}\s+([0-9.eE+-]+)', re.M)


def lab_socket(node):
    return subprocess.run([LAB, "socket", node], check=True, capture_output=True, text=True).stdout.strip()


def docker(sock, *args):
    return subprocess.run(["docker", "-H", "unix://" + sock, *args], check=True, capture_output=True, text=True).stdout


def call(args, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(args.base + path, data=data, method=method,
                                     headers=dict(args.auth_headers, **{"Content-Type": "application/json"}))
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def calls_by_cluster(args):
    with urllib.request.urlopen(urllib.request.Request(args.base + "/metrics", headers={"Accept": "text/plain"})) as r:
        text = r.read().decode()
    totals = {}
    for labels, value in SAMPLE.findall(text):
        cluster = re.search(r'cluster="([^"]*)"', labels)
        if cluster:
            totals[cluster.group(1)] = totals.get(cluster.group(1), 0) + float(value)
    return totals


def server_pid(port):
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    found = re.search(r"pid=(\d+)", out)
    if not found:
        raise SystemExit(f"no process listens on port {port}: start the server with docker/run")
    return int(found.group(1))


def memory(pid):
    """(heap used after a full GC, resident set size) in MiB, and the server's threads."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    time.sleep(1)
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    heap_kib = int(re.search(r"used (\d+)K", info).group(1))
    with open(f"/proc/{pid}/status") as status:
        text = status.read()
    rss_kib = int(re.search(r"VmRSS:\s+(\d+) kB", text).group(1))
    threads = int(re.search(r"Threads:\s+(\d+)", text).group(1))
    return heap_kib / 1024, rss_kib / 1024, threads


def statistics_path(cluster):
    return "/api/swarm/statistics" if cluster == "default" else f"/api/clusters/{cluster}/swarm/statistics"


def await_mirrors(args, clusters, wanted):
    """Until every cluster's own mirror shows its benchmark services (and their tasks)."""
    deadline = time.time() + 600
    waiting = set(clusters)
    while waiting:
        for cluster in sorted(waiting):
            status, answer = call(args, "GET", statistics_path(cluster))
            if status == 200 and answer["data"]["services"]["total"] >= wanted and answer["data"]["tasks"]["total"] >= wanted:
                waiting.discard(cluster)
        if waiting and time.time() > deadline:
            raise SystemExit(f"these clusters' mirrors did not show {wanted} services within 10 minutes: {sorted(waiting)}")
        time.sleep(0.5)


def bench_services(sock, count):
    existing = set(docker(sock, "service", "ls", "--filter", "label=bench=true", "--format", "{{.Name}}").split())
    for i in range(count):
        name = f"bench-{i:03d}"
        if name not in existing:
            docker(sock, "service", "create", "--detach", "--name", name, "--label", "bench=true",
                   "--constraint", "node.labels.swarm-bench==unplaceable", "ocr-worker:1.0")


def live_service(sock):
    """A service that runs (one busybox replica), scaled between 1 and 2 for the changes."""
    if "bench-live" not in docker(sock, "service", "ls", "--format", "{{.Name}}").split():
        docker(sock, "service", "create", "--detach", "--name", "bench-live", "--label", "bench=true",
               "--stop-grace-period", "1s", "ocr-worker:1.0")


def remove_bench_services(sock):
    names = docker(sock, "service", "ls", "--filter", "label=bench=true", "--format", "{{.Name}}").split()
    if names:
        docker(sock, "service", "rm", *names)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--services", type=int, default=100, help="benchmark services on each Swarm")
    parser.add_argument("--idle", type=int, default=60, help="seconds of idle counting of Engine calls")
    parser.add_argument("--changes", type=int, default=10, help="scales made on each cluster")
    parser.add_argument("--pause", type=float, default=5, help="seconds between changes")
    parser.add_argument("--keep", action="store_true", help="keep the clusters and the benchmark services")
    parser.add_argument("--auth", default=os.environ.get("SWARM_BENCH_AUTH", ""),
                        help="user:password of a local admin (Basic), or a bearer token; env SWARM_BENCH_AUTH")
    args = parser.parse_args()
    if ":" in args.auth:
        args.auth_headers = {"Authorization": "Basic " + base64.b64encode(args.auth.encode()).decode()}
    elif args.auth:
        args.auth_headers = {"Authorization": "Bearer " + args.auth}
    else:
        raise SystemExit("--auth admin:PASSWORD (or SWARM_BENCH_AUTH) is needed")
    pid = server_pid(urllib.parse.urlsplit(args.base).port or 80)

    nodes = ["manager1"] + [f"other{i}" for i in range(1, max(STAGES))]
    sockets = {}
    for node in nodes:
        sockets[node] = lab_socket(node)
        if not os.path.exists(sockets[node]):
            raise SystemExit(f"no {node} in the lab: docker/lab/lab up --others {max(STAGES) - 1}")
    names = {"manager1": "default", **{f"other{i}": f"bench-{i}" for i in range(1, max(STAGES))}}
    for node in nodes[1:]:
        call(args, "DELETE", f"/api/swarm/clusters/{names[node]}")
    print(f"creating {args.services} pending services on each of {len(nodes)} Swarms ...", flush=True)
    with ThreadPoolExecutor(len(nodes)) as pool:  # one Swarm each
        list(pool.map(lambda node: (bench_services(sockets[node], args.services), live_service(sockets[node])), nodes))

    print(f"\n{'clusters':>8} {'heap MiB':>9} {'RSS MiB':>8} {'threads':>8} {'Engine calls/min idle':>22}"
          f" {'calls/change default':>20} {'calls/change others':>20}", flush=True)
    rows = []
    try:
        for stage in STAGES:
            for node in nodes[1:stage]:
                status, answer = call(args, "PUT", f"/api/swarm/clusters/{names[node]}",
                                      {"docker_host": "unix://" + sockets[node]})
                if status != 200:
                    raise SystemExit(f"registering {names[node]}: {status} {answer}")
            clusters = [names[node] for node in nodes[:stage]]
            await_mirrors(args, clusters, args.services + 1)
            # Pending tasks never settle: after a change a cluster is read again up to 35 times (about 30 s).
            time.sleep(40)
            heap, rss, threads = memory(pid)

            before = calls_by_cluster(args)
            time.sleep(args.idle)
            after = calls_by_cluster(args)
            idle = sum(after.get(c, 0) - before.get(c, 0) for c in clusters) / len(clusters) * 60 / args.idle

            before = after
            for change in range(args.changes):
                for node in nodes[:stage]:
                    docker(sockets[node], "service", "scale", "--detach", f"bench-live={2 if change % 2 == 0 else 1}")
                time.sleep(args.pause)
            time.sleep(40)  # the last change's follow-ups
            after = calls_by_cluster(args)
            made = lambda c: (after.get(c, 0) - before.get(c, 0)) / args.changes
            registered = [made(c) for c in clusters[1:]]
            rows.append((stage, heap, rss, threads))
            print(f"{stage:>8} {heap:>9.1f} {rss:>8.0f} {threads:>8} {idle:>22.1f} {made('default'):>20.1f}"
                  + (f" {sum(registered) / len(registered):>20.1f}" if registered else f" {'-':>20}"), flush=True)
        # From 5 to 10: the first stage runs on a server fresh from its start, whose heap is still settling.
        first, last = rows[-2], rows[-1]
        added = last[0] - first[0]
        print(f"\nper added cluster, from {first[0]} to {last[0]} ({args.services} services, {args.services} tasks each): heap "
              f"{(last[1] - first[1]) / added * 1024:.0f} KiB, RSS {(last[2] - first[2]) / added:.1f} MiB, "
              f"threads {(last[3] - first[3]) / added:.1f}", flush=True)
    finally:
        if not args.keep:
            for node in nodes[1:]:
                call(args, "DELETE", f"/api/swarm/clusters/{names[node]}")
            with ThreadPoolExecutor(len(nodes)) as pool:
                list(pool.map(lambda node: remove_bench_services(sockets[node]), nodes))


if __name__ == "__main__":
    sys.exit(main())
