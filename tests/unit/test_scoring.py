"""The scoring engine against spec section 2 and the worked example of section 3."""

import pytest

from bot.scoring import SCORE_KEYS, booking_kind, compute_scores
from bot.scoring.alcohol import quantity_points
from bot.scoring.magnesium import intake_band
from bot.scoring.microbiome import risk_band
from tests.answers import NO_RISK, WORKED_EXAMPLE, with_answers


def score(base=WORKED_EXAMPLE, **changes):
    return compute_scores(with_answers(base, **changes))


class TestWorkedExample:
    def test_every_figure(self):
        assert compute_scores(WORKED_EXAMPLE) == {
            "audit_c": 6,
            "alcohol_risk": "increased",
            "alcohol_glasses_per_week": 7.5,
            "above_alcohol_advice": True,
            "heavy_drinking": False,
            "pss4": 10,
            "stress_level": "high",
            "short_sleep": True,
            "magnesium_intake_mg": 241,
            "magnesium_ai_mg": 300,
            "magnesium_intake_band": "borderline",
            "mds": 1,
            "mds_complete": False,
            "mds_band": "low",
            "magnesium_risk": "moderate",
            "magnesium_factors": ["ppi", "low_dietary_intake"],
            "microbiome_score": 90,
            "microbiome_risk": "high",
            "microbiome_factors": [
                "low_whole_grain", "low_veg_fruit", "few_fermented", "ultra_processed", "antibiotics", "ppi",
                "no_legumes", "few_nuts", "much_red_meat", "alcohol", "stress", "short_sleep",
            ],
            "skin_concern": "moderate",
            "red_flag": False,
            "unanswered": ["egfr"],
        }  # fmt: skip

    def test_keys_in_spec_order(self):
        assert list(compute_scores(WORKED_EXAMPLE)) == list(SCORE_KEYS)

    def test_booking_kind(self):
        assert booking_kind(WORKED_EXAMPLE, compute_scores(WORKED_EXAMPLE)) == "skincare_consult"


class TestAuditC:
    @pytest.mark.parametrize(
        "glasses, points",
        [(1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 2), (7, 3), (9, 3), (10, 4), (50, 4)],
    )
    def test_quantity_bands(self, glasses, points):
        assert quantity_points(glasses) == points
        # 2_3_per_week = 3 points, binge never = 0.
        assert score(audit_c_quantity=glasses, audit_c_binge="never")["audit_c"] == 3 + points

    @pytest.mark.parametrize(
        "frequency, binge, total",
        [("monthly_or_less", "never", 1), ("2_4_per_month", "less_than_monthly", 3),
         ("4_plus_per_week", "daily_or_almost", 8), ("2_3_per_week", "weekly", 6)],
    )  # fmt: skip
    def test_frequency_and_binge_points(self, frequency, binge, total):
        assert score(audit_c_frequency=frequency, audit_c_quantity=1, audit_c_binge=binge)["audit_c"] == total

    def test_never_scores_zero_and_skips_the_other_two(self):
        scores = score(audit_c_frequency="never", audit_c_quantity=..., audit_c_binge=...)
        assert (scores["audit_c"], scores["alcohol_risk"], scores["alcohol_glasses_per_week"]) == (0, "low", 0.0)
        assert scores["unanswered"] == ["egfr"]

    def test_never_ignores_stale_quantity_and_binge(self):
        scores = score(audit_c_frequency="never", audit_c_quantity=12, audit_c_binge=None)
        assert scores["audit_c"] == 0
        assert scores["alcohol_glasses_per_week"] == 0.0
        assert "audit_c_binge" not in scores["unanswered"]


