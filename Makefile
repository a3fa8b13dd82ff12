# SIMASN — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: demo test install system-deps assets migrate seed serve lint typecheck bench-smoke messages clean

demo: install migrate seed serve

test: install system-deps
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -p no:cacheprovider -n $${PYTEST_WORKERS:-2} --dist loadgroup $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: requirements/lock.txt package-lock.json pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	bash scripts/ensure-system-deps.sh

migrate: install
	mkdir -p var
	$(BIN)/simasn migrate --noinput
	@# PostgreSQL with separate roles (docs/deploy.md): DATABASE_URL is the owner, the
	@# processes run as SIMASN_APP_DATABASE_URL with only the rights this grants.
	$(if $(SIMASN_APP_DATABASE_URL),$(BIN)/simasn db-grant-app-role --create "$(SIMASN_APP_DATABASE_URL)")

seed: install
	$(BIN)/simasn seed-demo

# The demo's port: `make demo PORT=8080`. The SK's verification line names the same address
# (set SIMASN_PUBLIC_URL for another host); it is printed on the decrees seed-demo writes too.
PORT ?= 8000
export SIMASN_PUBLIC_URL ?= http://127.0.0.1:$(PORT)

serve: install
	@echo "SIMASN on http://127.0.0.1:$(PORT) — web server, task worker and daily scheduler (Ctrl-C stops all)."
	$(if $(SIMASN_APP_DATABASE_URL),DATABASE_URL="$(SIMASN_APP_DATABASE_URL)") SIMASN_PORT=$(PORT) $(BIN)/honcho -f Procfile.demo start

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

typecheck: install
	$(BIN)/mypy simasn config

messages: install
	cd simasn && ../$(BIN)/simasn makemessages -l en --ignore 'law/*' --ignore '*/tests/*' && ../$(BIN)/simasn compilemessages

bench-smoke: install
	bash bench/smoke.sh

clean:
	rm -rf $(VENV) node_modules var
