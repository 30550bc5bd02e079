"""Free Dutch answers -> the questionnaire's codes and numbers.

``parse_answer(item_id, text)`` reads the answer to the question being asked.
``extract_facts(text)`` finds facts a user volunteers about other items: a
medicine named anywhere, "vrouw van 40", "ik drink nooit".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Optional

from bot.parsing import lexicon
from bot.parsing.clock import hours_slept
from bot.parsing.quantities import (
    DONT_KNOW,
    PERIOD_DAYS,
    SIMPLE_WORDS,
    WEEKDAYS,
    WEEKS_PER_MONTH,
    parse_quantity,
    parse_rate,
    sum_of_portions,
    word_value,
)
from bot.parsing.text import clause_words, has_phrase, inflected, negated, normalise, plain_words, similar, tokens
from bot.parsing.variants import standardise
from bot.questionnaire import ADULT_AGE, ITEMS_BY_ID, OLDEST_AGE, TAXA
from bot.scoring.arithmetic import round_half_up

# Problems, each with its own Dutch hint in bot.dialogue.
NOT_UNDERSTOOD = "not_understood"
OUT_OF_RANGE = "out_of_range"
UNDER_AGE = "under_age"
VAGUE_FREQUENCY = "vague_frequency"


@dataclass(frozen=True)
class Parsed:
    value: object = None
    problem: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _words(text: str) -> list:
    """The message's words, from the Dutch spaCy tokenizer, lower case without accents."""
    return [t.plain for t in tokens(normalise(text)) if re.match(r"[a-z0-9]", t.plain)]


_has_phrase = has_phrase


def _first_phrase(text: str, table: tuple) -> Optional[str]:
    """The code of the phrase of ``table`` ((phrase, code)) that comes first in ``text`` (the longest at one place),
    leaving out phrases a "niet" negates: "soms ja, niet altijd" is "soms". A bare "niet" that negates a phrase of
    the table is no answer itself ("niet zo vaak, bijna nooit" is "bijna nooit"), nor the "niet" of "weet ik niet"."""
    words = clause_words(text)
    skip = negated(words)
    found = []  # (start, -length, phrase, code)
    for phrase, code in table:
        target = list(plain_words(phrase))
        for i in range(len(words) - len(target) + 1):
            if words[i : i + len(target)] == target:
                found.append((i, -len(target), phrase, code))
    negating = {start for start, _, _, _ in found if start in skip}
    kept = [f for f in found if f[0] not in skip and not (f[2] == "niet" and (any(
        j in negating for j in range(f[0] + 1, f[0] + 5)) or "weet" in words[max(0, f[0] - 2) : f[0]]))]  # fmt: skip
    return min(kept)[3] if kept else None


YES_WORDS = ("ja", "jazeker", "jawel", "zeker", "klopt", "inderdaad", "yes", "jep", "yep", "akkoord", "oke", "ok", "okay",
             "prima", "graag", "goed", "natuurlijk", "uiteraard", "tuurlijk", "absoluut", "exact", "correct", "jup", "yup",
             "joa", "mhm", "uhu", "vanzelfsprekend", "bevestigd", "top")  # fmt: skip
YES_PHRASES = ("ik geef toestemming", "dat mag", "is goed", "doe maar", "in orde", "ga je gang", "van mij mag het")
NO_WORDS = ("nee", "neen", "nope", "niet", "geen", "nooit", "no", "neuh", "nah")
NO_PHRASES = ("liever niet", "ik wil niet", "geen toestemming", "niet akkoord", "ik geef geen")
# Yes words that a following "niet" turns into a no: "absoluut niet", "zeker niet", "dat klopt niet".
INTENSIFIERS = ("zeker", "absoluut", "natuurlijk", "uiteraard", "tuurlijk", "vanzelfsprekend", "klopt", "correct",
                "inderdaad")


YES_EMOJI = ("👍", "✅", "👌")
NO_EMOJI = ("👎", "❌", "🙅")


def parse_yes_no(text: str) -> Optional[str]:
    if text.strip() and all(c in "".join(YES_EMOJI + NO_EMOJI) + " \ufe0f\U0001f3fb\U0001f3fc\U0001f3fd" for c in text.strip()):
        return "yes" if any(e in text for e in YES_EMOJI) else "no"
    words = _words(text)
    if any(_has_phrase(text, phrase) for phrase in NO_PHRASES):
        return "no"
    no_at = next((i for i, w in enumerate(words) if w in NO_WORDS), None)
    yes_at = next((i for i, w in enumerate(words) if (w in YES_WORDS or similar(w, "jazeker")) and not (
        w in INTENSIFIERS and i + 1 < len(words) and words[i + 1] in NO_WORDS)), None)  # fmt: skip
    if no_at is None and yes_at is None:
        if any(_has_phrase(text, phrase) for phrase in YES_PHRASES):
            return "yes"
        return None
    if no_at is None:
        return "yes"
    if yes_at is None:
        return "no"
    return "yes" if yes_at < no_at else "no"


