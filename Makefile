# The two set-up commands of README: `make edition` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: edition test test-full check lint install install-test schema bench clean

$(BIN)/teiedit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/teiedit
	bash scripts/system-deps.sh

## edition: install teiedit in .venv and build this edition (tei/, out/html/, out/pdf/)
edition: install
	$(BIN)/teiedit build

install-test: install
	bash scripts/system-deps.sh --test
	$(BIN)/pip install --quiet -e ".[test]"
	test -f $(VENV)/node/node_modules/axe-core/axe.min.js || npm install --silent --no-save --prefix $(VENV)/node axe-core@4

# The test dependencies, installed once (and again when pyproject.toml changes), for `make check`.
$(VENV)/.test-deps: pyproject.toml $(BIN)/teiedit
	$(MAKE) install-test
	touch $@

## lint: ruff check, ruff format --check and mypy --strict (scripts/lint.py says what is reported only)
lint: $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py

## test: install the test dependencies, lint, and run the whole test suite (what CI runs)
test: install-test
	touch $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py
	$(BIN)/python -m pytest

## test-full: as test, with every long property and size sweep at full size (TEIEDIT_TESTS=full)
test-full: install-test
	touch $(VENV)/.test-deps
	$(BIN)/python scripts/lint.py
	TEIEDIT_TESTS=full $(BIN)/python -m pytest

## check: the edit-test loop: lint and the fast tests (no PDFs, no browser), under a minute
check: lint
	$(BIN)/python -m pytest -q -x -m "not slow and not browser"

schema: install
	$(BIN)/teiedit schema

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache
