# eventdesk: one command to install and run the demo, one to install and run the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DB     ?= demo.duckdb

CHROMIUM ?= /usr/bin/chromium

.PHONY: install browser demo test eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==24.3.1"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's chromium with Playwright (playwright install cannot
# download browsers here). Installed with apt when root and absent; without it the browser
# tests fail (EVENTDESK_SKIP_BROWSER=1 skips them on a developer machine, never in CI).
browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "make: installing chromium with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "make: $(CHROMIUM) is missing and this is not root: the browser tests will fail" \
	  "(install chromium, or set EVENTDESK_SKIP_BROWSER=1 for a local run)"; fi

# Code the seed article (when ../shared is present) and the bundled samples into a DuckDB
# file, then print the stored events.
demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/eventdesk ingest samples/articles.jsonl $(wildcard $(SHARED)/seeds/*.txt) \
	  --db $(DB) --published-default 2023-10-05
	$(BIN)/eventdesk events --db $(DB)
	@echo "== the seed article with its evidence: $(BIN)/eventdesk extract --published 2023-10-05 $(SHARED)/seeds/*.txt"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/eventdesk eval $(SHARED)/gold/seed.jsonl $(SHARED)/gold/dev.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info $(DB)
