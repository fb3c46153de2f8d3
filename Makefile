# Horizont — everyday commands. `make demo` and `make test` need only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := DEBUG=1
PYTEST_WORKERS ?= 2

.PHONY: demo scorer test test-pure test-all test-slow test-postgres e2e lint format typecheck migrations-check messages check-deploy clean help

help:
	@echo "make demo   - install, prepare the SQLite demo database and serve http://127.0.0.1:8000"
	@echo "make test   - install the development tools and run the fast test suite"
	@echo "make test-all - the whole suite but end-to-end, including tests on full real data"
	@echo "make e2e    - end-to-end tests in headless Chromium"
	@echo "make scorer - compile the screening scorer with mypyc (optional; make test does it)"
	@echo "make lint   - ruff, formatting, mypy strict on the engines"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The scorer compiled with mypyc answers sooner; without mypy or a C compiler, or when the
# sources changed since the build, the engine runs as plain Python (same results).
scorer: $(VENV)/.installed-dev
	$(BIN)/python scripts/build_scorer.py

demo: $(VENV)/.installed
	mkdir -p var/static
	$(DEMO_ENV) $(BIN)/horizont migrate --noinput
	$(DEMO_ENV) $(BIN)/horizont demo
	$(DEMO_ENV) $(BIN)/horizont runserver 127.0.0.1:8000

# Tests on the full real data sets carry @pytest.mark.slow: CI runs them (test-slow),
# `make test` leaves them out so that it stays under a minute.
test: $(VENV)/.installed-dev scorer
	$(BIN)/pytest -m "not e2e and not slow" -n $(PYTEST_WORKERS)

# The screening engine once more as plain Python (make test ran it compiled).
test-pure: $(VENV)/.installed-dev
	HORIZONT_PURE_PYTHON=1 $(BIN)/pytest -m "not e2e and not slow" -n $(PYTEST_WORKERS) horizont/screening

test-all: $(VENV)/.installed-dev scorer
	$(BIN)/pytest -m "not e2e" -n $(PYTEST_WORKERS)

test-slow: $(VENV)/.installed-dev scorer
	$(BIN)/pytest -m "slow and not e2e" -n $(PYTEST_WORKERS)

# The engines and lib never touch a database: their tests run once, in `make test`.
test-postgres: $(VENV)/.installed-dev scorer
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/horizont} \
	  HORIZONT_REQUIRE_SERVICES=1 $(BIN)/pytest -m "not e2e" -n $(PYTEST_WORKERS) \
	  --ignore=horizont/forensics --ignore=horizont/screening --ignore=horizont/lib

e2e: $(VENV)/.installed-dev scorer
	$(BIN)/pytest -m e2e -p no:xdist

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python scripts/check_engine_imports.py

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed
	$(BIN)/horizont makemigrations --check --dry-run

messages: $(VENV)/.installed-dev
	$(BIN)/python scripts/messages.py update
	$(BIN)/python scripts/messages.py compile

check-deploy: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=$$(python3 -c 'import secrets;print(secrets.token_urlsafe(60))') \
	  ALLOWED_HOSTS=horizont.example.org $(BIN)/horizont check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var horizont/screening/_compiled
