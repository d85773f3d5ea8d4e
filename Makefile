# Two commands do everything on a fresh machine: `make run` and `make test`.
# uv is used when installed; otherwise it is installed into .tools/ first (needs only python3).

# The distribution's own Python when it is 3.11 or newer (Debian's and Ubuntu's are built with profile-guided and
# link-time optimisation), else python3 on the PATH. A Python built from source without --enable-optimizations, as
# pyenv builds it by default, ran the screen about 30% slower on the same machine (a pure-Python loop: 2.1 s vs 1.4 s).
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { command -v $$p; break; }; done)
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test setup lint bench clean train-screen

# No separate `rounds db upgrade`: every command migrates the database it uses, and the console's
# is rounds-console.db (an upgrade of the default rounds.db here would leave an empty one behind).
run: setup
	$(VENV)/bin/rounds run

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.synced

# Bytecode is compiled at install, for the packages and for Rounds itself: where PYTHONDONTWRITEBYTECODE is
# set, Python never caches it, and every `rounds` command would compile ~4,000 modules again (start-up 3 s, not 1.5).
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	$(VENV)/bin/python -m compileall -q bot handlers
	@touch $@

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

lint: setup
	$(VENV)/bin/ruff check .

bench: setup
	$(VENV)/bin/python bench/fanout.py
	$(VENV)/bin/python bench/crash.py
	$(VENV)/bin/python bench/screen.py

# Retrain the screen's learned parts into bot/screening/model/ (reproducible: fixed seeds).
train-screen: setup
	$(UV) run --frozen --group train python tools/train_screen.py

clean:
	rm -rf $(VENV) .tools .pytest_cache
