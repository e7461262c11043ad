# eventdesk: one command to install and run the demo, one to install and run the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DB     ?= demo.duckdb

.PHONY: install demo test eval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==24.3.1"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Code the seed article (when ../shared is present) and the bundled samples into a DuckDB
# file, then print the stored events.
demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/eventdesk ingest samples/articles.jsonl $(wildcard $(SHARED)/seeds/*.txt) \
	  --db $(DB) --published-default 2023-10-05
	$(BIN)/eventdesk events --db $(DB)
	@echo "== the seed article with its evidence: $(BIN)/eventdesk extract --published 2023-10-05 $(SHARED)/seeds/*.txt"

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/eventdesk eval $(SHARED)/gold/seed.jsonl $(SHARED)/gold/dev.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info $(DB)