class TestAlcoholCutoffs:
    # monthly_or_less (1) + quantity 1-2 (0) + binge -> audit_c = 1 + binge points
    @pytest.mark.parametrize(
        "sex, binge, audit, risk",
        [("male", "monthly", 3, "low"), ("male", "weekly", 4, "low"), ("male", "daily_or_almost", 5, "increased"),
         ("female", "monthly", 3, "low"), ("female", "weekly", 4, "increased"),
         ("other", "monthly", 3, "low"), ("other", "weekly", 4, "increased"),
         (None, "monthly", 3, "low"), (None, "weekly", 4, "increased")],
    )  # fmt: skip
    def test_risk_cutoff_per_sex(self, sex, binge, audit, risk):
        scores = score(sex=sex, audit_c_frequency="monthly_or_less", audit_c_quantity=2, audit_c_binge=binge)
        assert (scores["audit_c"], scores["alcohol_risk"]) == (audit, risk)

    @pytest.mark.parametrize(
        "frequency, quantity, weekly, above",
        [("monthly_or_less", 3, 0.8, False),  # 0.75 rounds half up
         ("2_4_per_month", 3, 2.3, False),  # 2.25 rounds half up
         ("4_plus_per_week", 1, 5.5, False),
         ("2_3_per_week", 2, 5.0, False),
         ("2_4_per_month", 9, 6.8, False),
         ("2_4_per_month", 10, 7.5, True),
         ("4_plus_per_week", 2, 11.0, True)],
    )  # fmt: skip
    def test_glasses_per_week_and_advice(self, frequency, quantity, weekly, above):
        scores = score(audit_c_frequency=frequency, audit_c_quantity=quantity)
        assert scores["alcohol_glasses_per_week"] == weekly
        assert scores["above_alcohol_advice"] is above

    @pytest.mark.parametrize(
        "sex, frequency, quantity, heavy",
        [("female", "2_4_per_month", 13, False),  # 9.75 -> 9.8 a week = 1.4 a day: not above 1.4
         ("female", "2_3_per_week", 4, True),  # 10.0 a week = 1.43 a day
         ("other", "2_4_per_month", 13, False),
         ("other", "2_3_per_week", 4, True),
         (None, "2_3_per_week", 4, True),
         ("male", "2_3_per_week", 4, False),
         ("male", "2_4_per_month", 26, False),  # 19.5 a week = 2.79 a day
         ("male", "2_3_per_week", 7, False),  # 17.5 a week = 2.5 a day
         ("male", "2_3_per_week", 8, True),  # 20.0 a week = 2.86 a day
         ("male", "4_plus_per_week", 4, True)],
    )  # fmt: skip
    def test_heavy_drinking_per_sex(self, sex, frequency, quantity, heavy):
        scores = score(sex=sex, audit_c_frequency=frequency, audit_c_quantity=quantity)
        assert scores["heavy_drinking"] is heavy
        assert ("heavy_drinking" in scores["magnesium_factors"]) is heavy


class TestStress:
    @pytest.mark.parametrize(
        "answers, total, level",
        [(("never", "very_often", "very_often", "never"), 0, "low"),
         (("sometimes", "fairly_often", "fairly_often", "almost_never"), 5, "low"),
         (("sometimes", "sometimes", "sometimes", "never"), 6, "moderate"),
         (("fairly_often", "sometimes", "sometimes", "sometimes"), 9, "moderate"),
         (("sometimes", "sometimes", "almost_never", "fairly_often"), 10, "high"),
         (("very_often", "never", "never", "very_often"), 16, "high")],
    )  # fmt: skip
    def test_pss4_bands(self, answers, total, level):
        scores = score(**dict(zip(("pss_1", "pss_2", "pss_3", "pss_4"), answers)))
        assert (scores["pss4"], scores["stress_level"]) == (total, level)
        assert ("stress" in scores["microbiome_factors"]) is (level == "high")

    @pytest.mark.parametrize("hours, short", [(0, True), (6.5, True), (7, False), (16, False)])
    def test_short_sleep(self, hours, short):
        assert score(sleep_hours=hours)["short_sleep"] is short


