#!/usr/bin/env bash
# The Debian packages a make target needs, installed when missing.
#
#   scripts/system-deps.sh demo   # what `make demo` needs: Python's venv
#   scripts/system-deps.sh test   # what `make test` needs: browser, proxy, catalogs, ...
#
# As root it installs what is missing with apt-get; as anyone else it stops at
# once and prints the one command to run. Prints nothing when all is there.
set -euo pipefail

target="${1:-test}"
python="${PYTHON:-python3}"
missing=()

need() {  # need PACKAGE CHECK...: PACKAGE is missing unless CHECK succeeds
  local package="$1"
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
have() { command -v "$1"; }
have_initdb() { ls /usr/lib/postgresql/*/bin/initdb; }

need python3-venv "$python" -c "import ensurepip, venv"
if [ "$target" = test ]; then
  need chromium have chromium            # browser tests (Playwright drives it)
  need gettext have msgfmt               # translation catalog checks
  need nginx have nginx                  # the nginx recipe, tested for real
  need wrk have wrk                      # load tests through nginx
  need default-jre-headless have java    # the Nu HTML Checker (vnu.jar)
  need redis-server have redis-server    # private Redis servers for fault tests
  need postgresql have_initdb            # private PostgreSQL servers for fault tests
fi

[ "${#missing[@]}" -eq 0 ] && exit 0

command="apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages for 'make $target': ${missing[*]}" >&2
  echo "Thiếu gói hệ thống cho 'make $target'. Run / chạy:" >&2
  echo "    sudo apt-get update && sudo $command" >&2
  exit 1
fi
echo "Installing system packages for 'make $target': ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
