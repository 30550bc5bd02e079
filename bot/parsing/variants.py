"""Flemish, chat and learner variants and the English words Dutch users mix in, rewritten to standard Dutch.

``standardise(text)`` runs before every answer reader (bot.parsing.answers.parse_answer): it replaces the
variants of ``VARIANTS`` (single words and short phrases, matched as whole words, in any case, longest first) by
their standard Dutch, and keeps everything else as it was, punctuation included. Besides the table, four rules
that a table cannot hold, each for one register:

- Flemish 'k before a verb: "kheb", "kzijn", "kslik" -> "ik heb", "ik zijn", "ik slik", when the rest is a common
  Dutch word and the whole is none ("klein", "knie" stay).
- Chat letters drawn out: "jaaa", "nooooit", "heeeel" -> "ja", "nooit", "heel" (down to two, then one letter,
  whichever is a word).
- Chat "k" alone: "k eet geen vlees" -> "ik eet geen vlees"; the whole message "k" is "oke".
- Dictation: "punt" and "komma" said as punctuation become "." and "," ("een glaasje punt niet meer"); between
  two numbers they stay, for bot.parsing.quantities to read "twee komma vijf" as 2.5.

Every entry is a variant of its register, as its speakers write or say it; none is a sentence of a test set.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.parsing.lexicon import is_common, zipf
from bot.parsing.text import strip_accents

FLEMISH = "flemish"  # Belgian Dutch, as written in chats and forms
CHAT = "chat"  # chat spelling and abbreviations
ENGLISH = "english"  # English words mixed into Dutch answers
LEARNER = "learner"  # Dutch as written by learners (A2/B1): calques from other languages
DICTATION = "dictation"  # speech recognition: words as it hears them

# (variant, standard Dutch, register). A standard of "" drops the word: a particle that adds nothing to the answer.
VARIANTS = (
    # --- Flemish: pronouns, clipped words, particles ---
    ("gij", "jij", FLEMISH), ("ge", "je", FLEMISH), ("nie", "niet", FLEMISH), ("ni", "niet", FLEMISH),
    ("smijt", "gooi", FLEMISH), ("smijten", "gooien", FLEMISH), ("gesmeten", "gegooid", FLEMISH),
    ("spuw", "spuug", FLEMISH), ("spuwt", "spuugt", FLEMISH), ("spuwen", "spugen", FLEMISH),
    ("gespuwd", "gespuugd", FLEMISH), ("doet zeer", "doet pijn", FLEMISH), ("deed zeer", "deed pijn", FLEMISH),
    ("neen", "nee", FLEMISH), ("wa", "wat", FLEMISH), ("da", "dat", FLEMISH), ("da's", "dat is", FLEMISH),
    ("'t", "het", FLEMISH), ("tis", "het is", FLEMISH), ("'k", "ik", FLEMISH), ("mijne", "mijn", FLEMISH),
    ("zenne", "", FLEMISH), ("ja ze", "ja", FLEMISH), ("nee ze", "nee", FLEMISH), ("amai", "", FLEMISH),
    ("allez", "", FLEMISH), ("allee", "", FLEMISH), ("awel", "", FLEMISH),
    # --- Flemish: articles ("nen handvol", "ne keer", "gene enkele") ---
    ("nen", "een", FLEMISH), ("ne", "een", FLEMISH), ("ene", "een", FLEMISH), ("gene", "geen", FLEMISH),
    ("genen", "geen", FLEMISH),
    # --- Flemish: words ---
    ("goesting", "zin", FLEMISH), ("geen gedacht", "geen idee", FLEMISH), ("gene gedacht", "geen idee", FLEMISH),
    ("seffens", "straks", FLEMISH), ("efkes", "even", FLEMISH), ("dikwijls", "vaak", FLEMISH),
    ("zeer", "heel", FLEMISH), ("wreed", "heel", FLEMISH), ("zeker en vast", "zeker", FLEMISH),
    ("veel keren", "vaak", FLEMISH), ("peinzen", "denken", FLEMISH), ("huisdokter", "huisarts", FLEMISH),
    ("hesp", "ham", FLEMISH), ("uurke", "uur", FLEMISH), ("uurkes", "uur", FLEMISH), ("goeie", "goede", FLEMISH),
    ("vrouwke", "vrouw", FLEMISH), ("manneke", "man", FLEMISH),
    ("pint", "glas bier", FLEMISH), ("pintje", "glas bier", FLEMISH), ("pinten", "glazen bier", FLEMISH),
    ("pintjes", "glazen bier", FLEMISH), ("bijkans", "bijna", FLEMISH),
    # --- Flemish: the verb before "gij"/"ge" keeps its -t ("hebt gij", "zijt ge"); standard Dutch drops it ---
    ("hebt gij", "heb jij", FLEMISH), ("hebt ge", "heb je", FLEMISH), ("zijt gij", "ben jij", FLEMISH),
    ("zijt ge", "ben je", FLEMISH), ("kunt gij", "kun jij", FLEMISH), ("kunt ge", "kun je", FLEMISH),
    # --- learners: calques ("heel veel keer", "meer of minder" = ongeveer, "niet nooit") ---
    ("veel keer", "vaak", LEARNER), ("meer of minder", "ongeveer", LEARNER), ("niet nooit", "nooit", LEARNER),
    # --- dictation: "acht" before a consonant is heard without its t ("ach uur") ---
    ("ach uur", "acht uur", DICTATION), ("ach keer", "acht keer", DICTATION), ("ach glazen", "acht glazen", DICTATION),
    # --- chat: abbreviations and spellings ---
    ("ff", "even", CHAT), ("idk", "weet ik niet", CHAT), ("wrm", "waarom", CHAT), ("mss", "misschien", CHAT),
    ("msch", "misschien", CHAT), ("srry", "sorry", CHAT), ("sry", "sorry", CHAT), ("sws", "sowieso", CHAT),
    ("nvm", "maakt niet uit", CHAT), ("ofz", "of zo", CHAT), ("ofzo", "of zo", CHAT), ("tbh", "", CHAT),
    ("lol", "", CHAT), ("haha", "", CHAT), ("hahaha", "", CHAT), ("btw", "trouwens", CHAT), ("egt", "echt", CHAT),
    ("wss", "waarschijnlijk", CHAT), ("ong", "ongeveer", CHAT), ("ongv", "ongeveer", CHAT),
    ("idd", "inderdaad", CHAT), ("iig", "in ieder geval", CHAT), ("gwn", "gewoon", CHAT), ("tog", "toch", CHAT),
    ("mn", "mijn", CHAT), ("m'n", "mijn", CHAT), ("z'n", "zijn", CHAT), ("nix", "niks", CHAT), ("nx", "niks", CHAT),
    ("pw", "per week", CHAT), ("p/w", "per week", CHAT), ("pd", "per dag", CHAT), ("p/d", "per dag", CHAT),
    ("tnx", "bedankt", CHAT), ("thnx", "bedankt", CHAT), ("tx", "bedankt", CHAT), ("dankje", "dank je", CHAT),
    ("pls", "alsjeblieft", CHAT), ("plz", "alsjeblieft", CHAT), ("okee", "oke", CHAT), ("oki", "oke", CHAT),
    ("okidoki", "oke", CHAT), ("jep", "ja", CHAT), ("jup", "ja", CHAT), ("neej", "nee", CHAT), ("nop", "nee", CHAT),
    ("nah", "nee", CHAT), ("jaja", "ja", CHAT), ("okido", "oke", CHAT),
    ("do u", "do you", CHAT), ("can u", "can you", CHAT), ("r u", "are you", CHAT),  # chat English: "why do u need"
    # --- English: answers, numbers, frequencies ---
    ("yes", "ja", ENGLISH), ("yeah", "ja", ENGLISH), ("yep", "ja", ENGLISH), ("yup", "ja", ENGLISH),
    ("no", "nee", ENGLISH), ("nope", "nee", ENGLISH), ("never", "nooit", ENGLISH), ("none", "geen", ENGLISH),
    ("none of those", "geen van deze", ENGLISH), ("none of these", "geen van deze", ENGLISH),
    ("none of them", "geen van deze", ENGLISH), ("no clue", "geen idee", ENGLISH), ("no idea", "geen idee", ENGLISH),
    ("dunno", "weet ik niet", ENGLISH), ("sure", "zeker", ENGLISH), ("i don't know", "weet ik niet", ENGLISH),
    ("i dont know", "weet ik niet", ENGLISH), ("maybe", "misschien", ENGLISH), ("wait", "wacht", ENGLISH),
    ("i mean", "ik bedoel", ENGLISH), ("like", "", ENGLISH), ("and", "en", ENGLISH), ("or", "of", ENGLISH),
    ("about", "ongeveer", ENGLISH), ("around", "ongeveer", ENGLISH), ("or so", "of zo", ENGLISH),
    ("zero", "nul", ENGLISH), ("one", "een", ENGLISH), ("two", "twee", ENGLISH), ("three", "drie", ENGLISH),
    ("four", "vier", ENGLISH), ("five", "vijf", ENGLISH), ("six", "zes", ENGLISH), ("seven", "zeven", ENGLISH),
    ("eight", "acht", ENGLISH), ("nine", "negen", ENGLISH),
    ("every day", "elke dag", ENGLISH), ("everyday", "elke dag", ENGLISH), ("every week", "elke week", ENGLISH),
    ("every night", "elke nacht", ENGLISH), ("every weekend", "elk weekend", ENGLISH),
    ("every morning", "elke ochtend", ENGLISH), ("every evening", "elke avond", ENGLISH),
    ("weekends", "in het weekend", ENGLISH), ("only", "alleen", ENGLISH),
    ("daily", "dagelijks", ENGLISH), ("weekly", "wekelijks", ENGLISH), ("monthly", "maandelijks", ENGLISH),
    ("yearly", "jaarlijks", ENGLISH), ("all the time", "de hele tijd", ENGLISH), ("once", "een keer", ENGLISH),
    ("twice", "twee keer", ENGLISH), ("times", "keer", ENGLISH), ("a day", "per dag", ENGLISH),
    ("per day", "per dag", ENGLISH), ("a week", "per week", ENGLISH), ("a month", "per maand", ENGLISH),
    ("a year", "per jaar", ENGLISH), ("sometimes", "soms", ENGLISH), ("often", "vaak", ENGLISH),
    ("very often", "heel vaak", ENGLISH), ("always", "altijd", ENGLISH), ("rarely", "zelden", ENGLISH),
    ("seldom", "zelden", ENGLISH), ("almost never", "bijna nooit", ENGLISH), ("hardly ever", "bijna nooit", ENGLISH),
    ("not really", "niet echt", ENGLISH),
    # --- English: who, age, amounts, skin ---
    ("male", "man", ENGLISH), ("female", "vrouw", ENGLISH), ("non-binary", "non-binair", ENGLISH),
    ("nonbinary", "non-binair", ENGLISH), ("my age is", "ik ben", ENGLISH), ("i am", "ik ben", ENGLISH),
    ("i'm", "ik ben", ENGLISH), ("im", "ik ben", ENGLISH), ("guy", "man", ENGLISH), ("years old", "jaar", ENGLISH), ("years", "jaar", ENGLISH), ("hour", "uur", ENGLISH),
    ("hours", "uur", ENGLISH), ("glass", "glas", ENGLISH), ("glasses", "glazen", ENGLISH),
    ("beers", "glazen bier", ENGLISH), ("skin", "huid", ENGLISH), ("dry skin", "droge huid", ENGLISH),
    ("wrinkles", "rimpels", ENGLISH), ("pimples", "puistjes", ENGLISH), ("redness", "roodheid", ENGLISH),
    # --- English: the body and its complaints (read by the safety reader, bot.parsing.safety) ---
    ("my", "mijn", ENGLISH), ("since", "sinds", ENGLISH), ("blood", "bloed", ENGLISH), ("bleeding", "bloed", ENGLISH),
    ("stool", "ontlasting", ENGLISH), ("stools", "ontlasting", ENGLISH), ("poop", "poep", ENGLISH),
    ("black", "zwart", ENGLISH), ("tar", "teer", ENGLISH), ("yellow", "geel", ENGLISH), ("eyes", "ogen", ENGLISH),
    ("swallow", "slikken", ENGLISH), ("swallowing", "slikken", ENGLISH), ("stuck", "vast", ENGLISH),
    ("throwing up", "overgeven", ENGLISH), ("throw up", "overgeven", ENGLISH), ("vomit", "overgeven", ENGLISH),
    ("vomiting", "overgeven", ENGLISH), ("keep", "blijf", ENGLISH), ("lost", "verloren", ENGLISH),
    ("kilos", "kilo", ENGLISH), ("weight", "gewicht", ENGLISH), ("pain", "pijn", ENGLISH),
    ("stomach", "buik", ENGLISH), ("belly", "buik", ENGLISH), ("food", "eten", ENGLISH), ("throat", "keel", ENGLISH),
    ("without reason", "zonder reden", ENGLISH), ("for no reason", "zonder reden", ENGLISH),
)  # fmt: skip
REGISTERS = (FLEMISH, CHAT, ENGLISH, LEARNER, DICTATION)
MAX_WORDS = 4

# A word: letters, digits, apostrophes, slashes and hyphens inside ("m'n", "p/w", "non-binary", "da's").
WORD = re.compile(r"'?[^\W_]+(?:['/-][^\W_]+)*'?|'[a-z]")


def _key(word: str) -> str:
    return strip_accents(word.lower())


@lru_cache(maxsize=1)
def _table() -> dict:
    """(variant words) -> standard, longest first."""
    table: dict = {}
    for variant, standard, register in VARIANTS:
        assert register in REGISTERS, register
        table[tuple(_key(w) for w in variant.split())] = standard
    return table


def _clitic_k(word: str) -> str:
    """Flemish "kheb" -> "ik heb": a "k" before a common word, when the whole is no common word itself."""
    rest = word[1:]
    if len(word) >= 4 and word[0] == "k" and rest.isalpha() and is_common(rest) and not is_common(word):
        return "ik " + rest
    return word


def _drawn_out(word: str) -> str:
    """"jaaa" -> "ja", "nooooit" -> "nooit": three or more of a letter down to two, or one, whichever is a word."""
    if not re.search(r"([a-z])\1\1", word) or _is_number(word):  # "tweeendertig" is a word
        return word
    two = re.sub(r"([a-z])\1{2,}", r"\1\1", word)
    one = re.sub(r"([a-z])\1{2,}", r"\1", word)
    return max((word, two, one), key=zipf)


DICTATED = {"punt": ".", "komma": ","}


def _is_number(word: str) -> bool:
    from bot.parsing.quantities import word_value

    return word[:1].isdigit() or word_value(word) is not None


@lru_cache(maxsize=4096)
def standardise(text: str) -> str:
    """``text`` in standard Dutch: the variants of ``VARIANTS`` and the four rules above applied, the rest kept."""
    table = _table()
    spans = [(m.start(), m.end(), _key(m.group())) for m in WORD.finditer(text)]
    out = []
    last = 0
    i = 0
    dropped = False
    while i < len(spans):
        start, end, word = spans[i]
        replaced = None
        for n in range(min(MAX_WORDS, len(spans) - i), 0, -1):
            # only words that follow each other with nothing but spaces between
            if n > 1 and any(text[spans[j][1] : spans[j + 1][0]].strip() for j in range(i, i + n - 1)):
                continue
            words = tuple(s[2] for s in spans[i : i + n])
            if words in table:
                replaced, end = table[words], spans[i + n - 1][1]
                i += n
                break
        if replaced is None:
            i += 1
            replaced = _word_rule(word, text, spans, i - 1)
            if replaced is None:
                continue  # kept as it was
        out.append(text[last:start])
        out.append(replaced)
        dropped = dropped or replaced in ("", ".", ",")
        last = end
    out.append(text[last:])
    result = "".join(out)
    if dropped:  # no space or comma left dangling: "amai, al 58" -> "al 58", "twee punt" -> "twee."
        result = re.sub(r"[ \t]+([,.!?;:])", r"\1", result)  # "amai , da" -> ", dat"
        result = re.sub(r"([,;:])(\s*[,;:])+", r"\1", result)
        result = re.sub(r"\s{2,}", " ", result).strip(" ,")
    return result


def _word_rule(word: str, text: str, spans: list, i: int):
    """The replacement of one word by the rules that are no table entry, or None to keep it."""
    if word.startswith("k'") and word[2:].isalpha():  # "k'heb"
        return "ik " + word[2:]
    if word == "k":
        return "oke" if len(spans) == 1 else "ik"
    if word in DICTATED:
        before = spans[i - 1][2] if i > 0 else ""
        after = spans[i + 1][2] if i + 1 < len(spans) else ""
        if _is_number(before) and _is_number(after):
            return None  # "twee komma vijf": a decimal, read by bot.parsing.quantities
        if i > 0 and before not in ("een", "het", "dit", "dat", "de", "op", "geen", "elk", "ieder"):
            return DICTATED[word]
        return None
    changed = _drawn_out(word)
    changed = _clitic_k(changed) if changed.isalpha() else changed
    return changed if changed != word else None
