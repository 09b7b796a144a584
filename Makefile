# Layani — the developers' commands. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= layani.config.settings.dev

.PHONY: help install browser-deps exiftool wrk vendor demo demo-federation run test test-crash test-postgres check fmt lint types migrations-check messages clean bench bench-geo

help:
	@echo "make demo            set up everything and start Layani with demo data at http://127.0.0.1:8000"
	@echo "make demo-federation the demo, plus the province's own deployment at http://localhost:8001 (reports forwarded to it)"
	@echo "make test            run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make check           the gate: format, lint, types, tests, migrations check"
	@echo "make test-crash      the crash tests alone, serially (stops PostgreSQL when DATABASE_URL is set)"
	@echo "make bench           HTTP benchmarks at 1M reports on SQLite and PostgreSQL (REPORTS=\"100000 1000000 …\", BENCH_DB=sqlite|postgres|both)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/layani demo_up

# The demo plus a second, provincial deployment (var/province/) that reports are forwarded to.
demo-federation: $(STAMP)
	$(BIN)/layani demo_up --federation

run: $(STAMP)
	$(BIN)/layani runserver 127.0.0.1:8000

# Browser tests drive Debian's Chromium; install it when missing and we may (root, as in CI).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing and this is not root: browser tests will be skipped."; fi; }

# The upload tests read stored photos back with exiftool (Debian's libimage-exiftool-perl).
exiftool:
	@command -v exiftool >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl >/dev/null; \
	  else echo "exiftool is missing and this is not root: its upload checks will be skipped."; fi; }

test: $(STAMP) browser-deps exiftool
	DJANGO_SETTINGS_MODULE=layani.config.settings.test $(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# Serially, without xdist: the PostgreSQL scenario stops the server, which parallel tests would feel.
test-crash: $(STAMP)
	DJANGO_SETTINGS_MODULE=layani.config.settings.test $(BIN)/pytest -p no:xdist -m crash tests/crash $(PYTEST_ARGS)

# Benchmarks load the server with wrk (Debian's package); install it when missing and we may.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing and this is not root: install it (apt-get install wrk)."; exit 1; fi; }

# HTTP benchmarks at REPORTS reports, one size or a ladder (REPORTS="100000 1000000 10000000"),
# each seeded once and kept (SQLite under var/bench/sqlite/, PostgreSQL database bench_<size>,
# created by run.py on BENCH_POSTGRES; BENCH_DATABASE_URL overrides it for one size). Writes the
# "HTTP and scale" section of docs/benchmarks.md (BENCH_DB=postgres: the "National scale run"
# section), the growth table and docs/benchmarks-growth.svg, and appends docs/benchmarks.json.
REPORTS ?= 1000000
BENCH_DB ?= both
bench: $(STAMP) wrk
	$(BIN)/python bench/http/run.py --reports $(REPORTS) --db $(BENCH_DB) $(BENCH_ARGS)

# Point → region lookups for DIY against brute-force baselines; writes the "Point → region"
# section of docs/benchmarks.md.
bench-geo: $(STAMP)
	$(BIN)/python bench/geo/locate.py

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# semgrep runs the project's rules (.semgrep/rules, tested by .semgrep/tests) offline: no metrics,
# no registry; --project-root scans every file under layani/, committed or not.
lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/bandit -q -c pyproject.toml -r layani
	$(BIN)/semgrep scan --quiet --metrics=off --disable-version-check --project-root . --error \
	  --config .semgrep/rules layani

types: $(STAMP)
	DJANGO_SETTINGS_MODULE=layani.config.settings.test $(BIN)/mypy layani

migrations-check: $(STAMP)
	DJANGO_SETTINGS_MODULE=layani.config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

messages: $(STAMP)
	cd layani && ../$(BIN)/django-admin makemessages -l id --no-obsolete --ignore "*/tests/*"
	cd layani && ../$(BIN)/django-admin compilemessages

# Front-end libraries come from npm and are committed under layani/portal/static/vendor/.
vendor:
	sh scripts/vendor-static.sh

check: lint types migrations-check test

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
