#!/usr/bin/env bash
# Lighthouse (mobile form factor) on the demo's home, article, search and
# procedure pages, driving Debian's chromium headless; prints the four category
# scores per page. Needs node/npm and chromium (apt-get install -y chromium npm).
# Lighthouse is installed into /tmp/lh on first use, pinned. 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=13.5.0
LH_PREFIX=${LH_PREFIX:-/tmp/lh}
CHROME=${CHROME_PATH:-/usr/bin/chromium}
for cmd in node npm "$CHROME"; do
  command -v "$cmd" >/dev/null || { echo "$cmd is missing: apt-get install -y chromium npm" >&2; exit 1; }
done
if [ ! -x "$LH_PREFIX/node_modules/.bin/lighthouse" ] ||
   [ "$("$LH_PREFIX/node_modules/.bin/lighthouse" --version)" != "$LIGHTHOUSE_VERSION" ]; then
  npm install --silent --no-audit --no-fund --prefix "$LH_PREFIX" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
export CHROME_PATH="$CHROME"
exec .venv/bin/python - "$LH_PREFIX/node_modules/.bin/lighthouse" <<'PY'
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, "bench")
from _demo import Server, demo_pages, seed_demo

lighthouse = sys.argv[1]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --disable-dev-shm-usage"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

with tempfile.TemporaryDirectory(prefix="congxa-lh-") as tmp:
    data_dir = Path(tmp)
    seed_demo(data_dir)
    with Server(data_dir) as server:
        pages = demo_pages(data_dir, server.base_url)
        targets = {
            "home": pages["home"],
            "article": pages["article"],
            "search": "/tim-kiem/?q=b%C3%A3o",
        }
        if "procedure" in pages:
            targets["procedure"] = pages["procedure"]
        print(f"# Lighthouse {subprocess.check_output([lighthouse, '--version'], text=True).strip()}, "
              "mobile form factor (default throttling), chromium headless")
        print(f"{'page':<10} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   failing audits")
        for kind, path in targets.items():
            report = data_dir / f"{kind}.json"
            subprocess.run(
                [lighthouse, server.base_url + path, "--quiet", "--output=json",
                 f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                 "--form-factor=mobile", "--only-categories=" + ",".join(CATEGORIES)],
                check=True, timeout=240,
            )
            result = json.loads(report.read_text())
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            failing = sorted(
                audit_id
                for c in CATEGORIES
                for ref in result["categories"][c]["auditRefs"]
                if ref["weight"] > 0
                and (audit_id := ref["id"])
                and (score := result["audits"][audit_id].get("score")) is not None
                and score < 0.9
            )
            print(f"{kind:<10} " + " ".join(f"{s:>14}" for s in scores) + "   " + (", ".join(failing) or "-"))
PY
