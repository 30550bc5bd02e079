"""Names that vulture (`make lint`) would report as unused because only a framework, a template or a test uses them.

vulture reads this file beside the code: a name used here counts as used everywhere. Add a name only with the
reason, grouped as below. Sanic's routes and listeners (``@bp.route``, ``@bp.listener``) and Rasa's registered
components (``@DefaultV1Recipe.register``) are left out by the decorators named in pyproject.toml instead.
This file is never imported or run.
"""
# ruff: noqa: B018, F821  (bare names and attributes are what vulture reads here)

from actions import conversation, intake_form, results
from bot import questionnaire, reports, thresholds
from channels import action_responses, clinic, web
from channels.cluster import health, stores
from channels.messaging import base, messenger, telegram, twilio, whatsapp
from components import intent_classifier, keyword_features

# --- Rasa loads these classes by their module path --------------------------------------------------------------------
# credentials.yml (the input channels) and the cluster's credentials and endpoints (config.yml's components: their
# decorator)
web.IntakeWebChannel
health.ClusterChannel
whatsapp.WhatsAppChannel
telegram.TelegramChannel
messenger.MessengerChannel
twilio.TwilioChannel
stores.ClusterRedisLockStore

# --- ... and calls these methods of them by name ----------------------------------------------------------------------
# InputChannel
web.IntakeWebChannel.from_credentials
web.IntakeWebChannel.url_prefix
web.IntakeWebChannel.blueprint
base.MessagingChannel.from_credentials
base.MessagingChannel.blueprint
# GraphComponent
keyword_features.KeywordFeaturizer.create
keyword_features.KeywordFeaturizer.required_packages
keyword_features.KeywordFeaturizer.validate_config
keyword_features.KeywordFeaturizer.fingerprint_addon
keyword_features.KeywordFeaturizer.process_training_data
# LockStore
stores.ClusterRedisLockStore.update_lock

# --- rasa-sdk registers every Action subclass and calls run(dispatcher, tracker, domain) ------------------------------
conversation.ActionConverse
intake_form.ValidateIntakeForm
results.ActionFinishIntake
domain  # the parameter of run() that the actions do not need

# --- attributes that a library reads ----------------------------------------------------------------------------------
intent_classifier.IntentClassifier.clf.C  # scikit-learn's LogisticRegression: the regularisation
stores.TicketLock.tickets[0].expires  # Rasa's lock store reads a ticket's expiry (rasa.core.lock.Ticket)
clinic.TimestampSigner.get_timestamp  # itsdangerous: the clinic's staff cookie signed at a given time (tests)
tempfile.tempdir  # bot/report_reading/worker.py: the forked reader's own temporary folder
german.infix  # bot/parsing/lexicon.py: compound-split's char_split reads its German stand-in's tables

action_responses.RemoteAction._validate_action_result  # Rasa calls the check it replaces (install())

# --- dataclass fields that only bot/templates/report.html reads -------------------------------------------------------
reports.Line.alert
reports.ScoreBlock.alert
reports.Report.completed
reports.Report.advice_note

# --- kept for the tests on purpose ------------------------------------------------------------------------------------
questionnaire.with_items  # a toy item added for a test proves that adding an item is one edit (test_add_item.py)
thresholds.NLU_FALLBACK  # the copies of config.yml's two thresholds in the table of every threshold,
thresholds.CORE_FALLBACK  # proven equal to config.yml by tests/unit/test_thresholds.py

# --- pytest fixtures used only through autouse ------------------------------------------------------------------------
clinic_env  # tests/unit/test_actions.py
