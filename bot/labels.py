"""Dutch words for the questionnaire's codes and items (B1, je-form).

Keys are the codes of ``bot.questionnaire``; a test proves every code has a
label. Used for buttons, summaries, the "why" of each score and reports.
"""

from __future__ import annotations

from fractions import Fraction

CODE_LABELS = {
    "consent": {"yes": "Ja, ik geef toestemming", "no": "Nee, liever niet"},
    "sex": {"female": "vrouw", "male": "man", "other": "anders / zeg ik liever niet"},
    "audit_c_frequency": {
        "never": "nooit",
        "monthly_or_less": "1 keer per maand of minder",
        "2_4_per_month": "2 tot 4 keer per maand",
        "2_3_per_week": "2 tot 3 keer per week",
        "4_plus_per_week": "4 keer per week of vaker",
    },
    "audit_c_binge": {
        "never": "nooit",
        "less_than_monthly": "minder dan 1 keer per maand",
        "monthly": "elke maand",
        "weekly": "elke week",
        "daily_or_almost": "(bijna) elke dag",
    },
    "pss": {
        "never": "nooit",
        "almost_never": "bijna nooit",
        "sometimes": "soms",
        "fairly_often": "vaak",
        "very_often": "heel vaak",
    },
    "yes_no": {"yes": "ja", "no": "nee"},
    "med_antibiotics_12m": {"none": "geen", "one_course": "1 kuur", "two_plus": "2 kuren of meer, of langdurig"},
    "skin_complaints": {
        "acne": "acne (puistjes)",
        "rosacea": "rosacea (rode huid, vooral in het gezicht)",
        "eczema": "eczeem",
        "psoriasis": "psoriasis",
        "ageing": "huidveroudering (lijntjes, verslapping)",
        "dry_dull": "droge of doffe huid",
        "pigmentation": "pigmentvlekken",
    },
    "red_flags": {
        "blood_in_stool": "bloed bij de ontlasting",
        "black_stool": "zwarte ontlasting",
        "unexplained_weight_loss": "afvallen zonder dat je dat wilt",
        "persistent_vomiting": "blijven overgeven",
        "difficulty_swallowing": "moeite met slikken",
        "jaundice": "gele huid of gele ogen",
        "severe_abdominal_pain": "hevige buikpijn",
    },
}

# Which label table an item uses, for items whose codes are not their own table.
LABEL_TABLE_OF = {
    "pss_1": "pss",
    "pss_2": "pss",
    "pss_3": "pss",
    "pss_4": "pss",
    "med_ppi": "yes_no",
    "med_diuretic": "yes_no",
    "cond_diabetes_t2": "yes_no",
    "microbiome_test": "yes_no",
}

# Short Dutch names of the items, as they appear in summaries and reports.
ITEM_NAMES = {
    "consent": "toestemming",
    "sex": "geslacht",
    "age": "leeftijd",
    "veg_fruit_per_day": "groente en fruit (porties per dag)",
    "whole_grain_per_day": "volkoren (porties per dag)",
    "legumes_per_week": "peulvruchten (porties per week)",
    "nuts_per_week": "noten of zaden (handjes per week)",
    "leafy_greens_per_week": "bladgroente (porties per week)",
    "dark_chocolate_per_week": "pure chocolade (stukjes per week)",
    "fermented_per_week": "gefermenteerd eten (porties per week)",
    "red_meat_per_week": "rood of bewerkt vlees (keer per week)",
    "ultra_processed_per_day": "frisdrank, snoep, chips, fastfood of kant-en-klaar (keer per dag)",
    "audit_c_frequency": "hoe vaak je alcohol drinkt",
    "audit_c_quantity": "glazen op een drinkdag",
    "audit_c_binge": "hoe vaak 6 glazen of meer",
    "pss_1": "gevoel geen grip te hebben op belangrijke dingen",
    "pss_2": "vertrouwen dat je je problemen aankunt",
    "pss_3": "gevoel dat het je meezat",
    "pss_4": "gevoel dat de problemen zich opstapelden",
    "sleep_hours": "slaap (uren per nacht)",
    "med_ppi": "maagzuurremmer",
    "med_diuretic": "plaspil",
    "med_antibiotics_12m": "antibioticakuren in het afgelopen jaar",
    "cond_diabetes_t2": "diabetes type 2",
    "egfr": "nierfunctie (eGFR)",
    "skin_complaints": "huidklachten",
    "skin_impact": "hinder van je huid (0 tot 10)",
    "microbiome_test": "ontlastingstest (microbioomtest)",
    "taxa_low": "bacteriën die laag waren",
    "taxa_high": "bacteriën die hoog waren",
    "red_flags": "alarmsignalen",
}


def code_label(item_id: str, code: str) -> str:
    """The Dutch label of one code of an item (taxa are their own names)."""
    if item_id in ("taxa_low", "taxa_high"):
        return code
    return CODE_LABELS[LABEL_TABLE_OF.get(item_id, item_id)][code]


def format_number(value) -> str:
    """A number the Dutch way: 2.5 -> "2,5", 3.0 -> "3", thirds as "1,3"."""
    if isinstance(value, Fraction):
        value = float(value)
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".rstrip("0").replace(".", ",")


def join_dutch(parts) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def answer_label(item_id: str, value) -> str:
    """Any answer as Dutch text: a code's label, a Dutch number, a list joined with "en"."""
    if value is None:
        return "niet beantwoord"
    if isinstance(value, list):
        return join_dutch(code_label(item_id, code) for code in value) if value else "geen"
    if isinstance(value, str):
        return code_label(item_id, value)
    return format_number(value)
