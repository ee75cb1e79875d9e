# Two commands on a machine with Python 3.11+ and make:
#   make demo   creates .venv, installs, migrates, seeds the demo team and serves it
#   make test   creates .venv if needed; runs ruff, the import-linter contract, mypy on the
#               engine and all tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint serve worker messages bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Fasit needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@# Unpack the language model into its cache now, so no command pays for it later.
	$(BIN)/python -c 'from fasit.engine.text.language import detect_language; detect_language("hej")'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/fasit demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy fasit/engine

test: lint
	$(BIN)/pytest -n auto  # one test process per core (pytest-xdist)

serve: $(STAMP)
	$(BIN)/fasit serve

worker: $(STAMP)
	$(BIN)/fasit worker

messages: $(STAMP)
	cd fasit && ../$(BIN)/fasit manage makemessages -l sv -l nb -l da --no-obsolete --no-location --ignore 'engine/*'
	cd fasit && ../$(BIN)/fasit manage compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
