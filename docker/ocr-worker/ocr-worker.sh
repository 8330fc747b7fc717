#!/bin/sh
# Stand-in for an OCR worker: logs a line every second on stdout and now and then on stderr.
# busybox sh as PID 1 ignores SIGTERM unless it is trapped, and `sleep & wait` lets the trap run
# at once instead of after the sleep, so a task stops in well under a second instead of 10 s.
version="${OCR_WORKER_VERSION:-unknown}"
trap 'echo "ocr-worker $version: SIGTERM received, stopping"; exit 0' TERM INT
echo "ocr-worker $version starting on $(hostname)"
page=0
while :; do
  page=$((page + 1))
  echo "ocr-worker $version processed page $page"
  if [ $((page % 5)) -eq 0 ]; then
    echo "ocr-worker $version queue empty after page $page" >&2
  fi
  sleep "${OCR_WORKER_INTERVAL:-1}" &
  wait $!
done
