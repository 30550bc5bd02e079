"""The FAQ table agrees with the domain, the NLU data, the rules and the advice library; ``match`` reads concepts."""

from pathlib import Path

import pytest
import yaml

from bot import faq
from bot.advice import library
from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA
from bot.scoring.microbiome import SCORE_CAP

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_INTENTS = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
NLU = [row for path in sorted((ROOT / "data" / "nlu").glob("*.yml")) for row in yaml.safe_load(path.read_text())["nlu"]]
NLU_INTENTS = {row["intent"] for row in NLU if "intent" in row}
RULES = [
    rule
    for path in sorted((ROOT / "data" / "rules").glob("*.yml"))
    for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
]
# Intents a rule answers with one action (which action replies is the dialogue's business).
RULE_INTENTS = {
    rule["steps"][0]["intent"]
    for rule in RULES
    if len(rule["steps"]) >= 2 and "intent" in rule["steps"][0] and "action" in rule["steps"][1]
}
LIBRARY_SOURCES = {value for name, value in vars(library).items() if name.isupper() and isinstance(value, str)} | {
    source for advice in [*library.FACTOR_ADVICE.values(), *library.BAND_ADVICE.values()] for source in advice.sources
}
KEYS = [topic.key for topic in faq.TOPICS]


def test_the_topics_are_the_agreed_ones():
    assert KEYS == [
        "microbiome",
        "probiotics",
        "gut_skin",
        "fatty_liver",
        "gut_liver",
        "magnesium",
        "test_report",
        "scores",
        "consult",
        "privacy",
    ]


@pytest.mark.parametrize("key", KEYS)
def test_every_topic_has_its_intent_examples_rule_answer_and_source(key):
    intent = "faq_" + key
    assert faq.key_of(intent) == key
    assert intent in DOMAIN_INTENTS
    assert intent in NLU_INTENTS
    assert intent in RULE_INTENTS
    topic = faq.TOPICS_BY_KEY[key]
    assert topic.answer.strip() and faq.answer(key) == topic.answer
    assert topic.source in LIBRARY_SOURCES


def test_every_faq_intent_in_the_domain_and_data_has_a_topic():
    named = {intent for intent in DOMAIN_INTENTS | NLU_INTENTS if intent.startswith(faq.INTENT_PREFIX)}
    assert {faq.key_of(intent) for intent in named} == set(KEYS)


def test_other_questions_have_their_intent_and_rule_too():
    assert {"question_other"} <= DOMAIN_INTENTS & NLU_INTENTS & RULE_INTENTS
    assert faq.key_of("question_other") is None
    assert faq.key_of("faq_unknown") is None and faq.key_of(None) is None


@pytest.mark.parametrize("topic", faq.TOPICS, ids=KEYS)
def test_answers_are_short_and_never_diagnose_or_change_medicine(topic):
    sentences = [s for s in topic.answer.replace("?", ".").split(". ") if s.strip()]
    assert 2 <= len(sentences) <= 5, topic.key
    lowered = topic.answer.lower()
    assert "je hebt een" not in lowered and "stop met" not in lowered and "stoppen met" not in lowered
    if "supplement" in lowered:  # taking something: always via the huisarts or apotheker
        assert "huisarts" in lowered or "apotheker" in lowered


def test_stems_are_long_enough_to_mean_something():
    for topic in faq.TOPICS:
        for group in topic.concepts:
            assert group and all(len(stem) >= 4 and stem.isalnum() for stem in group), topic.key


def test_the_report_answer_names_the_taxa_of_the_questionnaire():
    answer = faq.answer("test_report")
    assert all(name in answer for name in PROTECTIVE_TAXA + ASSOCIATED_TAXA)
    assert "Laag" in answer and "Normaal" in answer


def test_the_scores_answer_takes_its_number_from_the_engine():
    assert f"0 tot {SCORE_CAP}" in faq.answer("scores")
    assert "geen diagnose" in faq.answer("scores")


def test_privacy_answer_names_the_delete_command():
    assert "verwijder mijn gegevens" in faq.answer("privacy")