SEX_WORDS = {
    "female": ("vrouw", "vrouwelijk", "dame", "meisje", "meid", "v", "f", "female", "woman"),
    "male": ("man", "mannelijk", "heer", "jongen", "vent", "m", "male"),
    "other": ("anders", "nonbinair", "non", "binair", "x", "nb", "enby", "genderneutraal", "other", "intersekse", "geen"),
}
SEX_PHRASES = (("zeg ik liever niet", "other"), ("wil ik niet zeggen", "other"), ("liever niet", "other"))


def parse_sex(text: str) -> Optional[str]:
    """"vrouw", "ik ben een man", "non-binair"; a negated word does not count ("niet man niet vrouw, anders")."""
    phrase = _first_phrase(text, SEX_PHRASES)
    if phrase:
        return phrase
    words = clause_words(text)
    skip = negated(words, ("niet", "geen"))
    said = [w for i, w in enumerate(words) if i not in skip and w.isalpha()]
    found = {code for word in said for code, ws in SEX_WORDS.items() if word in ws}
    if not found:
        found = {code for w in said for code, ws in SEX_WORDS.items() for t in ws if len(t) >= 5 and similar(w, t)}
    if not found and any(w in ws for i, w in enumerate(words) if i in skip for ws in SEX_WORDS.values()):
        found = {"other"}  # "niet man of vrouw" alone: neither
    return found.pop() if len(found) == 1 else None


FREQUENCY_PHRASES = (
    ("ik drink niet", "never"), ("drink geen alcohol", "never"), ("geen alcohol", "never"), ("helemaal niet", "never"),
    ("nooit", "never"), ("niet", "never"), ("geen", "never"), ("zelden", "monthly_or_less"),
    ("hooguit een keer per maand", "monthly_or_less"), ("minder dan een keer per maand", "monthly_or_less"),
    ("of minder", "monthly_or_less"),
)  # fmt: skip
VAGUE_PHRASES = ("af en toe", "soms", "wel eens", "weleens", "gelegenheid", "sociaal", "feestjes")


def parse_audit_frequency(text: str) -> Parsed:
    rate = parse_rate(text)
    if rate is None:
        code = _first_phrase(text, FREQUENCY_PHRASES)
        if code:
            return Parsed(code)
        if any(_has_phrase(text, phrase) for phrase in VAGUE_PHRASES):
            return Parsed(problem=VAGUE_FREQUENCY)
        return Parsed(problem=NOT_UNDERSTOOD)
    per_month = rate.per_week * WEEKS_PER_MONTH
    if rate.per_week == 0:
        return Parsed("never")
    if per_month <= Fraction(3, 2):
        return Parsed("monthly_or_less")
    if per_month < 6:
        return Parsed("2_4_per_month")
    if rate.per_week < 4:
        return Parsed("2_3_per_week")
    return Parsed("4_plus_per_week")


BINGE_PHRASES = (
    ("minder dan een keer per maand", "less_than_monthly"), ("minder dan 1 keer per maand", "less_than_monthly"),
    ("minder dan maandelijks", "less_than_monthly"), ("een paar keer per jaar", "less_than_monthly"),
    ("zelden", "less_than_monthly"), ("bijna nooit", "less_than_monthly"), ("heel af en toe", "less_than_monthly"),
    ("bijna elke dag", "daily_or_almost"), ("bijna dagelijks", "daily_or_almost"),
    ("nooit", "never"), ("niet", "never"), ("geen", "never"),
)  # fmt: skip


def parse_audit_binge(text: str) -> Parsed:
    code = _first_phrase(text, BINGE_PHRASES[:7])
    if code:
        return Parsed(code)
    rate = parse_rate(text)
    if rate is None:
        code = _first_phrase(text, BINGE_PHRASES[7:])
        return Parsed(code) if code else Parsed(problem=NOT_UNDERSTOOD)
    per_month = rate.per_week * WEEKS_PER_MONTH
    if rate.per_week == 0:
        return Parsed("never")
    if per_month < 1:
        return Parsed("less_than_monthly")
    if rate.per_week < 1:
        return Parsed("monthly")
    if rate.per_week < 5:
        return Parsed("weekly")
    return Parsed("daily_or_almost")


