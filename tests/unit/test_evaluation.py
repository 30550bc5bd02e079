from bot.evaluation import Case, Miss, entity_scores, slot_filling


def test_entity_scores_count_a_wrong_value_as_false_positive_and_negative():
    cases = [Case("age", "40", 40), Case("age", "veertig", 40), Case("age", "oud", 70), Case("sex", "vrouw", "female")]
    misses = [Miss(cases[1], 14, True), Miss(cases[2], None, False)]
    report = entity_scores(cases, misses)
    # age: 1 right, 1 wrong value (fp and fn), 1 not filled (fn)
    assert report["age"] == {"precision": 0.5, "recall": 0.3333, "f1-score": 0.4, "support": 3}
    assert report["sex"] == {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 1}
    assert report["micro avg"] == {"precision": 0.6667, "recall": 0.5, "f1-score": 0.5714, "support": 4}


def test_slot_filling_without_nlu_reads_numbers_and_codes():
    cases = [Case("age", "ik ben eenenvijftig", 51), Case("sex", "man", "male"), Case("age", "geen idee", 30)]
    share, misses = slot_filling(cases)
    assert [m.case for m in misses] == [cases[2]]
    assert misses[0].filled and misses[0].got is None  # "geen idee" stores null
    assert share == 2 / 3
    assert entity_scores(cases, misses)["micro avg"]["f1-score"] == 0.6667


def test_the_evaluation_summary_prints_the_figures_of_its_reports(tmp_path):
    import json

    from scripts.evaluation_summary import summary

    (tmp_path / "cv").mkdir()
    fresh = {"question_accuracy": 0.9641, "question_cases": 780}
    second = {"question_accuracy": 0.9782, "question_cases": 780}
    frozen = {"question_accuracy": 0.9123, "question_cases": 745, "fresh": fresh, "second": second}
    (tmp_path / "frozen.json").write_text(json.dumps(frozen))
    cv = {"accuracy": 0.9051, "weighted avg": {"support": 3365, "f1-score": 0.904}}
    (tmp_path / "cv" / "intent_report.json").write_text(json.dumps(cv))
    (tmp_path / "slot_filling.json").write_text(json.dumps({"share": 0.9928, "right_at_first_try": 138, "cases": 139}))
    lines = summary(tmp_path).splitlines()
    assert lines == [
        "first question set (tests/frozen, written and frozen 2026-11-29, a development set since, 745 turns): "
        "before 35.2%, now 91.2%",
        "third question set (tests/frozen3, written and frozen 2026-11-29 at the start of the third round, reported "
        "as development since the fourth, 780 turns): before 91.7%, now 96.4%",
        "second question set (tests/frozen2, frozen 2026-11-29; its misses guided the third round, so a development "
        "set now): before 90.8%, now 97.8%",
        "5-fold cross-validation of data/nlu: 90.5% (3365 examples, weighted F1 0.90)",
        "answers right at the first try: 99.3% (138 of 139)",
    ]


def test_the_evaluation_summary_prints_this_rounds_frozen_sets_before_and_now(tmp_path):
    import json

    from scripts.evaluation_summary import _frozen_of_this_round

    registers = {"answer_accuracy": 0.947, "request_accuracy": 0.986}
    safety = {"frozen": {"recall": {"suicide": "83/92", "violence": "76/86", "danger": "51/60", "alarm": "122/142"},
                         "suicide_line_false_alarms_everyday": 0.0043}}  # fmt: skip
    (tmp_path / "safety.json").write_text(json.dumps(safety))
    assert _frozen_of_this_round({"registers": registers}, tmp_path) == [
        "four registers (tests/frozen-registers, written and frozen 2026-12-07): answers right at the first try "
        "before 89.0%, now 94.7%; requests before 98.3%, now 98.6%",
        "safety (tests/frozen-safety, written and frozen 2026-12-07): suicide 76/92 -> 83/92; violence 0/86 -> 76/86; "
        "danger 0/60 -> 51/60; alarm 54/142 -> 122/142; suicide-line false alarms on everyday messages 2.6% -> 0.4%",
    ]
