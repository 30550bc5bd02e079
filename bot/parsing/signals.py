"""What a message does besides answering: skip, go back, correct, ask why, stop, crisis, English...

Keyword rules, deterministic and testable; the Rasa NLU's intents are a second
opinion that the dialogue consults for paraphrases these rules miss.
"""

from __future__ import annotations

import re

from bot.parsing.text import normalise, similar

CRISIS = "crisis"
STOP = "stop"
PAUSE = "pause"
RESTART = "restart"
HUMAN = "human"
SKIP = "skip"
BACK = "back"
WHY = "why"
MEANING = "meaning"
CORRECTION = "correction"
ENGLISH = "english"
GREETING = "greeting"
RESUME = "resume"
THANKS = "thanks"
DELETE_DATA = "delete_data"

PHRASES = {
    CRISIS: ("zelfmoord", "suicide", "suicidaal", "zelfdoding", "dood willen", "wil dood", "niet meer leven",
             "niet meer willen leven", "wil niet meer leven", "einde aan mijn leven", "mezelf van kant",
             "mezelf iets aandoen", "mezelf wat aandoen", "uit het leven stappen", "er een eind aan maken",
             "er een einde aan maken", "mijn leven beeindigen", "kill myself", "doodgaan wil",
             "er niet meer zijn", "niet meer wakker worden", "leven niet meer zitten", "eind aan mijn leven",
             "einde aan mijn leven", "mezelf doden", "mezelf ombrengen"),
    DELETE_DATA: ("verwijder mijn gegevens", "verwijder mijn data", "wis mijn gegevens", "gegevens verwijderen",
                  "gegevens wissen", "mijn gegevens weg"),
    STOP: ("stop", "stoppen", "ik wil stoppen", "hou op", "houd op", "ik stop", "ik kap ermee", "kappen",
           "laat maar", "afbreken", "beeindigen", "ik wil niet verder"),
    PAUSE: ("later verder", "ik kom later terug", "kom later terug", "straks verder", "pauze", "even pauze",
            "ik ga even weg", "morgen verder", "een andere keer verder", "ik moet even weg"),
    RESTART: ("opnieuw beginnen", "begin opnieuw", "opnieuw starten", "start opnieuw", "reset", "alles opnieuw",
              "van voren af aan", "overnieuw"),
    HUMAN: ("medewerker", "een mens", "echt persoon", "echte persoon", "iemand spreken", "iemand bellen",
            "met iemand praten", "contact met de kliniek", "contact opnemen", "telefoonnummer", "bellen met",
            "mens spreken", "persoon spreken", "assistente", "doktersassistent", "de arts spreken"),
    SKIP: ("weet ik niet", "weet niet", "geen idee", "sla over", "overslaan", "skip", "wil ik niet zeggen",
           "zeg ik liever niet", "wil ik liever niet zeggen", "geen antwoord", "weet ik echt niet", "volgende vraag",
           "ik weet het niet", "onbekend", "geen flauw idee", "ik weet het niet meer", "weet het niet"),
    BACK: ("vorige vraag", "ga terug", "terug naar de vorige", "een vraag terug", "ik wil terug", "terug",
           "vorige", "even terug"),
    WHY: ("waarom vraag je dat", "waarom wil je dat weten", "waarom is dat belangrijk", "waarom", "wat heb je daaraan",
          "waar is dat voor nodig", "waarvoor is dat", "waar heb je dat voor nodig"),
    MEANING: ("wat bedoel je", "hoe bedoel je", "wat betekent", "wat is een", "wat is dat", "wat houdt dat in",
              "snap ik niet", "begrijp ik niet", "snap het niet", "begrijp het niet", "wat wordt bedoeld",
              "wat telt als", "telt", "hoe tel ik", "uitleg", "wat is het verschil"),
    CORRECTION: ("nee wacht", "wacht", "ik bedoel", "ik bedoelde", "correctie", "sorry ik bedoel", "oeps", "foutje",
                 "moet zijn", "ik vergis me", "ik heb me vergist", "verbetering", "niet goed ingevuld",
                 "dat klopt niet", "pas aan", "verander"),
    GREETING: ("hallo", "hoi", "hey", "hai", "goedemorgen", "goedemiddag", "goedenavond", "dag", "hallo daar", "hee"),
    RESUME: ("verder", "ga verder", "doorgaan", "ik wil verder", "verdergaan", "ik ben er weer", "weer terug",
             "verder gaan", "hervatten", "ik ben terug"),
    THANKS: ("dank je", "dankjewel", "bedankt", "dank u", "thanks", "top dank", "merci", "fijn dank"),
}  # fmt: skip
# Questions about the topics of the FAQ; the answers live in bot.dialogue.faq.
FAQ_PHRASES = {
    "microbiome": ("wat is het microbioom", "wat is een microbioom", "wat is microbioom", "wat is darmflora",
                   "wat is de darmflora", "wat zijn darmbacterien", "microbioom"),
    "probiotics": ("probiotica", "probiotic", "probiotisch", "probiotische", "goede bacterien slikken"),
    "gut_skin": ("darm huid", "darm-huid", "darmen en huid", "darmen en mijn huid", "huid en darmen",
                 "darmen met mijn huid", "darmen met huid", "huid te maken met", "verband tussen huid"),
    "gut_liver": ("darm lever", "darmen en lever", "darmen en mijn lever", "lever en darmen", "vette lever",
                  "leververvetting", "lever te maken", "mijn lever", "de lever"),
    "magnesium": ("magnesium", "waar zit magnesium", "magnesiumtekort", "magnesium supplement"),
}  # fmt: skip
ENGLISH_WORDS = {
    "the",
    "is",
    "are",
    "what",
    "how",
    "why",
    "you",
    "your",
    "i",
    "my",
    "do",
    "does",
    "don't",
    "dont",
    "can",
    "please",
    "hello",
    "hi",
    "speak",
    "english",
    "yes",
    "no",
    "eat",
    "drink",
    "day",
    "week",
    "this",
    "that",
    "it",
    "have",
    "am",
    "not",
    "about",
    "of",
    "to",
    "a",
    "and",
    "with",
    "would",
    "like",
    "sorry",
    "understand",
}
DUTCH_WORDS = {
    "ik",
    "je",
    "jij",
    "het",
    "de",
    "een",
    "en",
    "niet",
    "wat",
    "hoe",
    "waarom",
    "is",
    "ben",
    "heb",
    "mijn",
    "per",
    "dag",
    "week",
    "keer",
    "geen",
    "wel",
    "ja",
    "nee",
    "van",
    "dat",
    "die",
    "met",
    "voor",
    "op",
    "te",
    "er",
    "zijn",
    "eet",
    "drink",
    "soms",
    "vaak",
    "nooit",
    "glazen",
    "porties",
    "maand",
    "uur",
    "weet",
}


