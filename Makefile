# Dutch intake assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/intake.tar.gz
# The keyword features (components/, bot/parsing/features.py) read with bot.parsing, the FAQ and the items.
TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(VENV)/spacy-nl/built-from.txt \
	$(wildcard components/*.py bot/parsing/*.py) bot/faq.py bot/questionnaire.py

# No telemetry, no TensorFlow chatter, no SQLAlchemy 2.0 banner, no library deprecation noise.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS := ignore

.PHONY: help install lint unit validate train test run shell evaluate fuzz bench chaos purge clean cluster channel-webhooks

help: ## Show this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: ## Create .venv (Python 3.10), install the pinned packages, build the Dutch spaCy pipeline
	@scripts/install.sh

$(VENV)/spacy-nl/built-from.txt:
	@scripts/install.sh

lint: install ## Ruff over the Python code; vulture for dead code (pyproject.toml, vulture_whitelist.py)
	$(PY) -m ruff check bot actions channels components tests scripts vulture_whitelist.py
	$(PY) -m vulture
	$(PY) -m vulture bot actions channels components scripts tests vulture_whitelist.py

unit: install ## Unit tests: engine, parsing, dialogue, advice, actions (Tracker fixtures)
	$(PY) -m pytest tests/unit

validate: install ## rasa data validate, failing on any warning
	$(RASA) data validate --fail-on-warnings --quiet

$(MODEL): $(TRAINING_INPUTS)
	$(RASA) train --fixed-model-name intake --out models --quiet
	@touch $(MODEL)

train: install $(MODEL) ## Train the model (only when data, domain or config changed)

test: install lint ## Install what is missing, then lint, unit tests, validate, train, stories, conversations, web, faults
	$(PY) -m pytest tests/unit
	$(RASA) data validate --fail-on-warnings --quiet
	@$(MAKE) --no-print-directory train
	$(RASA) test core --stories tests/stories --model $(MODEL) --out results/core --fail-on-prediction-errors --quiet
	@scripts/install_system.sh
	$(PY) -m pytest tests/report_reading tests/conversation tests/heldout tests/dialogue tests/web tests/channels tests/cluster tests/faults

run: train ## Start the assistant under supervisord: REST channel on $$RASA_PORT (5005), SQLite tracker store
	@scripts/install_system.sh run
	@scripts/run.sh

cluster: train ## Production topology here: nginx on $$RASA_PORT, 2 Rasa servers, action servers, PostgreSQL, Redis
	@scripts/install_system.sh
	$(PY) -m scripts.cluster

shell: train ## Chat with the assistant in this terminal
	@scripts/shell.sh

evaluate: train ## Held-out intents, slot filling, 5-fold cross-validation, frozen sets (results/); prints the figures
	$(RASA) test nlu --nlu tests/heldout/nlu.yml --model $(MODEL) --out results/nlu --quiet
	$(RASA) test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out results/cv --quiet
	$(PY) -m scripts.evaluate_slots --cases tests/heldout/answers.yml --model $(MODEL) --out results/slot_filling.json
	$(PY) -m scripts.evaluate_frozen --model $(MODEL) --out results/frozen.json
	$(PY) -m scripts.evaluate_safety --model $(MODEL) --out results/safety.json
	@$(PY) -m scripts.evaluation_summary --results results

bench: train ## Latency, throughput, memory, start-up and training time, ours vs Rasa's starter bot
	$(PY) -m scripts.bench --out results

chaos: train ## 32 concurrent intakes with a server killed midway: make run, then make cluster (results/chaos.json)
	@scripts/install_system.sh
	$(PY) -m pytest tests/chaos -q -s -p no:cacheprovider

channel-webhooks: install ## Register the messaging channels' webhooks with the providers ($$CHANNEL_PUBLIC_URL)
	$(PY) -m scripts.channel_webhooks

fuzz: train ## The dialogue's property-based tests (liveness too) with many more examples ($$FUZZ_EXAMPLES, default 400)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-400} $(PY) -m pytest tests/unit/test_liveness.py tests/dialogue -q

purge: install ## Delete intake records older than the retention period ($$INTAKE_RETENTION_DAYS, default 90)
	$(PY) -m bot.records purge

clean: ## Remove trained models, results and local databases (keeps .venv)
	rm -rf models/*.tar.gz results var