class TestMagnesium:
    def test_intake_sums_day_and_week_items_and_rounds_half_up(self):
        zero_diet = dict.fromkeys(
            ["veg_fruit_per_day", "whole_grain_per_day", "legumes_per_week", "nuts_per_week",
             "leafy_greens_per_week", "dark_chocolate_per_week", "fermented_per_week"], 0)  # fmt: skip
        assert score(**zero_diet)["magnesium_intake_mg"] == 120
        assert score(**{**zero_diet, "veg_fruit_per_day": 1.5})["magnesium_intake_mg"] == 143  # 142.5
        assert score(**{**zero_diet, "dark_chocolate_per_week": 7})["magnesium_intake_mg"] == 165
        assert score(**{**zero_diet, "nuts_per_week": 7, "whole_grain_per_day": 4})["magnesium_intake_mg"] == 280

    @pytest.mark.parametrize(
        "intake, adequate, band",
        [(224, 300, "low"), (225, 300, "borderline"), (299, 300, "borderline"), (300, 300, "adequate"),
         (262, 350, "low"), (263, 350, "borderline"), (349, 350, "borderline"), (350, 350, "adequate")],
    )  # fmt: skip
    def test_ratio_boundaries(self, intake, adequate, band):
        assert intake_band(intake, adequate) == band

    @pytest.mark.parametrize(
        "veg, legumes, intake, band",
        [(6, 2, 224, "low"), (7, 0, 225, "borderline"), (11, 2, 299, "borderline"), (12, 0, 300, "adequate")],
    )
    def test_ratio_boundaries_end_to_end(self, veg, legumes, intake, band):
        scores = score(
            veg_fruit_per_day=veg, legumes_per_week=legumes, whole_grain_per_day=0, nuts_per_week=0,
            leafy_greens_per_week=0, dark_chocolate_per_week=0, fermented_per_week=0,
        )  # fmt: skip
        assert (scores["magnesium_intake_mg"], scores["magnesium_ai_mg"], scores["magnesium_intake_band"]) == (
            intake, 300, band)  # fmt: skip

    @pytest.mark.parametrize("sex, adequate", [("female", 300), ("male", 350), ("other", 350), (None, 350)])
    def test_adequate_intake_per_sex(self, sex, adequate):
        assert score(sex=sex)["magnesium_ai_mg"] == adequate

    @pytest.mark.parametrize(
        "egfr, mds, complete, factor",
        [(59, 3, True, True), (60, 2, True, True), (89, 2, True, True), (90, 1, True, False),
         (150, 1, True, False), (5, 3, True, True), (None, 1, False, False)],
    )  # fmt: skip
    def test_egfr_boundaries(self, egfr, mds, complete, factor):
        scores = score(egfr=egfr)  # PPI yes gives 1 already
        assert (scores["mds"], scores["mds_complete"]) == (mds, complete)
        assert ("reduced_kidney_function" in scores["magnesium_factors"]) is factor

    def test_egfr_missing_counts_as_unknown(self):
        scores = score(egfr=...)
        assert (scores["mds"], scores["mds_complete"]) == (1, False)
        assert scores["unanswered"] == []

    def test_mds_maximum_and_bands(self):
        heavy = {"sex": "male", "audit_c_frequency": "4_plus_per_week", "audit_c_quantity": 6}
        scores = score(med_diuretic="yes", egfr=30, **heavy)
        assert (scores["mds"], scores["mds_band"]) == (5, "high")
        assert scores["magnesium_factors"] == [
            "diuretic", "ppi", "heavy_drinking", "reduced_kidney_function", "low_dietary_intake"]  # fmt: skip
        assert score(med_diuretic="yes")["mds_band"] == "middle"
        assert score(med_diuretic="yes", egfr=70)["mds_band"] == "high"

    @pytest.mark.parametrize(
        "changes, risk, factors",
        [({"med_ppi": "no", "veg_fruit_per_day": 12}, "low", []),
         ({"med_ppi": "no"}, "moderate", ["low_dietary_intake"]),
         ({"med_ppi": "no", "cond_diabetes_t2": "yes"}, "high", ["low_dietary_intake", "diabetes_t2"]),
         ({"med_ppi": "no", "veg_fruit_per_day": 12, "cond_diabetes_t2": "yes"}, "moderate", ["diabetes_t2"]),
         ({"med_diuretic": "yes", "veg_fruit_per_day": 12}, "moderate", ["diuretic", "ppi"]),
         ({"veg_fruit_per_day": 0, "whole_grain_per_day": 0}, "high", ["ppi", "low_dietary_intake"]),
         ({"med_diuretic": "yes", "egfr": 70, "cond_diabetes_t2": "yes"}, "high",
          ["diuretic", "ppi", "reduced_kidney_function", "low_dietary_intake", "diabetes_t2"])],
    )  # fmt: skip
    def test_magnesium_risk(self, changes, risk, factors):
        scores = score(**changes)
        assert (scores["magnesium_risk"], scores["magnesium_factors"]) == (risk, factors)