PSS_PHRASES = (
    ("heel vaak", "very_often"), ("zeer vaak", "very_often"), ("erg vaak", "very_often"), ("heel erg vaak", "very_often"),
    ("bijna altijd", "very_often"), ("altijd", "very_often"), ("constant", "very_often"), ("voortdurend", "very_often"),
    ("de hele tijd", "very_often"), ("bijna nooit", "almost_never"), ("haast nooit", "almost_never"),
    ("zelden", "almost_never"), ("nauwelijks", "almost_never"), ("amper", "almost_never"),
    ("redelijk vaak", "fairly_often"), ("best vaak", "fairly_often"), ("vrij vaak", "fairly_often"),
    ("regelmatig", "fairly_often"), ("geregeld", "fairly_often"), ("dikwijls", "fairly_often"), ("vaak", "fairly_often"),
    ("soms", "sometimes"), ("af en toe", "sometimes"), ("wel eens", "sometimes"), ("weleens", "sometimes"),
    ("nu en dan", "sometimes"), ("helemaal niet", "never"), ("nooit", "never"), ("niet", "never"),
)  # fmt: skip


def parse_pss(text: str) -> Parsed:
    code = _first_phrase(text, PSS_PHRASES)
    if code is None:
        # small typos: "vaakk", "nooot", "soms" misspelt
        for word in _words(text):
            for phrase, candidate in PSS_PHRASES:
                if " " not in phrase and len(phrase) >= 4 and word != phrase and similar(word, phrase):
                    code = candidate
                    break
            if code:
                break
    return Parsed(code) if code else Parsed(problem=NOT_UNDERSTOOD)


MEDICINES = {
    "med_ppi": ("omeprazol", "esomeprazol", "pantoprazol", "lansoprazol", "rabeprazol", "maagzuurremmer",
                "maagzuurremmers", "maagbeschermer", "nexium", "losec", "pantozol", "pariet", "zoton"),
    "med_diuretic": ("hydrochloorthiazide", "chloortalidon", "indapamide", "furosemide", "bumetanide", "plaspil",
                     "plaspillen", "lasix", "burinex", "diureticum", "diuretica", "hctz"),
    "med_antibiotics_12m": ("doxycycline", "minocycline", "doxy", "mino"),
}  # fmt: skip
NEGATIONS = ("geen", "niet", "nooit", "gestopt", "stopt", "niets")


# Answers right after a name that deny it: "plaspillen? nee, nooit gehad", "omeprazol niet".
DENYING_VERBS = ("gehad", "gebruikt", "genomen", "geslikt", "gekregen")


def _mentions(words: list, names: tuple) -> Optional[bool]:
    """True when a name is mentioned, False when mentioned after a negation or denied right after it, None when
    not at all."""
    for i, word in enumerate(words):
        stem = word[:-1] if word.endswith("e") and len(word) > 8 else word  # "omeprazole"
        candidates = [name for name in names if len(name) >= 5 or word == name]
        whole = any(similar(stem, name) or similar(word, name) for name in candidates)
        joined = _joined_with_next(words, i)  # "panto prazol": a name that speech-to-text split in two
        split = not whole and bool(joined) and any(similar(joined, name) for name in candidates)
        if whole or split:
            after = words[i + 2 if split else i + 1 : i + 4 if split else i + 3]
            denied = after[:1] in (["nee"], ["nooit"]) or (after[:1] == ["niet"] and (
                len(after) == 1 or after[1] in DENYING_VERBS))  # fmt: skip
            negated = any(w in NEGATIONS for w in words[max(0, i - 3) : i]) or "meer" in after or denied
            return not negated
    return None


def _joined_with_next(words: list, i: int) -> str:
    """The word joined with the next one, when both are words of three letters or more ("furo semide"), else ""."""
    if i + 1 < len(words) and len(words[i]) >= 3 and len(words[i + 1]) >= 3 and words[i + 1].isalpha():
        return words[i] + words[i + 1]
    return ""


def medicine_facts(text: str) -> dict:
    """Medicines named anywhere: "ik slik pantoprazol" -> med_ppi yes; "geen plaspil" -> med_diuretic no."""
    words = _words(text)
    facts = {}
    for item_id in ("med_ppi", "med_diuretic"):
        mentioned = _mentions(words, MEDICINES[item_id])
        if mentioned is not None:
            facts[item_id] = "yes" if mentioned else "no"
    if _mentions(words, MEDICINES["med_antibiotics_12m"]):
        facts["med_antibiotics_12m"] = "two_plus"  # long-term acne antibiotics count as two_plus (spec)
    return facts


