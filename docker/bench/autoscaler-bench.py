#!/usr/bin/env python3
"""Swarm Manager benchmark: how fast the autoscaler follows a figure, and what its cycles cost.

Run against a running server (docker/run) on the lab, as root, the server started with the autoscaler pointed at the
Prometheus this script starts on loopback:
    SWARM_PROMETHEUS_URL=http://127.0.0.1:19091 SWARM_AUTOSCALER_INTERVAL=PT2S docker/run
    docker/bench/autoscaler-bench.py --auth admin:PASSWORD [--steps 20] [--services 1000] [--policies 100]

It starts Debian's Prometheus on 127.0.0.1:19091 (installed for the tests) scraping a gauge this script serves.

1. Reaction: one service with a policy (target 10 per replica, 1 to 3 replicas, no windows, no cooldowns); the
   gauge steps --steps times between 25 (3 replicas) and 5 (1 replica); each step is timed from the moment the gauge
   changes to the moment `docker service inspect` shows the new count: p50, p99, max. The floor is Prometheus' scrape
   interval (1 s) plus the autoscaler's (SWARM_AUTOSCALER_INTERVAL).
2. Cost: --services services that stay pending (their constraint matches no node: real Swarm objects the Engine
   lists, no containers) and --policies policies on them, all on one query whose figure keeps them where they are.
   Over --cycles cycles, with the policies and without them, the server's CPU time (from /proc) and its Engine calls
   (the swarm_docker_calls counter of /metrics): per cycle, the difference is what the policies cost.
Everything it made is removed at the end.
"""
import argparse
import base64
import http.server
import json
import os
import re
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

QUEUE = {"value": 0}


class Gauge(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"# TYPE bench_queue gauge\nbench_queue {QUEUE['value']}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def api(args, method, path, body=None):
    request = urllib.request.Request(args.api + path, method=method, headers=dict(args.headers),
                                     data=json.dumps(body).encode() if body is not None else None)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read()
            return json.loads(text) if text.startswith(b"{") else text.decode()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code} {e.read()[:300]!r}")


def docker(*args):
    return subprocess.run(["docker", "-H", os.environ.get("SWARM_DOCKER_HOST", "unix:///var/run/docker.sock"), *args],
                          check=True, capture_output=True, text=True).stdout.strip()


def replicas(name):
    return int(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}"))


