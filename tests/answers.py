"""Answer sets shared by the tests."""

# The worked example of spec section 3.
WORKED_EXAMPLE = {
    "consent": "yes",
    "sex": "female",
    "age": 40,
    "veg_fruit_per_day": 3,
    "whole_grain_per_day": 2,
    "legumes_per_week": 0,
    "nuts_per_week": 2,
    "leafy_greens_per_week": 1,
    "dark_chocolate_per_week": 0,
    "fermented_per_week": 1,
    "red_meat_per_week": 4,
    "ultra_processed_per_day": 2,
    "audit_c_frequency": "2_3_per_week",
    "audit_c_quantity": 3,
    "audit_c_binge": "monthly",
    "pss_1": "sometimes",
    "pss_2": "sometimes",
    "pss_3": "almost_never",
    "pss_4": "fairly_often",
    "sleep_hours": 6,
    "med_ppi": "yes",
    "med_diuretic": "no",
    "med_antibiotics_12m": "one_course",
    "cond_diabetes_t2": "no",
    "egfr": None,
    "skin_complaints": ["acne"],
    "skin_impact": 5,
    "microbiome_test": "no",
    "red_flags": [],
}

# Someone who raises no microbiome risk point at all, drinks never, sleeps well.
NO_RISK = {
    "consent": "yes",
    "sex": "male",
    "age": 52,
    "veg_fruit_per_day": 5,
    "whole_grain_per_day": 3,
    "legumes_per_week": 1,
    "nuts_per_week": 4,
    "leafy_greens_per_week": 0,
    "dark_chocolate_per_week": 0,
    "fermented_per_week": 3,
    "red_meat_per_week": 3,
    "ultra_processed_per_day": 1,
    "audit_c_frequency": "never",
    "pss_1": "never",
    "pss_2": "very_often",
    "pss_3": "very_often",
    "pss_4": "never",
    "sleep_hours": 8,
    "med_ppi": "no",
    "med_diuretic": "no",
    "med_antibiotics_12m": "none",
    "cond_diabetes_t2": "no",
    "egfr": 95,
    "skin_complaints": [],
    "microbiome_test": "no",
    "red_flags": [],
}


def with_answers(base: dict, **changes) -> dict:
    """A copy of ``base`` with changes; a change to ``...`` removes the item."""
    answers = dict(base)
    for key, value in changes.items():
        if value is ...:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers
