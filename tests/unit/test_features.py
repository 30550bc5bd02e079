"""bot.parsing.features: what the keyword layer tells the intent classifier, by name and as a vector."""

import pytest

from bot import faq
from bot import questionnaire as q
from bot.parsing import features
from bot.parsing import signals as sig


def test_the_vocabulary_is_fixed_and_covers_every_signal_topic_and_reader():
    assert len(features.NAMES) == len(set(features.NAMES))
    signals = (sig.STOP, sig.PAUSE, sig.BACK, sig.SKIP, sig.WHY, sig.MEANING)
    assert {f"signal:{signal}" for signal in signals} <= set(features.NAMES)
    assert {f"topic:{topic.key}" for topic in faq.TOPICS} <= set(features.NAMES)
    readers = {it.reader for it in q.ITEMS} - {"yes_no"}
    assert {name.split(":")[1] for name in features.NAMES if name.startswith("answer:")} == readers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("wat is de darm-leveras?", {"flag:question", "flag:on_subject", "topic:gut_liver"}),
        ("heeft mijn darm invloed op mijn huid?", {"topic:gut_skin"}),
        ("in welk eten zit veel magnesium", {"flag:question", "topic:magnesium"}),
        ("vorige vraag", {"flag:short", "signal:back"}),
        ("sla over", {"signal:skip"}),
        ("verwijder al mijn gegevens", {"flag:delete_request"}),
        ("omeprazol 20 mg", {"answer:medicine", "flag:digit"}),
        ("twee keer per week", {"answer:audit_frequency"}),
        ("ik wil niet meer leven", {"flag:crisis"}),
        ("uiteraard", {"flag:yes", "flag:short"}),
        ("nee hoor", {"flag:no"}),
        ("is koffie slecht voor mijn darmen", {"flag:subject_question"}),
        ("wanneer speelt Ajax weer", {"flag:offtopic_question"}),
        ("mijn buurman boort al uren", {"flag:offtopic_statement"}),
    ],
)
def test_a_message_has_the_features_the_keyword_layer_reads(text, expected):
    assert expected <= features.features(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("wat voor weer wordt het morgen", {"flag:on_subject", "flag:crisis"}),
        ("wat is de darm-leveras?", {"answer:number", "answer:medicine"}),  # a question is no answer
        ("ik ben doodmoe na het werk", {"flag:crisis"}),
        ("is koffie slecht voor mijn darmen", {"flag:question"}),
    ],
)
def test_a_message_lacks_the_features_that_do_not_hold(text, absent):
    assert not absent & features.features(text)


def test_the_vector_is_the_features_in_vocabulary_order():
    vector = features.vector("vorige vraag")
    assert len(vector) == len(features.NAMES)
    assert {features.NAMES[i] for i, value in enumerate(vector) if value} == features.features("vorige vraag")
    assert features.vector("") == [0.0] * len(features.NAMES)


def test_a_combined_flag_counts_more_than_a_plain_one():
    vector = features.vector("wanneer speelt Ajax weer")
    on = {features.NAMES[i]: value for i, value in enumerate(vector) if value}
    assert on["flag:offtopic_question"] == features.COMBINED_WEIGHT > on["flag:question"] == 1.0
