# Two commands set deskbreak up on a fresh Debian/Ubuntu machine:
#   make run   - create .venv on first use, install deskbreak, start it
#   make test  - create .venv, install deskbreak with its test extra and the
#                system packages the tests need (apt-get, as root), run all tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test test-fast bench render clean

# Stamps re-run pip only when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	sh scripts/system-packages.sh runtime
	$(BIN)/deskbreak $(ARGS)

test: $(VENV)/.installed-test
	sh scripts/system-packages.sh test
	$(BIN)/python -m pytest $(ARGS)

# The unit and widget tiers only (no virtual desktop).
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not desktop" $(ARGS)

# Benchmarks print numbers; they are not tests and never fail on speed.
bench: $(VENV)/.installed-test
	sh scripts/system-packages.sh test
	$(BIN)/python benchmarks/engine_day.py
	$(BIN)/python benchmarks/footprint.py
	$(BIN)/python benchmarks/break_window_cpu.py
	$(BIN)/python benchmarks/wakeups.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
