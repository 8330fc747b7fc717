#!/usr/bin/env python3
"""Swarm Manager benchmark: the in-memory mirror against the Docker Engine's own API, change latency, memory.

Run against a running server (docker/run) on the lab, as root (it reads the server's memory with jcmd):
    docker/bench/api-bench.py --auth admin:PASSWORD [--services 1000] [--replicas 2] [--seconds 15]

1. Memory: the server's heap after a full GC and its resident set size with no benchmark service.
2. It creates --services services of --replicas replicas each, labelled bench=true, through the Engine's API.
   Their placement constraint matches no node, so each replica is a real Swarm task that stays pending: the
   Engine lists and reports them like any task, but this machine need not run thousands of containers.
   It waits until the server's mirror shows them all, then measures the memory again: the growth is what the
   mirror costs for them.
3. Throughput and latency, over loopback, of GET /api/swarm/health, /statistics and /services (all served from
   the mirror) with wrk (Debian's package, installed if missing: a load generator in C, so that the client is not
   what is measured), after a warm-up; and in the same run of the Engine's own GET /services + GET /tasks over its
   unix socket (one operation = both calls, what a client needs for the same answer; wrk cannot speak to a unix
   socket, so this side uses this script's own asyncio client, whose cost is small next to the Engine's); the
   ratios.
4. Change latency: with GET /api/swarm/events open, --changes times `docker service scale` of a running service
   (bench-live) between 1 and 2 replicas, timing from the CLI's start to the change in the stream: p50, p99, max.
The benchmark services are removed at the end (unless --keep).
"""
import argparse
import http.client
import re
import shutil
import socket
import threading
import queue
from concurrent.futures import ThreadPoolExecutor
import asyncio
import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


async def read_response(reader):
    """A minimal HTTP/1.1 response reader (Content-Length or chunked), enough for a keep-alive load."""
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length, chunked, close = None, False, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
        elif name == "connection" and "close" in value.lower():
            close = True
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status, close


def measure(name, target, paths, requests, concurrency, auth=""):
    """Each operation sends every path in turn, on one keep-alive connection per concurrent client."""
    return asyncio.run(_measure(name, target, paths, requests, concurrency, auth))


async def _measure(name, target, paths, requests, concurrency, auth=""):
    latencies, errors = [], [0]
    per_client = requests // concurrency

    async def connect():
        if target.startswith("unix:"):
            return await asyncio.open_unix_connection(target[5:])
        host, port = target.split(":")
        return await asyncio.open_connection(host, int(port))

    async def client():
        reader, writer = await connect()
        for _ in range(per_client):
            start = time.perf_counter()
            for path in paths:
                writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n{auth}\r\n".encode())
                status, close = await read_response(reader)
                if status != 200:
                    errors[0] += 1
                if close:  # the server ends keep-alive after so many requests: reconnect, as a client would
                    writer.close()
                    reader, writer = await connect()
            latencies.append(time.perf_counter() - start)
        writer.close()

    begin = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - begin
    latencies.sort()
    result = {
        "name": name,
        "rps": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "errors": errors[0],
    }
    print(f"{name:<42} {result['rps']:>9.0f} req/s   p50 {result['p50']:>8.2f} ms   p99 {result['p99']:>8.2f} ms"
          + (f"   ERRORS {errors[0]}" if errors[0] else ""), flush=True)
    return result


def wrk(name, url, seconds, concurrency, authorization):
    """Requests/s and p50/p99 from wrk, one thread, `concurrency` keep-alive connections."""
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--latency", url]
    if authorization:
        command[1:1] = ["-H", f"Authorization: {authorization}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout

    def millis(label):
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result = {"name": name, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "p50": millis("50%"), "p99": millis("99%"), "errors": int(errors.group(1)) if errors else 0}
    print(f"{name:<42} {result['rps']:>9.0f} req/s   p50 {result['p50']:>8.2f} ms   p99 {result['p99']:>8.2f} ms"
          + (f"   ERRORS {result['errors']}" if result["errors"] else ""), flush=True)
    return result


def docker(*args):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True).stdout


class UnixConnection(http.client.HTTPConnection):
    """HTTP over the Engine's unix socket."""

    def __init__(self, path):
        super().__init__("localhost")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def engine_call(sock_path, method, path, body=None):
    connection = UnixConnection(sock_path)
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None,
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:200]!r}")
        return json.loads(data) if data else None
    finally:
        connection.close()


