# Two commands set deskbreak up on a fresh Debian/Ubuntu machine:
#   make run   - create .venv on first use, install deskbreak, start it
#   make test  - create .venv, install deskbreak with its test extra and the
#                system packages the tests need (apt-get, as root), run all tests
# and, for a per-user install and a stand-alone build:
#   make install-desktop   - put deskbreak (this checkout's .venv) in the
#                            application menu, with its icons (what
#                            `deskbreak desktop install` does for any install)
#   make uninstall-desktop - take out exactly what install-desktop put in
#   make package           - a PyInstaller one-folder build in dist/deskbreak/
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test test-fast bench render clean install-desktop uninstall-desktop package icons

# Stamps re-run pip only when pyproject.toml changes.
$(BIN)/python:
	PYTHON=$(PYTHON) sh scripts/system-packages.sh venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	sh scripts/system-packages.sh runtime
	$(BIN)/deskbreak $(ARGS)

test: $(VENV)/.installed-test
	sh scripts/system-packages.sh test
	$(BIN)/python -m pytest $(ARGS)

# Every tier but tests/desktop (README, "Tests"). Needs no display and none of
# Xvfb, openbox, trayer or dunst: a test outside tests/desktop that starts one
# fails. The adapters tier runs dbus-daemon for a private session bus.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not desktop" $(ARGS)

# Benchmarks print numbers; they are not tests and never fail on speed.
# footprint.py (about 50 min) runs deskbreak, the bare tray app and any installed
# peer in turn on a virtual desktop, prints a table of medians against the targets
# and writes its JSON under /tmp (benchmarks/README.md). BENCH_ARGS=--quick prints
# every row of that table in under 10 minutes (fewer runs, a shorter storm) and
# leaves out wakeups.py, whose at-the-desk figure the table has;
# BENCH_ARGS=--install-peers adds workrave and safeeyes.
BENCH_ARGS ?=
bench: $(VENV)/.installed-test
	sh scripts/system-packages.sh test
	$(BIN)/python benchmarks/engine_day.py
	$(BIN)/python benchmarks/footprint.py $(BENCH_ARGS)
	$(if $(filter --quick,$(BENCH_ARGS)),,$(BIN)/python benchmarks/wakeups.py)

# `deskbreak desktop install|uninstall`, as a pip or pipx user runs it: the
# entry's Exec is the absolute path of the deskbreak that runs it, so it starts
# deskbreak whatever the desktop session's PATH; pass DESKBREAK=/abs/path/deskbreak
# for another one (dist/deskbreak/deskbreak after `make package`).
# XDG_DATA_HOME is honoured.
DESKBREAK ?= $(abspath $(BIN)/deskbreak)

install-desktop: $(VENV)/.installed-run
	@test -f "$(DESKBREAK)" -a -x "$(DESKBREAK)" || { echo "install-desktop: $(DESKBREAK) is not an executable file (run \`make run\` once, or pass DESKBREAK=)" >&2; exit 1; }
	"$(DESKBREAK)" desktop install

uninstall-desktop: $(VENV)/.installed-run
	"$(DESKBREAK)" desktop uninstall

# tests/desktop/test_frozen.py drives the result when it exists.
package: $(VENV)/.installed-package
	sh scripts/system-packages.sh runtime
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/deskbreak.spec

# Re-render the committed PNG, .ico and .icns icons after changing assets/icons/deskbreak.svg.
icons: $(VENV)/.installed-run
	$(BIN)/python scripts/render_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
