"""config.yml's thresholds are the ones of bot/thresholds.py (Rasa reads them from config.yml itself)."""

from pathlib import Path

import yaml

from bot import thresholds

CONFIG = yaml.safe_load((Path(__file__).resolve().parents[2] / "config.yml").read_text(encoding="utf-8"))


def test_the_fallback_classifier_threshold_is_the_table_s():
    fallback = next(c for c in CONFIG["pipeline"] if c["name"] == "FallbackClassifier")
    assert fallback["threshold"] == thresholds.NLU_FALLBACK


def test_the_rule_policy_core_fallback_is_the_table_s():
    rules = next(p for p in CONFIG["policies"] if p["name"] == "RulePolicy")
    assert rules["core_fallback_threshold"] == thresholds.CORE_FALLBACK
