# The two set-up commands of README: `make edition` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: edition test install install-test schema bench clean

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

## test: install the test dependencies and run the whole test suite
test: install-test
	$(BIN)/python -m pytest

schema: install
	$(BIN)/teiedit schema

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache
