# humaskit: two commands on a fresh machine with only Python 3 and pip.
#   make lab    set up (once) and open the workshop in JupyterLab
#   make test   set up (once) and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
STAMP := $(VENV)/.installed-stamp
# nbgrader's gradebook calls the `alembic` command: the venv's bin must be on PATH.
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
PYTEST_WORKERS ?= auto
# e.g. `make lab LAB_ARGS=--no-browser` on a server
LAB_ARGS ?=
# JupyterLab refuses to run as root unless told (e.g. on a shared server or a container).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test release doctor handouts server clean

setup: $(STAMP)

$(STAMP): pyproject.toml jupyterlab-overrides.json $(wildcard humaskit/lab_id/*.po)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@# JupyterLab defaults for an offline room: no news prompt, no update check.
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@# JupyterLab's menus, toolbar and status bar, and formgrader's labels, in Indonesian.
	$(BIN)/python -m humaskit.lab_language
	@# Build the offline chart bundle once, for every kernel (saves ~1 s per notebook).
	$(BIN)/python -c "from humaskit import charts; charts.use_cached_bundle()"
	@# Strip notebook outputs on commit (the tests enforce it too).
	@if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install; fi
	touch $@

## Participant copies of the exercises (nbgrader's own generate step).
release: setup
	$(BIN)/humaskit exercises release
	@# nbgrader's local exchange (assignment list in JupyterLab) must exist and be writable.
	@mkdir -p exercises/exchange && chmod 0777 exercises/exchange

lab: release
	@# Serve the whole checkout (notebooks/ and exercises/), opening the landing page.
	@# Offline room: no news feed or update check (both would reach for the internet).
	@# Uploads up to 64 MiB reach the kernel (humaskit.server.KERNEL_MESSAGE_BYTES).
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(ROOT_FLAG) $(LAB_ARGS) \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		'--ServerApp.tornado_settings={"websocket_max_message_size": 67108864}' \
		notebooks/00_mulai_di_sini.ipynb

## Tests of one file share a worker (--dist loadfile): each graded nbgrader course is built once.
test: setup
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=15

doctor: setup
	$(BIN)/humaskit doctor

## Printable, self-contained HTML (and PDF where Chromium exists) of every day, in handouts/.
handouts: setup
	$(BIN)/humaskit handouts

## The classroom server (Linux, as root): bundle, install in /opt/humaskit, accounts from
## ROSTER, then JupyterHub on port 8000 (see the facilitator guide, section 2.8).
ROSTER ?= grader/roster_contoh.csv
server: setup
	@test "$$(id -u)" = 0 || { echo "Jalankan sebagai root: server kelas membuat akun Unix."; exit 1; }
	test -d build/bundel/wheels || $(BIN)/humaskit server bundle build/bundel
	$(BIN)/humaskit server install build/bundel
	$(BIN)/humaskit server setup --roster $(ROSTER)
	$(BIN)/humaskit server kartu --out kartu
	$(BIN)/humaskit server start

clean:
	rm -rf $(VENV) exercises/release exercises/gradebook.db build handouts
