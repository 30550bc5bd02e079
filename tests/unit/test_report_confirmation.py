"""Confirming an uploaded report's reading: the pure functions, and the turn with the handler hooked in."""

import pytest

from bot.dialogue import report_confirmation as rc
from bot.dialogue.pending import Review
from bot.dialogue.turn import take_turn
from bot.report_reading.reading import Finding, ReportReading, ordered
from bot.scoring import compute_scores
from bot.scoring.microbiome import factor_points
from tests.answers import WORKED_EXAMPLE

READING = ReportReading(
    "pdf",
    ordered([Finding("Odoribacter", "low", "Laag"), Finding("Faecalibacterium", "low", "Verlaagd"),
     Finding("Streptococcus", "low", "Laag"), Finding("Prevotella", "normal", "Normaal"),
     Finding("Dorea", "high", "Verhoogd")]),
    ("Akkermansia muciniphila",),
)  # fmt: skip
BEFORE_TEST = {k: v for k, v in WORKED_EXAMPLE.items() if k not in ("microbiome_test", "red_flags")}


def turn(text, pending, answers=None, requested="microbiome_test"):
    answers = dict(BEFORE_TEST if answers is None else answers)
    return take_turn(answers, list(answers), requested, 0, text, pending=pending)


def texts(outcome):
    return [m.text for m in outcome.messages]


def test_shown_lists_low_and_high_separately_then_normal_and_not_recognised():
    assert rc.shown(READING) == (
        "Dit heb ik in je uitslag gelezen:\n"
        "Laag: Odoribacter, Faecalibacterium en Streptococcus\n"
        "Hoog: Dorea\n"
        "Normaal: Prevotella\n"
        "Niet herkend (telt niet mee): Akkermansia muciniphila"
    )


@pytest.mark.parametrize("text, changes, without_level", [
    ("Dorea was normaal", {"Dorea": "normal"}, ()),
    ("dorea en blautia waren hoog", {"Dorea": "high", "Blautia": "high"}, ()),
    ("Odoribacter was niet laag maar normaal", {"Odoribacter": "normal"}, ()),
    ("streptococcus: normaal, blautia hoog", {"Streptococcus": "normal", "Blautia": "high"}, ()),
    ("Faecalibacterium stond op binnen de norm", {"Faecalibacterium": "normal"}, ()),
    ("0doribacter verhoogd", {"Odoribacter": "high"}, ()),
    ("Dorea klopt niet", {}, ("Dorea",)),
    ("ja dat klopt", {}, ()),
])  # fmt: skip
def test_corrections_in_words(text, changes, without_level):
    assert rc.corrections(text) == (changes, without_level)


def test_a_fresh_upload_is_shown_and_nothing_is_recorded_before_the_yes():
    out = turn(rc.UPLOAD_TEXT, rc.uploaded(READING))
    assert texts(out) == [rc.shown(READING), rc.QUESTION]
    assert out.messages[-1].buttons == rc.CONFIRM_BUTTONS
    assert out.pending == rc.waiting(READING)
    assert out.requested == "microbiome_test"
    assert out.answers == BEFORE_TEST and out.report is None


def test_yes_records_the_test_and_both_lists_and_skips_the_taxa_questions():
    out = turn("ja", rc.waiting(READING))
    assert out.answers["microbiome_test"] == "yes"
    assert out.answers["taxa_low"] == ["Odoribacter", "Faecalibacterium", "Streptococcus"]
    assert out.answers["taxa_high"] == ["Dorea"]
    assert out.requested == "red_flags" and out.pending is None
    assert out.words["taxa_low"] == rc.RECORDED_WORDS
    assert out.report == READING.as_data()
    assert texts(out)[0] == ("Genoteerd uit je uitslag. Laag: Odoribacter, Faecalibacterium en Streptococcus. "
                             "Hoog: Dorea.")
    answers = {**out.answers, "red_flags": []}
    scores = compute_scores(answers)  # two protective taxa low (10 points), one associated taxon high (5)
    points = factor_points(answers, scores)
    assert (points["taxa_low_protective"], points["taxa_high_associated"]) == (10, 5)
    assert scores["microbiome_score"] == min(100, compute_scores(WORKED_EXAMPLE)["microbiome_score"] + 15)


