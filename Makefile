# Two commands on a fresh machine with Python 3.11:
#   make run   — install into .venv and start the bot on SQLite (./data/)
#   make test  — install the test tools and run lint, types and the tests (SQLite + PostgreSQL)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
# Both cores: the suite is mostly waiting on sockets and databases, and CI must stay under 20 min.
PYTEST_ARGS ?= -n 2 --dist worksteal

.PHONY: run test install install-test lint chat clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The register tab (bot/tab.py) serves the Teams JavaScript client library from .cache/npm.
TEAMS_JS_PKG := @microsoft/teams-js@2.58.0
NPM_INSTALL := npm install --silent --no-save --no-audit --no-fund --prefix .cache/npm

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	if command -v npm >/dev/null; then $(NPM_INSTALL) $(TEAMS_JS_PKG); fi
	touch $@

# The Teams manifest schema ships in an npm package; tests validate the app package offline.
MANIFEST_SCHEMA_PKG := @microsoft/app-manifest@1.1.2
# The browser test of the tab: Playwright's driver (it uses Debian's chromium, not its own
# download) and axe-core for WCAG checks. One npm install, so none prunes another's packages.
BROWSER_TEST_PKGS := playwright-core@1.65.1 axe-core@4.14.1

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	if command -v npm >/dev/null; then $(NPM_INSTALL) $(MANIFEST_SCHEMA_PKG) $(TEAMS_JS_PKG) $(BROWSER_TEST_PKGS); fi
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/samverkansbot serve

chat: install
	$(BIN)/samverkansbot chat

lint: install-test
	$(BIN)/ruff check bot dialogs storage manifest tests bench
	$(BIN)/ruff format --check bot dialogs storage manifest tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q -p no:cacheprovider $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) data .cache .pytest_cache .mypy_cache .ruff_cache
