# Every target creates .venv first when it is missing (or when the pins changed).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The web editor's bundle (Decap CMS) and the VS Code remark plugins, from the npm
# registry with package-lock.json; reinstalled whenever the lock file changes.
NODE_STAMP := node_modules/.loft-installed
# JSON Schemas of the front matter, generated from data/ (not committed).
SCHEMAS := schemas/.generated
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The engine: ProperDocs (a maintained fork of MkDocs 1.6; reads properdocs.yml,
# which inherits mkdocs.yml). `make build ENGINE=mkdocs` builds with MkDocs 1.6.1.
ENGINE ?= properdocs
SITE_DIR ?= site

.DEFAULT_GOAL := help
.PHONY: help venv node serve build test test-fast mutate check chromium bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

$(SCHEMAS): $(STAMP) $(wildcard data/*.yml) loft/editor/schemas.py
	$(BIN)/loft schema
	@touch $(SCHEMAS)

venv: $(STAMP) $(SCHEMAS) ## Create .venv and install the pinned dependencies

node: $(NODE_STAMP) ## Install the pinned npm packages (web editor bundle, VS Code remark plugins)

serve: $(STAMP) $(NODE_STAMP) $(SCHEMAS) ## Serve the site on http://127.0.0.1:8000 with live reload (drafts shown; only changed pages rebuilt)
	$(BIN)/$(ENGINE) serve --dirty --dev-addr $(HOST):$(PORT)

build: $(STAMP) $(NODE_STAMP) $(SCHEMAS) ## Strict build of the site into site/
	$(BIN)/$(ENGINE) build --strict --clean --site-dir $(SITE_DIR)

check: $(STAMP) ## Validate all content without building (same rules as the build)
	$(BIN)/loft check

chromium: ## Make sure Debian's Chromium is there for the browser tests
	@sh scripts/ensure-chromium.sh

test: $(STAMP) $(NODE_STAMP) $(SCHEMAS) chromium ## The whole test suite (unit, build and browser tests)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Unit tests of the core only
	$(BIN)/python -m pytest tests/unit

mutate: $(STAMP) ## Mutation testing of the core against the unit tests (slow; writes tests/MUTATION.md)
	rm -rf mutants
	LOFT_HYPOTHESIS_PROFILE=mutation $(BIN)/mutmut run --max-children 2
	$(BIN)/python scripts/mutation_report.py > tests/mutation-results.md
	@echo "Poäng och överlevande mutanter: tests/mutation-results.md (bedömningarna står i tests/MUTATION.md)"

bench: $(STAMP) ## Benchmarks at 2,000 and 5,000 items (slow; writes bench/RESULTS.md)
	$(BIN)/python -m bench.run

clean: ## Remove build output (keeps .venv)
	rm -rf site bench/work .pytest_cache mutants