def server_pid(port):
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    found = re.search(r"pid=(\d+)", out)
    if not found:
        raise SystemExit(f"no process listens on port {port}")
    return int(found.group(1))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def engine_calls(args):
    text = urllib.request.urlopen(args.api + "/metrics").read().decode()  # open to scrapers, like Prometheus
    return sum(float(v) for v in re.findall(r"^swarm_docker_calls_total(?:\{[^}]*\})? ([\d.eE+]+)$", text, re.M))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def start_prometheus(port, gauge_port):
    folder = tempfile.mkdtemp(prefix="autoscaler-bench-")
    config = os.path.join(folder, "prometheus.yml")
    with open(config, "w") as out:
        out.write("global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: bench\n    static_configs:\n"
                  f"      - targets: ['127.0.0.1:{gauge_port}']\n")
    process = subprocess.Popen(["prometheus", f"--config.file={config}", f"--storage.tsdb.path={folder}/tsdb",
                                f"--web.listen-address=127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/query?query=bench_queue").read()
            if b'"bench_queue"' in answer:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("Prometheus did not scrape the gauge within 30 s")


def reaction(args):
    name = "bench-auto"
    QUEUE["value"] = 5
    docker("service", "create", "--detach", "--quiet", "--name", name, "--replicas", "1", "--stop-grace-period", "1s",
           "--label", "bench=true", "ocr-worker:1.0")
    api(args, "PUT", f"/api/swarm/scaling-policies/{name}", {
        "min_replicas": 1, "max_replicas": 3, "metric": "prometheus", "query": "sum(bench_queue)", "target": 10,
        "scale_up_window_seconds": 0, "scale_down_window_seconds": 0, "scale_up_cooldown_seconds": 0,
        "scale_down_cooldown_seconds": 0})
    time.sleep(3)
    latencies = []
    for step in range(args.steps):
        high = step % 2 == 0
        QUEUE["value"] = 25 if high else 5
        wanted = 3 if high else 1
        start = time.perf_counter()
        while replicas(name) != wanted:
            if time.perf_counter() - start > 60:
                raise SystemExit(f"step {step}: no scale to {wanted} within 60 s")
            time.sleep(0.05)
        latencies.append(time.perf_counter() - start)
    print(f"reaction over {args.steps} steps (figure changed -> count in docker service inspect): "
          f"p50 {percentile(latencies, 0.5):.2f} s, p99 {percentile(latencies, 0.99):.2f} s, max {max(latencies):.2f} s",
          flush=True)
    api(args, "DELETE", f"/api/swarm/scaling-policies/{name}")
    docker("service", "rm", name)


def cost(args, pid):
    names = [f"bench-pol-{i:04d}" for i in range(args.services)]

    def create(name):
        docker("service", "create", "--detach", "--quiet", "--name", name, "--replicas", "1", "--label", "bench=true",
               "--constraint", "node.labels.swarm-bench==unplaceable", "ocr-worker:1.0")

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(create, names))
    while api(args, "GET", "/api/swarm/statistics")["data"]["services"]["total"] < args.services:
        time.sleep(1)
    QUEUE["value"] = 10  # one replica carries it: every policy stays where it is

    def measure():
        time.sleep(args.interval * 2)
        cpu0, calls0, t0 = cpu_seconds(pid), engine_calls(args), time.time()
        time.sleep(args.interval * args.cycles)
        cpu1, calls1, t1 = cpu_seconds(pid), engine_calls(args), time.time()
        cycles = (t1 - t0) / args.interval
        return (cpu1 - cpu0) / cycles, (calls1 - calls0) / cycles

    base_cpu, base_calls = measure()
    for name in names[:args.policies]:
        api(args, "PUT", f"/api/swarm/scaling-policies/{name}", {
            "min_replicas": 1, "max_replicas": 3, "metric": "prometheus", "query": "sum(bench_queue)", "target": 10})
    with_cpu, with_calls = measure()
    print(f"cost at {args.services} services, {args.policies} policies, over {args.cycles} cycles of {args.interval:g} s: "
          f"server CPU {1000 * with_cpu:.1f} ms per cycle ({1000 * base_cpu:.1f} ms without the policies, so "
          f"{1000 * (with_cpu - base_cpu):.1f} ms for them, {1000 * (with_cpu - base_cpu) / args.policies:.2f} ms per policy); "
          f"Engine calls {with_calls:.1f} per cycle ({base_calls:.1f} without)", flush=True)
    for name in names[:args.policies]:
        api(args, "DELETE", f"/api/swarm/scaling-policies/{name}")
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda n: docker("service", "rm", n), names))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://localhost:8080")
    parser.add_argument("--auth", required=True, help="user:password of an admin (local mode)")
    parser.add_argument("--prometheus-port", type=int, default=19091)
    parser.add_argument("--interval", type=float, default=2.0, help="the server's SWARM_AUTOSCALER_INTERVAL, in seconds")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--policies", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=10)
    args = parser.parse_args()
    args.headers = {"Authorization": "Basic " + base64.b64encode(args.auth.encode()).decode(), "Accept": "application/json"}

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gauge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    prometheus = start_prometheus(args.prometheus_port, server.server_address[1])
    try:
        reaction(args)
        cost(args, server_pid(int(urllib.parse.urlparse(args.api).port or 80)))
    finally:
        prometheus.terminate()
        server.shutdown()


if __name__ == "__main__":
    main()
