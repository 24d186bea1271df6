# congxa: two set-up commands on a fresh machine, `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install system-deps lint format messages check-messages manuals clean

# System packages (Debian): installed by apt-get when run as root, otherwise
# the exact command to run is printed and make stops at once.
system-deps:
	PYTHON=$(PYTHON) scripts/system-deps.sh test

$(STAMP): pyproject.toml requirements.lock
	PYTHON=$(PYTHON) scripts/system-deps.sh demo
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/congxa demo

test: system-deps $(STAMP)
	$(BIN)/ruff format --check congxa tests bench
	$(BIN)/ruff check congxa tests bench
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format congxa tests bench
	$(BIN)/ruff check --fix congxa tests bench

# The Vietnamese catalogs carry the project's strings and the Wagtail admin's;
# plain makemessages would drop the latter, so both targets go through
# scripts/i18n (see its docstrings).
messages: $(STAMP)
	$(BIN)/python scripts/i18n/update_catalog.py

check-messages: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/i18n/test_catalog.py

# The user and administrator manuals (congxa/editorial/manuals/) as HTML and PDF in
# build/manuals/; no database or configuration needed.
manuals: $(STAMP)
	$(BIN)/python -m congxa.editorial.manuals

clean:
	rm -rf $(VENV) var test-artifacts