def test_a_correction_in_words_changes_the_reading_and_asks_again():
    out = turn("Dorea was normaal", rc.waiting(READING))
    corrected = rc.reading_of(out.pending)
    assert corrected.levels["Dorea"] == "normal" and corrected.corrected == ("Dorea",)
    assert texts(out)[0].startswith("Aangepast. Dit heb ik in je uitslag gelezen:\n")
    assert "Hoog: geen" in texts(out)[0] and texts(out)[-1] == rc.QUESTION
    assert "microbiome_test" not in out.answers
    confirmed = turn("Ja, dat klopt", out.pending)
    assert confirmed.answers["taxa_high"] == [] and confirmed.answers["taxa_low"] == [
        "Odoribacter", "Faecalibacterium", "Streptococcus"]  # fmt: skip
    assert confirmed.report["corrected"] == ["Dorea"]


def test_a_taxon_without_a_level_gets_asked_for_its_level():
    out = turn("Dorea klopt niet", rc.waiting(READING))
    assert texts(out) == ["Wat stond er bij Dorea: laag, normaal of hoog?"]
    assert out.pending == rc.waiting(READING) and "microbiome_test" not in out.answers


def test_no_asks_what_is_wrong_and_typing_them_drops_the_reading():
    out = turn("nee", rc.waiting(READING))
    assert texts(out) == [rc.WHAT_WRONG] and out.pending == rc.waiting(READING)
    out = turn("Ik typ ze zelf", rc.waiting(READING))
    assert texts(out)[0] == rc.DECLINED and out.pending is None
    assert out.requested == "microbiome_test" and texts(out)[-1].startswith("Vraag ")
    assert "microbiome_test" not in out.answers


def test_stop_during_the_confirmation_stops_and_records_nothing():
    out = turn("stop", rc.waiting(READING))
    assert out.status == "stopped" and out.pending is None and "microbiome_test" not in out.answers


def test_another_message_keeps_waiting_for_the_confirmation():
    out = turn("hmm", rc.waiting(READING))
    assert texts(out) == [rc.STILL_WAITING, rc.QUESTION] and out.pending == rc.waiting(READING)


def test_an_upload_at_the_taxa_question_after_answering_no_test_sets_the_test_to_yes():
    answers = {**BEFORE_TEST, "microbiome_test": "no"}
    out = turn("ja", rc.waiting(READING), answers=answers, requested="red_flags")
    assert out.answers["microbiome_test"] == "yes" and out.answers["taxa_high"] == ["Dorea"]
    assert out.requested == "red_flags"


def test_without_consent_an_upload_records_nothing():
    out = turn(rc.UPLOAD_TEXT, rc.uploaded(READING), answers={}, requested="consent")
    assert texts(out)[0] == rc.NOT_NOW and out.pending is None and out.answers == {}


def test_metadata_round_trip_and_junk_metadata_is_no_reading():
    assert rc.from_metadata(rc.metadata(READING)) == READING
    assert rc.from_metadata({"report_reading": {"findings": [["Nonsense", "low", "x"], ["Dorea", "huge", "x"]]}}) \
        == ReportReading("photo")  # fmt: skip
    assert rc.from_metadata({"report_reading": "x"}) is None and rc.from_metadata(None) is None


def test_an_upload_during_the_review_returns_to_the_review():
    from bot.dialogue import texts as dialogue_texts

    done = dict(WORKED_EXAMPLE)
    declined = turn("Ik typ ze zelf", rc.waiting(READING), answers=done, requested="red_flags")
    assert declined.messages[-1].text == dialogue_texts.REVIEW_QUESTION and declined.answers == done
    confirmed = turn("ja", rc.waiting(READING), answers=done, requested="red_flags")
    assert confirmed.messages[-1].text == dialogue_texts.REVIEW_QUESTION
    assert confirmed.answers["taxa_high"] == ["Dorea"] and confirmed.pending == Review()