class TestMicrobiome:
    def test_no_risk_scores_zero(self):
        scores = compute_scores(NO_RISK)
        assert (scores["microbiome_score"], scores["microbiome_risk"], scores["microbiome_factors"]) == (0, "low", [])

    @pytest.mark.parametrize(
        "score_value, band", [(0, "low"), (24, "low"), (25, "moderate"), (49, "moderate"), (50, "high"), (100, "high")]
    )
    def test_bands(self, score_value, band):
        assert risk_band(score_value) == band

    @pytest.mark.parametrize(
        "changes, total, band",
        [({"whole_grain_per_day": 2, "legumes_per_week": 0.5, "sleep_hours": 6}, 20, "low"),
         ({"whole_grain_per_day": 2, "veg_fruit_per_day": 4.5, "nuts_per_week": 3}, 25, "moderate"),
         ({"med_antibiotics_12m": "two_plus", "med_ppi": "yes", "fermented_per_week": 2.5, "red_meat_per_week": 4},
          45, "moderate"),
         ({"med_antibiotics_12m": "two_plus", "med_ppi": "yes", "ultra_processed_per_day": 2, "fermented_per_week": 0},
          50, "high")],
    )  # fmt: skip
    def test_bands_end_to_end(self, changes, total, band):
        scores = score(NO_RISK, **changes)
        assert (scores["microbiome_score"], scores["microbiome_risk"]) == (total, band)

    @pytest.mark.parametrize(
        "changes, factors",
        [({"whole_grain_per_day": 2.9}, ["low_whole_grain"]),
         ({"veg_fruit_per_day": 4.9}, ["low_veg_fruit"]),
         ({"legumes_per_week": 0}, ["no_legumes"]),
         ({"nuts_per_week": 3}, ["few_nuts"]),
         ({"fermented_per_week": 2}, ["few_fermented"]),
         ({"red_meat_per_week": 4}, ["much_red_meat"]),
         ({"ultra_processed_per_day": 2}, ["ultra_processed"]),
         ({"ultra_processed_per_day": 1.9}, []),
         ({"med_antibiotics_12m": "one_course"}, ["antibiotics"]),
         ({"med_ppi": "yes"}, ["ppi"]),
         ({"audit_c_frequency": "4_plus_per_week", "audit_c_quantity": 2, "audit_c_binge": "never"}, ["alcohol"]),
         ({"sleep_hours": 6.9}, ["short_sleep"])],
    )  # fmt: skip
    def test_each_factor_threshold(self, changes, factors):
        assert score(NO_RISK, **changes)["microbiome_factors"] == factors

    def test_taxa_points_and_cap(self):
        test = {"microbiome_test": "yes", "taxa_high": []}
        assert score(NO_RISK, **test, taxa_low=["Odoribacter", "Coprococcus"])["microbiome_score"] == 10
        three = ["Odoribacter", "Coprococcus", "Faecalibacterium"]
        assert score(NO_RISK, **test, taxa_low=three)["microbiome_score"] == 15
        assert score(NO_RISK, **test, taxa_low=three + ["Oscillospira", "Oscillibacter"])["microbiome_score"] == 15
        # Associated taxa reported low, and protective ones reported high, raise nothing.
        seed = {"taxa_low": ["Streptococcus"], "taxa_high": ["Faecalibacterium"]}
        assert score(NO_RISK, microbiome_test="yes", **seed)["microbiome_score"] == 0
        high = ["Prevotella", "Dorea", "Blautia", "Haemophilus"]
        scores = score(NO_RISK, microbiome_test="yes", taxa_low=["Odoribacter"], taxa_high=high)
        assert scores["microbiome_score"] == 20
        assert scores["microbiome_factors"] == ["taxa_high_associated", "taxa_low_protective"]

    def test_duplicate_taxa_count_once(self):
        scores = score(NO_RISK, microbiome_test="yes", taxa_low=["Odoribacter", "Odoribacter"], taxa_high=[])
        assert scores["microbiome_score"] == 5

    def test_taxa_without_test_are_ignored(self):
        scores = score(NO_RISK, microbiome_test="no", taxa_low=["Odoribacter"], taxa_high=None)
        assert scores["microbiome_score"] == 0
        assert scores["unanswered"] == []

    def test_total_capped_at_100_and_factor_order(self):
        worst = {
            "whole_grain_per_day": 0, "veg_fruit_per_day": 0, "legumes_per_week": 0, "nuts_per_week": 0,
            "fermented_per_week": 0, "red_meat_per_week": 21, "ultra_processed_per_day": 20,
            "med_antibiotics_12m": "two_plus", "med_ppi": "yes",
            "audit_c_frequency": "4_plus_per_week", "audit_c_quantity": 10, "audit_c_binge": "daily_or_almost",
            "pss_1": "very_often", "pss_2": "never", "pss_3": "never", "pss_4": "very_often", "sleep_hours": 4,
            "microbiome_test": "yes", "taxa_low": ["Odoribacter", "Coprococcus", "Oscillibacter"],
            "taxa_high": ["Prevotella", "Enterococcus", "Streptococcus"],
        }  # fmt: skip
        scores = score(NO_RISK, **worst)  # 130 points in all
        assert (scores["microbiome_score"], scores["microbiome_risk"]) == (100, "high")
        assert scores["microbiome_factors"] == [
            "antibiotics", "taxa_low_protective", "taxa_high_associated",
            "low_whole_grain", "low_veg_fruit", "few_fermented", "ultra_processed", "ppi",
            "no_legumes", "few_nuts", "much_red_meat", "alcohol", "stress", "short_sleep",
        ]  # fmt: skip


