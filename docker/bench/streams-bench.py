#!/usr/bin/env python3
"""Swarm Manager benchmark: what open streams cost everyone else.

Run against a running server (docker/run) on the lab, as root, with the stream caps raised for the run:
    SWARM_LOGS_MAX_FOLLOWS=200 SWARM_LOGS_MAX_FOLLOWS_PER_USER=200 SWARM_EVENTS_MAX_SUBSCRIBERS_PER_USER=1000 docker/run
    docker/bench/streams-bench.py --auth admin:PASSWORD [--follows 100] [--feeds 500] [--seconds 15]

In one run: GET /api/swarm/health loaded with wrk (requests/s, p50, p99) and the server's threads and resident
memory with no stream open; then with --follows log follows (of a service that writes a line a second) and
--feeds change-feed clients open, all reading; then the same again after they are closed. It prints each figure
and the ratio of the loaded p99 to the idle one (the target: within 2x).
"""
import argparse
import asyncio
import base64
import re
import shutil
import subprocess
import threading
import time
import urllib.parse


def wrk(url, seconds, concurrency, authorization):
    out = subprocess.run(["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--latency", "-H",
                          f"Authorization: {authorization}", url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(label):
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rate, "p50": latency("50"), "p99": latency("99"), "non2xx": int(errors.group(1)) if errors else 0}


def server_pid(port):
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    return re.search(r"pid=(\d+)", out).group(1)


def threads_and_rss(pid):
    status = open(f"/proc/{pid}/status").read()
    threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    return threads, rss


class Streams:
    """Many long-lived GETs on an event loop of their own, each read and discarded as it arrives."""

    def __init__(self, host, port, authorization):
        self.host, self.port, self.authorization = host, port, authorization
        self.loop = asyncio.new_event_loop()
        self.writers = []
        self.statuses = []
        self.bytes = 0
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _open(self, path):
        reader, writer = await asyncio.open_connection(self.host, self.port)
        self.writers.append(writer)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: text/event-stream\r\n"
                     f"Authorization: {self.authorization}\r\n\r\n".encode())
        await writer.drain()
        try:
            status = int((await asyncio.wait_for(reader.readline(), 30)).split()[1])
        except asyncio.TimeoutError:
            status = "no answer in 30 s"
        self.statuses.append(status)
        asyncio.ensure_future(self._drain(reader), loop=self.loop)

    async def _drain(self, reader):
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    return
                self.bytes += len(chunk)
        except (ConnectionError, asyncio.CancelledError):
            return

    def open(self, path, count, batch=20):
        """In batches, as users arrive, rather than all in the same millisecond."""
        async def all_of():
            for start in range(0, count, batch):
                await asyncio.gather(*(self._open(path) for _ in range(min(batch, count - start))))
        asyncio.run_coroutine_threadsafe(all_of(), self.loop).result(600)

    def close(self):
        def close_all():
            for writer in self.writers:
                writer.close()
        self.loop.call_soon_threadsafe(close_all)
        time.sleep(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--auth", required=True, help="user:password (local mode)")
    parser.add_argument("--follows", type=int, default=100)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null",
                       shell=True, check=True)
    authorization = "Basic " + base64.b64encode(args.auth.encode()).decode()
    url = urllib.parse.urlparse(args.base)
    pid = server_pid(url.port)
    health = args.base + "/api/swarm/health"

    subprocess.run(["docker", "service", "rm", "bench-ticker"], capture_output=True)
    subprocess.run(["docker", "service", "create", "--detach", "--name", "bench-ticker", "--stop-grace-period", "1s",
                    "ocr-worker:1.0", "sh", "-c", "while true; do echo tick; sleep 1; done"], check=True, capture_output=True)
    try:
        time.sleep(3)
        wrk(health, 5, args.concurrency, authorization)  # warm-up
        idle = wrk(health, args.seconds, args.concurrency, authorization)
        idle_threads, idle_rss = threads_and_rss(pid)
        print(f"idle:   {idle['rps']:.0f} req/s, p50 {idle['p50']:.2f} ms, p99 {idle['p99']:.2f} ms; "
              f"threads {idle_threads}, RSS {idle_rss:.0f} MiB")

        streams = Streams(url.hostname, url.port, authorization)
        started = time.time()
        streams.open("/api/swarm/services/bench-ticker/logs?follow=true&tail=0", args.follows)
        streams.open("/api/swarm/events", args.feeds)
        opened = {s: streams.statuses.count(s) for s in set(streams.statuses)}
        print(f"opened {args.follows} log follows and {args.feeds} change-feed clients in {time.time() - started:.1f} s: "
              f"statuses {opened}")
        time.sleep(3)
        loaded = wrk(health, args.seconds, args.concurrency, authorization)
        loaded_threads, loaded_rss = threads_and_rss(pid)
        print(f"loaded: {loaded['rps']:.0f} req/s, p50 {loaded['p50']:.2f} ms, p99 {loaded['p99']:.2f} ms "
              f"(non-2xx {loaded['non2xx']}); threads {loaded_threads}, RSS {loaded_rss:.0f} MiB; "
              f"{streams.bytes / 1024:.0f} KiB streamed")
        streams.close()
        time.sleep(10)  # keep-alives find the clients gone
        after_threads, after_rss = threads_and_rss(pid)
        print(f"closed: threads {after_threads}, RSS {after_rss:.0f} MiB")
        print(f"p99 with the streams open / idle: {loaded['p99'] / idle['p99']:.2f}x (target <= 2x); "
              f"requests/s {loaded['rps'] / idle['rps']:.2f}x")
    finally:
        subprocess.run(["docker", "service", "rm", "bench-ticker"], capture_output=True)


if __name__ == "__main__":
    main()