def parse_medicine(item_id: str, text: str) -> Parsed:
    facts = medicine_facts(text)
    if item_id in facts:
        return Parsed(facts[item_id])
    answer = parse_yes_no(text)
    return Parsed(answer) if answer else Parsed(problem=NOT_UNDERSTOOD)


ANTIBIOTICS_PHRASES = (
    ("langdurig", "two_plus"), ("meerdere", "two_plus"), ("vaker", "two_plus"), ("een paar", "two_plus"),
    ("een kuur", "one_course"), ("een keer", "one_course"), ("eenmaal", "one_course"), ("eentje", "one_course"),
    ("kuren", "two_plus"), ("kuur", "one_course"), ("kuurtje", "one_course"),
    ("geen", "none"), ("nee", "none"), ("niet", "none"), ("nooit", "none"),
)  # fmt: skip


def parse_antibiotics(text: str) -> Parsed:
    if medicine_facts(text).get("med_antibiotics_12m"):
        return Parsed("two_plus")
    quantity = parse_quantity(text)
    if quantity is not None and not _has_phrase(text, "een kuur") and not _has_phrase(text, "een keer"):
        return Parsed("none" if quantity == 0 else "one_course" if quantity < 2 else "two_plus")
    code = _first_phrase(text, ANTIBIOTICS_PHRASES)
    if code is None and parse_yes_no(text) == "yes":
        return Parsed("one_course") if quantity == 1 else Parsed(problem=NOT_UNDERSTOOD)
    return Parsed(code) if code else Parsed(problem=NOT_UNDERSTOOD)


def parse_diabetes(text: str) -> Parsed:
    words = _words(text)
    if "1" in words or "een" in words and "type" in words:
        return Parsed("no")  # type 1 is not type 2
    answer = parse_yes_no(text)
    if answer is None and ("2" in words or "twee" in words or "suikerziekte" in words or "diabetes" in words):
        answer = "yes"
    return Parsed(answer) if answer else Parsed(problem=NOT_UNDERSTOOD)


# Words for each skin complaint code (the results have their own SKIN_IMPACT_WORDS for the impact bands).
SKIN_COMPLAINT_WORDS = {
    "acne": ("acne", "puistjes", "puistje", "puist", "puisten", "pukkels", "pukkel", "meeeters", "mee-eters",
             "ontstekingen"),
    "rosacea": ("rosacea", "couperose", "roodheid", "rood", "rode", "blozen"),
    "eczema": ("eczeem", "dauwworm", "jeuk", "eczema", "constitutioneel"),
    "psoriasis": ("psoriasis", "schilfers", "schilferplekken"),
    "ageing": ("rimpels", "rimpeltjes", "lijntjes", "veroudering", "verslapping", "slappe", "ouder"),
    "dry_dull": ("droog", "droge", "dof", "doffe", "vaal", "vale", "trekkerig"),
    "pigmentation": ("pigment", "vlekken", "vlekjes", "melasma"),
}  # fmt: skip
RED_FLAG_PHRASES = {
    "blood_in_stool": ("bloed bij de ontlasting", "bloed in de ontlasting", "bloed in mijn ontlasting", "bloed in mijn poep",
                       "bloed bij mijn ontlasting", "bloed in de poep", "bloed op het toiletpapier", "bloedverlies",
                       "bloed uit mijn anus", "bloederige ontlasting", "bloed bij het poepen"),
    "black_stool": ("zwarte ontlasting", "zwarte poep", "teerachtige ontlasting", "pikzwarte"),
    "unexplained_weight_loss": ("afvallen zonder", "afgevallen zonder", "onverklaard gewichtsverlies",
                                "gewichtsverlies", "kilo afgevallen", "kilo kwijt", "val af zonder", "vermagerd"),
    "persistent_vomiting": ("blijven overgeven", "blijf overgeven", "blijf maar overgeven", "steeds overgeven",
                            "vaak overgeven", "blijven braken", "aanhoudend braken", "steeds braken", "overgeven"),
    "difficulty_swallowing": ("moeite met slikken", "slikproblemen", "slikklachten", "pijn bij het slikken",
                              "kan niet goed slikken", "eten blijft steken", "moeilijk slikken"),
    "jaundice": ("geelzucht", "gele ogen", "gele huid", "geel zien", "gele oogwit"),
    "severe_abdominal_pain": ("hevige buikpijn", "heftige buikpijn", "ernstige buikpijn", "erge buikpijn",
                              "veel pijn in mijn buik", "hevige pijn in mijn buik", "ondraaglijke buikpijn"),
}  # fmt: skip
# In answer to the red-flag question itself, plainer words count too.
RED_FLAG_WORDS = {
    "blood_in_stool": ("bloed",),
    "black_stool": ("zwart", "zwarte"),
    "unexplained_weight_loss": ("afvallen", "afgevallen", "gewicht"),
    "persistent_vomiting": ("overgeven", "braken", "spugen", "kotsen"),
    "difficulty_swallowing": ("slikken",),
    "jaundice": ("geel", "gele"),
    "severe_abdominal_pain": ("buikpijn",),
}
NONE_PHRASES = ("geen", "nee", "niks", "niets", "geen van", "nergens", "geen klachten", "helemaal niet", "niet")