def api_get(args, path):
    request = urllib.request.Request(args.base + path, headers=args.auth_headers)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def answer_bytes(args, path, gzip=False, etag=None):
    """The size on the wire of one answer, and its status and ETag (a 304 carries no body)."""
    headers = dict(args.auth_headers)
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    if etag:
        headers["If-None-Match"] = etag
    request = urllib.request.Request(args.base + path, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, len(response.read()), response.headers.get("ETag")
    except urllib.error.HTTPError as e:
        return e.code, len(e.read() or b""), e.headers.get("ETag")


def wire_sizes(args, services):
    """What one poll of the services list costs a client at this size: whole, gzipped, one page, unchanged."""
    print(f"the services list with {services} services, bytes on the wire per request:")
    _, whole, etag = answer_bytes(args, "/api/swarm/services")
    _, zipped, _ = answer_bytes(args, "/api/swarm/services", gzip=True)
    _, page, _ = answer_bytes(args, "/api/swarm/services?page=0&size=50", gzip=True)
    status, unchanged, _ = answer_bytes(args, "/api/swarm/services", gzip=True, etag=etag)
    print(f"  whole list {whole / 1024:.0f} KB; gzipped {zipped / 1024:.0f} KB; a page of 50, gzipped {page / 1024:.1f} KB; "
          f"unchanged since its ETag: {status} with {unchanged} bytes\n", flush=True)


def server_pid(port):
    """The process listening on the server's HTTP port."""
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    found = re.search(r"pid=(\d+)", out)
    if not found:
        raise SystemExit(f"no process listens on port {port}")
    return int(found.group(1))


def memory(pid):
    """(heap used after a full GC, resident set size), in MiB."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    heap_kib = int(re.search(r"used (\d+)K", info).group(1))
    with open(f"/proc/{pid}/status") as status:
        rss_kib = int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1))
    return heap_kib / 1024, rss_kib / 1024


def wait_for_mirror(args, services_total, tasks_at_least, what):
    deadline = time.time() + 900
    while time.time() < deadline:
        stats = api_get(args, "/api/swarm/statistics")["data"]
        if stats["services"]["total"] == services_total and stats["tasks"]["total"] >= tasks_at_least:
            return stats
        time.sleep(1)
    raise SystemExit(f"the mirror did not show {what} within 15 minutes: {stats}")


def bench_spec(name, replicas):
    return {"Name": name, "Labels": {"bench": "true"},
            "TaskTemplate": {"ContainerSpec": {"Image": "ocr-worker:1.0"},
                             "Placement": {"Constraints": ["node.labels.swarm-bench==unplaceable"]}},
            "Mode": {"Replicated": {"Replicas": replicas}}}


class ChangeStream:
    """Follows GET /api/swarm/events in a thread, reconnecting with Last-Event-ID; (time, type, data) on a queue."""

    def __init__(self, args):
        self.args, self.events, self.last_id, self.running = args, queue.Queue(), None, True
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        while self.running:
            headers = dict(self.args.auth_headers, Accept="text/event-stream")
            if self.last_id:
                headers["Last-Event-ID"] = self.last_id
            try:
                with urllib.request.urlopen(urllib.request.Request(self.args.base + "/api/swarm/events",
                                                                   headers=headers)) as response:
                    kind, data = None, None
                    for raw in response:
                        line = raw.decode().rstrip("\r\n")
                        if line.startswith("id:"):
                            self.last_id = line[3:].strip()
                        elif line.startswith("event:"):
                            kind = line[6:].strip()
                        elif line.startswith("data:"):
                            data = line[5:].strip()
                        elif not line and kind:
                            self.events.put((time.perf_counter(), kind, json.loads(data)))
                            kind, data = None, None
            except OSError:
                time.sleep(0.2)

    def await_change(self, wanted, timeout):
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            try:
                received, kind, change = self.events.get(timeout=remaining)
            except queue.Empty:
                return None
            if wanted(kind, change):
                return received


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def change_latency(args):
    stream = ChangeStream(args)
    time.sleep(1)
    latencies, cli, missed = [], [], 0
    for i in range(args.changes):
        replicas = 2 if i % 2 == 0 else 1
        start = time.perf_counter()
        docker("service", "scale", "--detach", f"bench-live={replicas}")
        cli.append((time.perf_counter() - start) * 1000)
        received = stream.await_change(lambda kind, change: kind == "service"
                                       and change["data"]["name"] == "bench-live"
                                       and change["data"]["desired_replicas"] == replicas, 10)
        if received is None:
            missed += 1
        else:
            latencies.append((received - start) * 1000)
        time.sleep(0.3)
    stream.running = False
    print(f"{'docker service scale -> SSE change':<42} {len(latencies)} changes   p50 {percentile(latencies, 0.5):>8.1f} ms"
          f"   p99 {percentile(latencies, 0.99):>8.1f} ms   max {max(latencies):>8.1f} ms"
          + (f"   MISSED {missed}" if missed else ""), flush=True)
    print(f"  (of which the docker CLI itself, until it returned: p50 {percentile(cli, 0.5):.1f} ms)", flush=True)
    return missed


def remove_bench_services(sock_path):
    ids = [s["ID"] for s in engine_call(sock_path, "GET", "/services?filters=" + urllib.parse.quote('{"label":["bench=true"]}'))]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: engine_call(sock_path, "DELETE", "/services/" + i), ids))
    return len(ids)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--socket", default="/var/run/docker.sock")
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15, help="of load per API endpoint (and of warm-up)")
    parser.add_argument("--engine-requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark services")
    parser.add_argument("--auth", default=os.environ.get("SWARM_BENCH_AUTH", ""),
                        help="user:password of a local account (Basic), or a bearer token; env SWARM_BENCH_AUTH")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null",
                       shell=True, check=True)

    if ":" in args.auth:
        credentials = "Basic " + base64.b64encode(args.auth.encode()).decode()
    elif args.auth:
        credentials = "Bearer " + args.auth
    else:
        credentials = ""
    args.auth_headers = {"Authorization": credentials} if credentials else {}
    api = args.base.split("//")[1].rstrip("/")
    engine = "unix:" + args.socket
    pid = server_pid(int(api.rsplit(":", 1)[1]))

    removed = remove_bench_services(args.socket)
    others = len(engine_call(args.socket, "GET", "/services"))
    base_stats = wait_for_mirror(args, others, 0, "the cluster without benchmark services")
    time.sleep(2)
    heap0, rss0 = memory(pid)
    print(f"server (pid {pid}) with {others} services, {base_stats['tasks']['total']} tasks: "
          f"heap after GC {heap0:.0f} MiB, RSS {rss0:.0f} MiB"
          + (f" ({removed} leftover benchmark services removed first)" if removed else ""), flush=True)

    print(f"creating {args.services} services of {args.replicas} pending replicas, and bench-live (1 running)...", flush=True)
    begin = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: engine_call(args.socket, "POST", "/services/create",
                                            bench_spec(f"bench-{i:04d}", args.replicas)), range(args.services)))
    docker("service", "create", "--detach", "--quiet", "--name", "bench-live", "--label", "bench=true",
           "--stop-grace-period", "1s", "ocr-worker:1.0")
    stats = wait_for_mirror(args, others + args.services + 1, args.services * args.replicas + 1, "the benchmark services")
    print(f"  created in {time.perf_counter() - begin:.1f} s; the mirror shows {stats['services']['total']} services, "
          f"{stats['tasks']['total']} tasks ({stats['tasks']['running']} running, {stats['tasks']['pending']} pending), "
          f"{stats['cluster']['nodes']} nodes", flush=True)
    time.sleep(2)
    heap1, rss1 = memory(pid)
    print(f"server with them: heap after GC {heap1:.0f} MiB (+{heap1 - heap0:.0f}), RSS {rss1:.0f} MiB (+{rss1 - rss0:.0f})\n",
          flush=True)

    wire_sizes(args, stats['services']['total'])

    # Warm-up, not counted: a server fresh from its start is still compiling its hot paths.
    paths = ("/api/swarm/health", "/api/swarm/statistics", "/api/swarm/services")
    for path in paths:
        wrk("warm-up " + path, args.base + path, args.seconds, args.concurrency, credentials)
    measure("warm-up Engine", engine, ["/services", "/tasks"], args.concurrency * 5, args.concurrency)
    print()
    results = [wrk(f"GET {path} (mirror)", args.base + path, args.seconds, args.concurrency, credentials) for path in paths]
    results.append(measure("Engine GET /services + /tasks (socket)", engine, ["/services", "/tasks"],
                           args.engine_requests, args.concurrency))
    base = results[-1]
    print("\nratio to the Engine's /services + /tasks:")
    for r in results[:-1]:
        print(f"  {r['name']:<40} throughput x{r['rps'] / base['rps']:.1f}   p50 x{base['p50'] / r['p50']:.1f} faster"
              f"   p99 x{base['p99'] / r['p99']:.1f} faster")
    print()
    missed = change_latency(args)

    if not args.keep:
        print("\nremoving the benchmark services...", flush=True)
        remove_bench_services(args.socket)
    return 1 if missed or any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
