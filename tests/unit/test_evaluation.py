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