LIST_NEGATORS = ("niet", "geen", "nooit", "zonder")


def _said_words(text: str) -> tuple:
    """The words of a list answer that no "geen", "niet" or "zonder" negates, each with its lemma, its compound
    head ("pigmentvlekken" -> "vlekken") and, for words a speech-to-text split, the word joined with the next
    ("rosa sea" -> "rosasea")."""
    words = clause_words(text)
    skip = negated(words, LIST_NEGATORS)
    lemmas = {t.plain: t.lemma for t in tokens(normalise(text))}
    said = []
    for i, word in enumerate(words):
        if i in skip or not word.isalpha():
            continue
        said += [word, lemmas.get(word, word), lexicon.compound_head(word)]
        if i + 1 < len(words) and i + 1 not in skip and words[i + 1].isalpha() and len(word) >= 3:
            said.append(word + words[i + 1])
    return tuple(dict.fromkeys(said))


def _phrase_said(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` and no "geen"/"niet" negates it ("geen bloed in de ontlasting")."""
    words = clause_words(text)
    skip = negated(words, LIST_NEGATORS)
    target = list(plain_words(phrase))
    return any(words[i : i + len(target)] == target and i not in skip for i in range(len(words) - len(target) + 1))


def _word_said(said: tuple, term: str) -> bool:
    if len(term) < 5:
        return term in said
    return any(w == term or similar(w, term) or inflected(w, term) for w in said)


def _codes_in(text: str, table: dict, phrases: bool) -> list:
    said = _said_words(text)
    found = []
    for code, terms in table.items():
        for term in terms:
            hit = _phrase_said(text, term) if phrases or " " in term else _word_said(said, term)
            if hit:
                found.append(code)
                break
    return found


def _negated_everywhere(text: str) -> bool:
    words = _words(text)
    return bool(words) and (words[0] in ("geen", "nee", "niks", "niets", "nergens") or _has_phrase(text, "geen van"))


def _code_list(item_id: str, text: str, found: list) -> Parsed:
    found += [code for code in label_codes(item_id, text) if code not in found]
    if found and not (_negated_everywhere(text) and len(_words(text)) <= 3):
        order = ITEMS_BY_ID[item_id].codes
        return Parsed(sorted(set(found), key=order.index))
    heads = " ".join(lexicon.compound_head(w) for w in plain_words(text))  # "geen huidklachten": "geen klachten"
    if any(_has_phrase(text, phrase) for phrase in DONT_KNOW):
        return Parsed(problem=NOT_UNDERSTOOD)  # "geen idee" is no empty list
    if any(_has_phrase(text, phrase) or _has_phrase(heads, phrase) for phrase in NONE_PHRASES):
        return Parsed([])
    return Parsed(problem=NOT_UNDERSTOOD)


def parse_skin_list(item_id: str, text: str) -> Parsed:
    return _code_list(item_id, text, _codes_in(text, SKIN_COMPLAINT_WORDS, phrases=False))


def parse_taxa_list(item_id: str, text: str) -> Parsed:
    return _code_list(item_id, text, taxa_in(text))


def parse_red_flag_list(item_id: str, text: str) -> Parsed:
    """Every sign named, by its phrase or, in answer to this question, by its plainer word ("bloed in poep + moeite
    met slikken" names two)."""
    found = _codes_in(text, RED_FLAG_PHRASES, phrases=True)
    found += [code for code in _codes_in(text, RED_FLAG_WORDS, phrases=False) if code not in found]
    return _code_list(item_id, text, found)


def red_flag_facts(text: str) -> list:
    """Red flags named anywhere in the conversation (clear phrases only)."""
    return _codes_in(text, RED_FLAG_PHRASES, phrases=True)


def taxa_in(text: str) -> list:
    """Taxa named in the text, matched leniently: case, small typos, a clear start of the name."""
    found = []
    words = _words(text)
    for i, word in enumerate(words):
        if len(word) < 4:
            continue
        joined = _joined_with_next(words, i)  # "prevo tella": a name that speech-to-text split in two
        for taxon in TAXA:
            name = taxon.lower()
            if similar(word, name) or (len(word) >= 6 and name.startswith(word)) or (joined and similar(joined, name)):
                if taxon not in found:
                    found.append(taxon)
                break
    return sorted(found, key=TAXA.index)


def label_codes(item_id: str, text: str) -> list:
    """Codes whose Dutch button label is the whole message (what a button sends)."""
    labels = ITEMS_BY_ID[item_id].labels
    return [code for code, label in labels.items() if normalise(text) == normalise(label)]


# Units written after a number that are not part of the answer: "eGFR 72 ml/min/1.73m2".
UNIT_TAILS = re.compile(r"\b(ml\s*/\s*min(\s*/\s*1[.,]73\s*m2?)?|mmol\s*/\s*l|1[.,]73\s*m2?)\b|\beGFR\b", re.I)
# "10, het beheerst echt mijn leven": a number first, then a remark.
NUMBER_THEN_REMARK = re.compile(
    r"^\s*(?:een\s+|zo'?n\s+|ongeveer\s+)?(\d+(?:[.,]\d+)?)\s*(?:uur|keer|glazen|porties|stuks|handjes|of\s*zo|ongeveer|"
    r"denk\s+ik|misschien)?\s*[,.;:!-]\s+\D"
)
GLASSES_PER_BOTTLE = 7  # a 75 cl bottle of wine holds about 7 standard glasses
SLEEP_ITEM = "sleep_hours"  # also read from the times of going to bed and getting up (bot.parsing.clock)


def _quantity(text: str) -> Optional[Fraction]:
    value = parse_quantity(UNIT_TAILS.sub(" ", text))
    if value is None:
        lead = NUMBER_THEN_REMARK.match(text)
        value = parse_quantity(lead.group(1)) if lead else None
    return value


def parse_drinks(item_id: str, text: str) -> Parsed:
    """Glasses on a drinking day; a bottle of wine counts as GLASSES_PER_BOTTLE glasses."""
    if _has_phrase(text, "fles"):
        bottles = parse_quantity(text.replace("fles", "")) or 1
        return _in_range(item_id, bottles * GLASSES_PER_BOTTLE)
    return parse_number(item_id, text)


# "7/10", "7 op 10", "een 7 uit 10", "zes op een schaal van tien": a mark on the item's own scale.
ON_SCALE = re.compile(r"\s*(?:/|op|uit|van\s+de|van)\s*(?:een\s+schaal\s+van\s+(?:(?:0|nul)\s+tot\s+)?)?(\d+|tien)\b")


def _on_scale(text: str, maximum) -> Optional[Fraction]:
    plain = normalise(text)
    match = ON_SCALE.search(plain)
    if not match or maximum is None or parse_quantity(match.group(1)) != maximum:
        return None
    return parse_quantity(plain[: match.start()])


def parse_number(item_id: str, text: str) -> Parsed:
    """A number for the item: a frequency converted into its period, portions of several foods added up ("twee
    fruit en een groente" is 3), a mark on its scale ("7/10")."""
    it = ITEMS_BY_ID[item_id]
    value: Optional[Fraction] = _on_scale(text, it.maximum)
    if item_id == SLEEP_ITEM and value is None:
        value = hours_slept(text)  # "ik ga om elf uur slapen en sta om half zeven op": 7.5
    if it.period and value is None:
        rate = parse_rate(text, portions=True)
        if rate is not None and not _in_range(item_id, _per_period(it, rate)).ok:
            # a count that makes the rate impossible restates it: "bijna elke dag, zes keer" is 6 a week, not 36
            rate = parse_rate(text, portions=True, multiply=False)
        if rate is not None:
            value = _per_period(it, rate)
        else:
            value = sum_of_portions(UNIT_TAILS.sub(" ", text))
    if value is None:
        value = _quantity(text)
    if value is None:
        return Parsed(problem=NOT_UNDERSTOOD)
    return _in_range(item_id, value)


def _per_period(it, rate) -> Fraction:
    return rate.per_week if it.period == "week" else rate.per_week / 7


def _in_range(item_id: str, value: Fraction) -> Parsed:
    it = ITEMS_BY_ID[item_id]
    if it.minimum == ADULT_AGE and it.integer and value < it.minimum:
        return Parsed(value=int(value), problem=UNDER_AGE)
    value = round_half_up(value, 0 if it.integer else 1)
    if not it.minimum <= value <= it.maximum:
        return Parsed(value=float(value), problem=OUT_OF_RANGE)
    return Parsed(int(value) if value.denominator == 1 else float(value))


# Words that conclude an answer, anywhere: "een appel en twee handjes groenten, dus drie", "..., zeg maar twee",
# and the sum of a chat answer: "2 boterhammen + havermout = 3".
CONCLUDING = ("dus", "zeg maar", "zet maar", "noteer maar", "reken maar", "schrijf maar", "in totaal", "alles bij elkaar",
              "alles samen", "al met al", "laten we zeggen", "kortom", "=")  # fmt: skip
# Words that conclude only at the start of a clause: "..., zeg 6", "..., ongeveer 3", "..., samen 4".
CONCLUDING_CLAUSE = ("zeg", "ongeveer", "gemiddeld", "samen", "totaal", "dat is", "dat zijn", "dat maakt")
# Words that correct what came before: "vierenzeventig nee wacht vijfenzeventig", "34, nee sorry, 43", "4 wacht nee 3".
CORRECTING = ("nee wacht", "wacht nee", "wacht", "nee sorry", "sorry nee", "ik bedoel", "ik bedoelde", "of nee",
              "correctie", "oh nee", "o nee", "nee nee")  # fmt: skip
_ANYWHERE = "|".join(re.escape(m) for m in sorted(CONCLUDING + CORRECTING, key=len, reverse=True))
# "zeg 6" concludes, "zeg ik liever niet" is the verb with its subject: no conclusion.
_CLAUSE = "|".join(re.escape(m) + (r"(?!\s+(?:ik|je|jij|u|het|dat|ze|we|wij)\b)" if m == "zeg" else "")
                   for m in sorted(CONCLUDING_CLAUSE, key=len, reverse=True))  # fmt: skip
MARKER = re.compile(rf"(?:^|(?<=[\s,;:.!?]))(?:{_ANYWHERE})(?=$|[\s,;:.!?])|(?:^|[,;:.!?]\s*)(?:{_CLAUSE})(?=$|[\s,;:.!?])")


def conclusion(text: str) -> Optional[str]:
    """What follows the last conclusion or correction ("1 appel en wat groente, dus 2" -> "2", "4 wacht nee 3" ->
    "3"), or None."""
    plain = normalise(standardise(text))
    markers = list(MARKER.finditer(plain))
    tail = plain[markers[-1].end() :].strip(" ,.;:!") if markers else ""
    if markers and not tail:  # "bijna 50, 49 dus", "..., dus twee in totaal": what the last marker closes
        start = markers[-2].end() if len(markers) >= 2 else 0
        tail = re.split(r"[,;:.!?]", plain[start : markers[-1].start()].strip(" ,.;:!"))[-1].strip()
    return tail or None


def parse_answer(item_id: str, text: str) -> Parsed:
    """The answer to ``item_id`` in ``text``, or the problem that stops us reading it.

    The text is read in standard Dutch (bot.parsing.variants) with its typos corrected (bot.parsing.lexicon).
    What follows a conclusion or a correction wins over what comes before it.
    """
    text = answer_text(text)
    tail = conclusion(text)
    if tail is not None:
        parsed = _parse_answer(item_id, tail)
        if parsed.ok:
            return parsed
    return _said_again(item_id, text) or _parse_answer(item_id, text)


# A bare "nee" between two answers corrects the first, as people say it (and dictate it, without commas): "drie nee
# vier glazen", "een keer nee twee keer". Not at the start of the message, where "nee" is the answer itself.
BARE_NO = re.compile(r"(?<=\w)[\s,;.]+nee[\s,;.!]+(?=\w)")


def _said_again(item_id: str, text: str) -> Optional[Parsed]:
    """The answer after a bare "nee", when the words before it are an answer too and a different one."""
    plain = normalise(text)
    found = list(BARE_NO.finditer(plain))
    if not found:
        return None
    before, after = plain[: found[-1].start()], plain[found[-1].end() :]
    first, second = _parse_answer(item_id, before), _parse_answer(item_id, after)
    return second if first.ok and second.ok and first.value != second.value else None


def answer_text(text: str) -> str:
    """``text`` in standard Dutch, each word that is no word at all corrected into the common word or the term of
    the readers' tables one letter away ("nooti" -> "nooit", "panotprazol" -> "pantoprazol")."""
    return re.sub(r"[^\W\d_]{5,}", lambda m: _correct(m.group()), standardise(text))


@lru_cache(maxsize=8192)
def _correct(word: str) -> str:
    plain = normalise(word)
    if word_value(plain) is not None:
        return word  # "tweeendertig", "tweeenhalf": numbers, read by bot.parsing.quantities
    corrected = lexicon.corrected(plain, _terms())
    return word if corrected == plain else corrected


@lru_cache(maxsize=1)
def _terms() -> tuple:
    """Every word the readers look for: never corrected into a Dutch word, and what a typo of it is corrected into."""
    tables = [YES_WORDS, NO_WORDS, INTENSIFIERS, SIMPLE_WORDS, PERIOD_DAYS, WEEKDAYS, TAXA]
    tables += list(SEX_WORDS.values()) + list(MEDICINES.values()) + list(SKIN_COMPLAINT_WORDS.values())
    tables += list(RED_FLAG_WORDS.values())
    phrases = [p for p, _ in SEX_PHRASES + FREQUENCY_PHRASES + BINGE_PHRASES + PSS_PHRASES + ANTIBIOTICS_PHRASES]
    phrases += [p for ps in RED_FLAG_PHRASES.values() for p in ps] + list(VAGUE_PHRASES + NONE_PHRASES)
    words = {normalise(w) for table in tables for w in table} | {w for p in phrases for w in plain_words(p)}
    return tuple(sorted(w for w in words if w.isalpha()))


def _coded(read):
    """A reader of one code: a button's label wins, then ``read(text)``."""

    def reader(item_id: str, text: str) -> Parsed:
        buttons = label_codes(item_id, text)
        if len(buttons) == 1:
            return Parsed(buttons[0])
        parsed = read(item_id, text)
        return parsed if isinstance(parsed, Parsed) else Parsed(parsed) if parsed else Parsed(problem=NOT_UNDERSTOOD)

    return reader


# The readers an item names (bot.questionnaire, Item.reader): item id and text -> Parsed.
READERS = {
    "yes_no": _coded(lambda _item, text: parse_yes_no(text)),
    "sex": _coded(lambda _item, text: parse_sex(text)),
    "audit_frequency": _coded(lambda _item, text: parse_audit_frequency(text)),
    "audit_binge": _coded(lambda _item, text: parse_audit_binge(text)),
    "pss": _coded(lambda _item, text: parse_pss(text)),
    "medicine": _coded(parse_medicine),
    "antibiotics": _coded(lambda _item, text: parse_antibiotics(text)),
    "diabetes": _coded(lambda _item, text: parse_diabetes(text)),
    "number": parse_number,
    "drinks": parse_drinks,
    "skin_list": parse_skin_list,
    "taxa_list": parse_taxa_list,
    "red_flag_list": parse_red_flag_list,
}


def _parse_answer(item_id: str, text: str) -> Parsed:
    return READERS[ITEMS_BY_ID[item_id].reader](item_id, text)


AGE_PATTERN = re.compile(r"\b(\d{2,3})\s*(?:jaar|jr)\b")
SEX_AGE_PATTERN = re.compile(r"\b(vrouw|man)\s+van\s+(\S+)")


def extract_facts(text: str) -> dict:
    """Facts about any item that a message volunteers, beyond the question asked."""
    text = standardise(text)
    facts = medicine_facts(text)
    plain = normalise(text)
    match = SEX_AGE_PATTERN.search(plain)
    if match:
        facts["sex"] = "female" if match.group(1) == "vrouw" else "male"
        age = parse_quantity(match.group(2))
        if age is not None and ADULT_AGE <= age <= OLDEST_AGE and age.denominator == 1:
            facts["age"] = int(age)
    match = AGE_PATTERN.search(plain)
    if match and ADULT_AGE <= int(match.group(1)) <= OLDEST_AGE:
        facts["age"] = int(match.group(1))
    if any(_has_phrase(text, phrase) for phrase in ("ik drink nooit", "ik drink geen alcohol", "ik drink niet")):
        facts["audit_c_frequency"] = "never"
    flags = red_flag_facts(text)
    if flags:
        facts["red_flags"] = flags
    return facts
