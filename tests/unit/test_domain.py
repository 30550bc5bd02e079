"""The Rasa files agree with bot/: slots, form, actions, intents."""

from pathlib import Path

import yaml
from rasa_sdk import Action

import actions.conversation  # noqa: F401  (registers the actions)
import actions.intake_form  # noqa: F401
import actions.results  # noqa: F401
from bot import faq
from bot import slots as state_slots
from bot.dialogue.turn import INTENT_SIGNALS
from bot.dutch_pipeline import PIPELINE_PATH
from bot.questionnaire import CODE, CODE_LIST, ITEM_IDS, ITEMS, NUMBER

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
CONFIG = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
SLOT_TYPES = {CODE: "text", NUMBER: "float", CODE_LIST: "list"}


def all_actions(cls=Action):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_actions(sub)


def test_item_slots_in_spec_order_with_their_types():
    slots = DOMAIN["slots"]
    assert [name for name in slots if name in ITEM_IDS] == list(ITEM_IDS)
    for it in ITEMS:
        assert slots[it.id]["type"] == SLOT_TYPES[it.kind], it.id
        assert slots[it.id]["mappings"] == [{"type": "custom"}]


def test_the_state_slots_named_in_bot_are_the_domains():
    """Every slot name of bot/slots.py is a slot of domain.yml; the clinic's flags are custom bools and a list."""
    names = {value for key, value in vars(state_slots).items() if key.isupper() and isinstance(value, str)}
    slots = DOMAIN["slots"]
    assert names - {state_slots.REQUESTED} <= set(slots)  # requested_slot is Rasa's own form slot
    for name in state_slots.RECORD_FLAGS:
        assert slots[name] == {"type": "bool", "influence_conversation": False, "mappings": [{"type": "custom"}]}
    assert slots[state_slots.NOT_MANAGED] == {"type": "list", "influence_conversation": False,
                                              "mappings": [{"type": "custom"}]}  # fmt: skip


def test_form_requires_every_item_in_order():
    assert DOMAIN["forms"]["intake_form"]["required_slots"] == list(ITEM_IDS)


def test_domain_actions_are_the_implemented_ones():
    ours = [cls for cls in all_actions() if cls.__module__.startswith("actions.") and cls().name()]
    assert set(DOMAIN["actions"]) == {cls().name() for cls in ours}


def test_intents_behind_signals_and_faq_exist():
    intents = set(DOMAIN["intents"])
    assert set(INTENT_SIGNALS) <= intents
    assert {"faq_" + topic.key for topic in faq.TOPICS} <= intents


def test_every_intent_outside_the_interview_goes_to_action_converse():
    """No intent falls through to the core fallback, and no rule chains actions (issue 9)."""
    rules = yaml.safe_load((ROOT / "data" / "rules" / "outside_the_interview.yml").read_text(encoding="utf-8"))
    routed = {}
    for rule in rules["rules"]:
        steps = rule["steps"]
        assert [list(step) for step in steps] == [["intent"], ["action"], ["slot_was_set"]], rule["rule"]
        assert steps[1]["action"] == "action_converse" and steps[2]["slot_was_set"] == [{"intake_start": False}]
        routed[steps[0]["intent"]] = rule["rule"]
    assert set(routed) == set(DOMAIN["intents"]) | {"nlu_fallback"}
    policy = next(p for p in CONFIG["policies"] if p["name"] == "RulePolicy")
    assert policy["core_fallback_action_name"] == "action_converse"


def test_config_names_the_pipeline_folder_the_install_builds():
    spacy_nlp = next(c for c in CONFIG["pipeline"] if c["name"] == "SpacyNLP")
    assert spacy_nlp["model"] == PIPELINE_PATH
    assert CONFIG["language"] == "nl"