class TestSkinAndRedFlag:
    @pytest.mark.parametrize(
        "impact, concern", [(0, "mild"), (3, "mild"), (3.5, "moderate"), (4, "moderate"), (6, "moderate"),
                            (7, "severe"), (10, "severe")]
    )  # fmt: skip
    def test_skin_bands(self, impact, concern):
        assert score(skin_impact=impact)["skin_concern"] == concern

    def test_no_complaints(self):
        scores = score(skin_complaints=[], skin_impact=...)
        assert scores["skin_concern"] == "none"
        assert booking_kind({"skin_complaints": []}, scores) == "intake_consult"

    def test_red_flag_books_the_gp_first(self):
        scores = score(red_flags=["black_stool"])
        assert scores["red_flag"] is True
        assert booking_kind(WORKED_EXAMPLE, scores) == "gp_first"


class TestUnanswered:
    def test_listed_in_questionnaire_order(self):
        scores = score(red_flags=None, sleep_hours=None, veg_fruit_per_day=None, sex=None)
        assert scores["unanswered"] == ["sex", "veg_fruit_per_day", "sleep_hours", "egfr", "red_flags"]
        assert scores["short_sleep"] is False
        assert scores["red_flag"] is False
        assert scores["magnesium_intake_mg"] == 196  # 241 without the 45 mg of vegetables and fruit

    def test_unanswered_diet_item_adds_no_risk_points(self):
        scores = score(whole_grain_per_day=None)
        assert scores["microbiome_score"] == 80
        assert "low_whole_grain" not in scores["microbiome_factors"]

    def test_audit_frequency_unanswered(self):
        scores = score(audit_c_frequency=None)
        assert scores["audit_c"] is None
        assert scores["alcohol_risk"] is None
        assert scores["alcohol_glasses_per_week"] is None
        assert scores["above_alcohol_advice"] is False
        assert scores["heavy_drinking"] is False
        assert "alcohol" not in scores["microbiome_factors"]
        assert scores["unanswered"] == ["audit_c_frequency", "egfr"]

    def test_audit_binge_unanswered_keeps_the_glasses(self):
        scores = score(audit_c_binge=None)
        assert (scores["audit_c"], scores["alcohol_risk"]) == (None, None)
        assert (scores["alcohol_glasses_per_week"], scores["above_alcohol_advice"]) == (7.5, True)
        assert scores["unanswered"] == ["audit_c_binge", "egfr"]

    def test_audit_quantity_unanswered(self):
        scores = score(audit_c_quantity=None)
        assert (scores["audit_c"], scores["alcohol_glasses_per_week"], scores["above_alcohol_advice"]) == (
            None, None, False)  # fmt: skip

    def test_pss_item_unanswered(self):
        scores = score(pss_3=None)
        assert (scores["pss4"], scores["stress_level"]) == (None, None)
        assert "stress" not in scores["microbiome_factors"]
        assert scores["unanswered"] == ["pss_3", "egfr"]

    def test_skin_impact_unanswered(self):
        scores = score(skin_impact=None)
        assert scores["skin_concern"] is None
        assert scores["unanswered"] == ["egfr", "skin_impact"]

    def test_skin_complaints_unanswered_skip_the_impact(self):
        scores = score(skin_complaints=None, skin_impact=None)
        assert scores["skin_concern"] is None
        assert scores["unanswered"] == ["egfr", "skin_complaints"]

    def test_branched_items_are_not_listed(self):
        scores = score(skin_complaints=[], skin_impact=None, microbiome_test="no", taxa_low=None, taxa_high=None)
        assert scores["unanswered"] == ["egfr"]

    def test_taxa_unanswered_after_a_test(self):
        scores = score(microbiome_test="yes", taxa_low=None, taxa_high=["Dorea"])
        assert scores["unanswered"] == ["egfr", "taxa_low"]
        assert scores["microbiome_score"] == 95

    def test_missing_items_are_absent_not_unanswered(self):
        scores = compute_scores({"audit_c_frequency": "never"})
        assert scores["unanswered"] == []
        assert scores["pss4"] is None
        assert scores["magnesium_intake_mg"] == 120