def _plain(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", normalise(text))) + " "


def has_phrase(text: str, phrase: str) -> bool:
    return " " + " ".join(re.findall(r"[a-z0-9]+", normalise(phrase))) + " " in _plain(text)


# Crisis wording with other words in between: "ik wil er gewoon niet meer zijn".
CRISIS_PATTERNS = (
    re.compile(r"\bwil\b.{0,30}\bniet meer (leven|zijn|bestaan)\b"),
    re.compile(r"\b(einde|eind)\b.{0,20}\bmaken\b.{0,20}\bleven\b|\bleven\b.{0,20}\b(einde|eind)\b"),
)


def detect(text: str) -> set:
    """Every signal whose phrase occurs in the message."""
    found = {signal for signal, phrases in PHRASES.items() if any(has_phrase(text, p) for p in phrases)}
    words = _plain(text).split()
    if any(similar(w, "zelfmoord") for w in words) or any(p.search(_plain(text)) for p in CRISIS_PATTERNS):
        found.add(CRISIS)
    if is_english(text):
        found.add(ENGLISH)
    return found


def faq_topic(text: str):
    """The FAQ topic a message asks about, or None."""
    for topic, phrases in FAQ_PHRASES.items():
        if any(has_phrase(text, phrase) for phrase in phrases):
            return topic
    return None


def is_english(text: str) -> bool:
    """A message in English: at least two English function words and no Dutch one."""
    words = re.findall(r"[a-z']+", text.lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    dutch = sum(w in DUTCH_WORDS and w not in ENGLISH_WORDS for w in words)
    return english >= 2 and dutch == 0 and english >= len(words) / 3


def is_short_command(text: str, signal: str) -> bool:
    """The whole message is (about) the command: "stop", "terug", "ga terug", "vorige vraag"."""
    words = _plain(text).split()
    return len(words) <= 4 and any(has_phrase(text, p) for p in PHRASES[signal])


def strip_correction(text: str) -> str:
    """The message without its correction words: "nee wacht, het zijn er vier" -> "het zijn er vier"."""
    plain = normalise(text)
    for phrase in sorted(PHRASES[CORRECTION], key=len, reverse=True):
        plain = re.sub(rf"^\W*(nee\W+)?{re.escape(phrase)}\b\W*", "", plain)
    return plain.strip()
