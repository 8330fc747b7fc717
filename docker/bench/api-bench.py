#!/usr/bin/env python3
"""Swarm Manager API benchmark: throughput and latency of the API against the Docker Engine's own API.

Run against a running server (docker/run) on the lab:
    docker/bench/api-bench.py [--services 200] [--requests 2000] [--concurrency 8] [--base http://localhost:8080]

It creates --services extra services (one replica each) labelled bench=true, waits until the health cache sees
them, then from this separate process, over loopback, measures requests/s and p50/p99 latency of
  GET /api/swarm/health and /api/swarm/statistics   (served from the cache)
  GET /api/swarm/services                           (live: two Engine calls per request)
and of the Engine's own GET /services + GET /tasks over its unix socket (one operation = both calls, what a
client needs for the same answer), and prints the ratios. The benchmark services are removed at the end.
"""
import argparse
import asyncio
import base64
import json
import os
import subprocess
import sys
import time
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


def docker(*args):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--socket", default="/var/run/docker.sock")
    parser.add_argument("--services", type=int, default=200)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark services")
    parser.add_argument("--auth", default=os.environ.get("SWARM_BENCH_AUTH", ""),
                        help="user:password of a local account (Basic), or a bearer token; env SWARM_BENCH_AUTH")
    args = parser.parse_args()

    if ":" in args.auth:
        credentials = "Basic " + base64.b64encode(args.auth.encode()).decode()
    elif args.auth:
        credentials = "Bearer " + args.auth
    else:
        credentials = ""
    auth_headers = {"Authorization": credentials} if credentials else {}
    api_auth = f"Authorization: {credentials}\r\n" if credentials else ""
    host_port = args.base.split("//")[1].rstrip("/")
    api = host_port
    engine = "unix:" + args.socket

    existing = set(docker("service", "ls", "--filter", "label=bench=true", "--format", "{{.Name}}").split())
    wanted = [f"bench-{i:04d}" for i in range(args.services)]
    missing = [n for n in wanted if n not in existing]
    print(f"creating {len(missing)} services (one replica each)...", flush=True)
    for name in missing:
        docker("service", "create", "--detach", "--quiet", "--name", name, "--label", "bench=true",
               "--stop-grace-period", "1s", "ocr-worker:1.0")
    total = len(json.loads(docker("service", "ls", "--format", "{{json .Name}}").replace("\n", ",").rstrip(",").join("[]")))
    deadline = time.time() + 600
    while time.time() < deadline:
        with urllib.request.urlopen(urllib.request.Request(args.base + "/api/swarm/statistics", headers=auth_headers)) as response:
            stats = json.loads(response.read())["data"]
        if stats["services"]["total"] >= total and stats["tasks"]["running"] >= args.services:
            break
        time.sleep(2)
    print(f"cluster: {stats['services']['total']} services, {stats['tasks']['total']} tasks "
          f"({stats['tasks']['running']} running), {stats['cluster']['nodes']} nodes\n", flush=True)

    # Warm-up, not counted.
    measure("warm-up", api, ["/api/swarm/services"], args.concurrency * 10, args.concurrency, api_auth)
    measure("warm-up", engine, ["/services", "/tasks"], args.concurrency * 10, args.concurrency)
    print()
    results = [
        measure("GET /api/swarm/health (cached)", api, ["/api/swarm/health"], args.requests, args.concurrency, api_auth),
        measure("GET /api/swarm/statistics (cached)", api, ["/api/swarm/statistics"], args.requests, args.concurrency, api_auth),
        measure("GET /api/swarm/services (live)", api, ["/api/swarm/services"], args.requests, args.concurrency, api_auth),
        measure("Engine GET /services + /tasks (socket)", engine, ["/services", "/tasks"], args.requests, args.concurrency),
    ]
    base = results[-1]
    print("\nratio to the Engine's /services + /tasks:")
    for r in results[:-1]:
        print(f"  {r['name']:<40} throughput x{r['rps'] / base['rps']:.2f}   p50 x{base['p50'] / r['p50']:.2f} faster"
              f"   p99 x{base['p99'] / r['p99']:.2f} faster")

    if not args.keep:
        print("\nremoving the benchmark services...", flush=True)
        for i in range(0, len(wanted), 50):
            subprocess.run(["docker", "service", "rm", *wanted[i:i + 50]], capture_output=True)
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
