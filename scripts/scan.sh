#!/usr/bin/env bash
# Scan the demo portal, served in production mode on 127.0.0.1 only, with an
# independent web vulnerability scanner (wapiti3 from PyPI, installed by this
# script into its own virtual environment under /tmp). Bounded in time.
#
#   scripts/scan.sh                 # report in /tmp/congxa-scan-*/report.txt
#   MAX_MINUTES=3 PORT=8799 scripts/scan.sh
#   SCAN_PYTHON=/usr/bin/python3.12 scripts/scan.sh
#
# wapiti 3.3 needs Python 3.12 to 3.14, newer than the project's 3.11: the
# script takes SCAN_PYTHON, else the first python3.14/3.13/3.12 on PATH or in
# pyenv's versions. Its passive checks (security headers, CSP, cookie flags)
# run with every scan; the modules below are the active ones.
#
# The demo runs with debug off and a generated secret key, as `congxa demo`
# prepares it, but over plain HTTP (CONGXA_HTTPS would redirect the scanner to
# an https:// address nothing listens on); HTTPS itself is covered by
# `congxa check --deploy` in the test suite.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
SCAN_VENV="${SCAN_VENV:-/tmp/congxa-wapiti-venv}"
WAPITI_VERSION="3.3.2"
PORT="${PORT:-8765}"
MAX_MINUTES="${MAX_MINUTES:-6}"
WORK="$(mktemp -d /tmp/congxa-scan-XXXXXX)"
BASE="http://127.0.0.1:$PORT"
# Modules that attack this server only. Left out: those that call out to the
# internet (ssrf, xxe, log4shell, takeover, wapp, nikto, htp, ssl), brute force
# and directory busting (long, and the lockout would stop them anyway), and
# timesql (slow by design; sql covers the same parameters).
MODULES="backup,crlf,csrf,exec,file,htaccess,methods,permanentxss,redirect,sql,upload,xss,shellshock,ldap"
ATTACK_SECONDS="${ATTACK_SECONDS:-20}"

find_scan_python() {
    if [ -n "${SCAN_PYTHON:-}" ]; then echo "$SCAN_PYTHON"; return; fi
    for candidate in python3.14 python3.13 python3.12 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[234]*/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \
            'import sys; sys.exit(not (3, 12) <= sys.version_info[:2] < (3, 15))'; then
            command -v "$candidate"; return
        fi
    done
}
if [ ! -x "$SCAN_VENV/bin/wapiti" ] || \
    ! "$SCAN_VENV/bin/wapiti" --version 2>/dev/null | grep -q "$WAPITI_VERSION"; then
    SCAN_PYTHON="$(find_scan_python)"
    if [ -z "$SCAN_PYTHON" ]; then
        echo "wapiti $WAPITI_VERSION cần Python 3.12–3.14: đặt SCAN_PYTHON=/đường/dẫn/python3.12" >&2
        exit 2
    fi
    echo "Cài wapiti3 $WAPITI_VERSION vào $SCAN_VENV (Python: $SCAN_PYTHON) ..."
    rm -rf "$SCAN_VENV"
    "$SCAN_PYTHON" -m venv "$SCAN_VENV"
    "$SCAN_VENV/bin/pip" install --quiet "wapiti3==$WAPITI_VERSION"
fi

# Production mode: nothing of the caller's configuration leaks in.
unset CONGXA_DEBUG CONGXA_HTTPS DJANGO_SETTINGS_MODULE DATABASE_URL CACHE_URL
export CONGXA_DATA_DIR="$WORK/data"
export CONGXA_ALLOWED_HOSTS="127.0.0.1"
export PYTHONPATH="$REPO"

cd "$REPO"
echo "Chuẩn bị bản chạy thử trong $CONGXA_DATA_DIR ..."
"$PYTHON" -m congxa.cli demo --no-serve > "$WORK/demo.log" 2>&1

"$PYTHON" -m congxa.cli serve --host 127.0.0.1 --port "$PORT" --workers 2 \
    --no-access-log > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
stop_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT

for _ in $(seq 1 120); do
    if "$PYTHON" - "$BASE/healthz" <<'PY' 2>/dev/null; then break; fi
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=2)
PY
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "Máy chủ không khởi động được:"; cat "$WORK/serve.log"; exit 1
    fi
    sleep 0.5
done

echo "Quét $BASE: thu thập tối đa $MAX_MINUTES phút, mỗi mô-đun tấn công $ATTACK_SECONDS giây ..."
set +e
timeout "$((MAX_MINUTES * 60 + 17 * ATTACK_SECONDS + 300))" "$SCAN_VENV/bin/wapiti" \
    --url "$BASE/" \
    --scope folder \
    --module "$MODULES" \
    --max-scan-time "$((MAX_MINUTES * 60))" \
    --max-attack-time "$ATTACK_SECONDS" \
    --depth 4 \
    --max-links-per-page 40 \
    --flush-session \
    --format txt \
    --output "$WORK/report.txt" \
    --verbose 0 > "$WORK/wapiti.log" 2>&1
STATUS=$?
set -e

echo "Báo cáo: $WORK/report.txt (wapiti thoát với mã $STATUS)"
if [ -f "$WORK/report.txt" ]; then
    # The summary table: one line per category, with the number found.
    awk '/Summary of vulnerabilities/,/^\*+$/' "$WORK/report.txt" | sed -n '1,80p'
    grep -A3 -E "^(Vulnerability|Anomaly|Additional)" "$WORK/report.txt" | head -60 || true
else
    tail -30 "$WORK/wapiti.log"
fi
if grep -qiE "Internal Server Error|Traceback" "$WORK/serve.log"; then
    echo "Máy chủ ghi lỗi trong khi quét:"; grep -B2 -A20 "Traceback" "$WORK/serve.log" | head -80
fi