@pytest.mark.parametrize(
    "message, key",
    [
        ("wat is de darm-leveras", "gut_liver"),
        ("wat is de darmleveras", "gut_liver"),
        ("kunnen darmbacteriën je lever beïnvloeden", "gut_liver"),
        ("heeft mijn darm invloed op mijn huid", "gut_skin"),
        ("hoe hangen darmgezondheid en de huid samen", "gut_skin"),
        ("krijg ik acne van mijn darmbacterien", "gut_skin"),
        ("wat is de darm-huid-as", "gut_skin"),
        ("wat is het darmmicrobioom precies", "microbiome"),
        ("wat doen al die bacterien in je darmen", "microbiome"),
        ("in welk eten zit veel magnesium", "magnesium"),
        ("magnesiumtekort", "magnesium"),
        ("helpen probiotica bij acne", "probiotics"),
        ("wat is een vette lever", "fatty_liver"),
        ("wat is leververvetting", "fatty_liver"),
        ("is NAFLD gevaarlijk", "fatty_liver"),
        ("wat heeft magnesium met mijn lever te maken", "fatty_liver"),
        ("wat betekent laag bij faecalibacterium", "test_report"),
        ("wat betekent normaal in mijn rapport", "test_report"),
        ("wat zijn beschermende bacteriën", "test_report"),
        ("wat betekent mijn score", "scores"),
        ("wat is een vrijblijvend consult", "consult"),
        ("wat gebeurt er met mijn gegevens", "privacy"),
        ("worden mijn antwoorden bewaard", "privacy"),
        ("is mijn info veilig bij jullie", "privacy"),
        # where the data may end up
        ("komen mijn antwoorden ooit bij mijn verzekeraar terecht", "privacy"),
        ("verkopen jullie dit aan adverteerders", "privacy"),
        ("krijgen derden dit te zien", "privacy"),
        # English loan words, and a compound that is about its last part
        ("gut-skin axis, is dat bewezen", "gut_skin"),
        ("wat is de gut liver axis", "gut_liver"),
        ("fatty liver, wat is dat", "fatty_liver"),
        ("wat betekent een hoge microbioomscore", "scores"),
        ("wat betekent mijn darmflora-score", "scores"),
        ("krijg ik aan het eind een cijfer", "scores"),
        ("waar is de boekingslink", "consult"),
    ],
)
def test_match_finds_the_topic_by_concepts(message, key):
    assert faq.match(message.lower().split()) == key


@pytest.mark.parametrize(
    "message",
    [
        "ik lach me dood",
        "wat levert het op",
        "mijn huidige medicijnen",
        "normaal gesproken drie",
        "laag",
        "darmen",
        "huid",
        "",
    ],
)
def test_match_finds_nothing_without_every_concept(message):
    assert faq.match(message.split()) is None


def test_match_accepts_lemmas_with_accents_and_upper_case():
    assert faq.match(["Darm", "huid"]) == "gut_skin"
    assert faq.match(["bacteriën", "lever"]) == "gut_liver"


def test_the_more_specific_topic_wins():
    # "huid" alone is nothing; with "microbioom" it is the gut-skin axis, not the microbiome.
    assert faq.match(["microbioom", "en", "huid"]) == "gut_skin"
    assert faq.match(["microbioom"]) == "microbiome"
    # Two groups beat one: magnesium with the liver is the fatty-liver topic.
    assert faq.match(["magnesium"]) == "magnesium"
    assert faq.match(["magnesium", "lever"]) == "fatty_liver"


def test_concepts_in_names_every_group_a_message_touches_even_when_no_topic_matches():
    touched = faq.concepts_in(["mijn", "darmen"])
    assert ("gut_skin", 0) in touched and ("gut_liver", 0) in touched
    assert ("gut_skin", 1) not in touched and faq.match(["mijn", "darmen"]) is None
    assert {("gut_skin", 0), ("gut_skin", 1)} <= faq.concepts_in(["darm-huid-as"])
    assert faq.concepts_in(["het", "weer", "morgen"]) == frozenset()
