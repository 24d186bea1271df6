#!/usr/bin/env bash
# Throughput and latency of the demo under wrk: cached, uncached, nginx static,
# and WSGI servers compared. Needs wrk and nginx (apt-get install -y wrk nginx).
# About 9 minutes; `bench/http.sh --quick` for a 1-minute try. 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
for cmd in wrk nginx; do
  command -v "$cmd" >/dev/null || { echo "$cmd is missing: apt-get install -y wrk nginx" >&2; exit 1; }
done
exec .venv/bin/python bench/http_load.py "$@"
