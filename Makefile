# Two commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCAL := TRUSTREPAIR_LOCAL=1
# `make run PORT=8100` serves on another port; links in emails follow it (SITE_URL is derived from PORT).
PORT ?= 8000
# Two workers: the machines here have two cores. Override with `make test PYTEST_ARGS=...`.
PYTEST_ARGS ?= -n 2

.PHONY: run test install install-test fmt lint migrations chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	touch $@

$(VENV)/.test: requirements-test.lock $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-test.lock
	touch $@

install: $(VENV)/.runtime
install-test: $(VENV)/.test

run: install
	$(LOCAL) DEBUG=1 $(BIN)/python manage.py migrate --noinput
	$(LOCAL) DEBUG=1 $(BIN)/python manage.py createcachetable
	$(LOCAL) DEBUG=1 $(BIN)/python manage.py seed_demo
	@# The web server and the job worker together (core/management/commands/serve.py); Ctrl-C stops both.
	$(LOCAL) DEBUG=1 PORT=$(PORT) $(BIN)/python manage.py serve --port $(PORT)

# Browser tests use Debian's Chromium (/usr/bin/chromium); install it where it is missing and we may.
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "Chromium is missing: browser tests will be skipped locally (they run in CI)."; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test chromium lint
	$(LOCAL) $(BIN)/python manage.py makemigrations --check --dry-run
	$(LOCAL) $(BIN)/python -m pytest $(PYTEST_ARGS)

fmt: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: install
	$(LOCAL) $(BIN)/python manage.py makemigrations

clean:
	rm -rf $(VENV) var/static
