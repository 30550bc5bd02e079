"""The FAQ: one table of topics that the NLU intents, the keyword layer and the replies agree on.

Every topic has a key, its intent is ``faq_<key>`` (``key_of`` reads it back),
a short Dutch answer in this project's own words (facts from the seeds in
``shared/seeds`` and the advice library), the source it names from
``bot.advice.library``, and the concepts that say a message is about it.

A concept is a group of Dutch word stems; a message is about a topic when it
has a word from every group ("darm" + "huid" is the gut-skin topic). A stem
matches a word that contains it, so compounds count ("darmgezondheid",
"darm-leveras", "darmbacterien"). ``match`` only says what a message is
about; whether it is a question at all is for the caller to decide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from bot.advice import library
from bot.labels import join_dutch
from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA
from bot.scoring.magnesium import ADEQUATE_INTAKE_MG
from bot.scoring.microbiome import SCORE_CAP

INTENT_PREFIX = "faq_"


@dataclass(frozen=True)
class Topic:
    key: str
    answer: str
    source: str  # a source of bot.advice.library
    concepts: tuple  # groups (frozensets) of word stems; every group must be present


def _groups(*groups) -> tuple:
    return tuple(frozenset(group) for group in groups)


GUT = {"darm", "buik", "microbio", "bacter", "bakter", "flora", "sibo"}
SKIN = {"huid", "gezicht", "psoria", "dermatitis", "acne", "puist", "pukkel", "rosacea", "eczeem", "eczema", "meeeter",
        "roodheid", "rimpel"}
LIVER = {"lever", "nafld", "mafld", "masld", "steatose"}
FAT = {"vette", "vervet", "vetlever", "nafld", "mafld", "masld", "steatose", "magnes"}
TAXA_STEMS = {name.lower() for name in PROTECTIVE_TAXA + ASSOCIATED_TAXA}
REPORT_VALUES = {"laag", "normaal", "hoog", "beschermend", "geassocieerd", "verbeter", "staat", "staan", "lezen"}
REPORT_VALUES |= TAXA_STEMS
# "Laag" alone is no question about a report: the report words need a second word ("Laag" + "rapport").
REPORT_THINGS = {"test", "rapport", "uitslag", "ontlasting", "stoelgang", "poep", "bacter", "bakter", "beschermend",
                 "geassocieerd"}
REPORT_THINGS |= TAXA_STEMS | {"microbioomtest", "akkermansia", "bifido", "lactobac"}
# Words that are about privacy on their own stand in both groups ("waarvoor geef ik toestemming?").
ON_THEIR_OWN = {"privac", "toestemming", "zorgverzekeraar", "werkgever", "meelez", "server", "toegang", "derden",
                "adverteerder"}
DATA = {"gegeven", "data", "antwoord", "info"} | ON_THEIR_OWN
# What happens to the data, and where it may end up ("bij de verzekering terechtkomen").
DATA_FATE = {"bewaar", "bewar", "opgesla", "opslag", "opsla", "gebeur", "doen", "delen", "gedeeld", "inzien",
             "database", "veilig", "verkoop", "verkop", "gebruiken", "terecht", "verzekering",
             "verzekeraar"} | ON_THEIR_OWN

TOPICS = (
    Topic(
        "microbiome",
        "Je microbioom is het geheel van bacteriën en andere kleine organismen die in en op je lichaam leven, vooral "
        "in je darmen en op je huid. Je darmbacteriën helpen bij je spijsvertering, je afweer en je hormonen. Welke "
        "bacteriën je hebt, hangt onder meer af van wat je eet, van stress en slaap, en van medicijnen zoals "
        "antibiotica.",
        library.SEED_SKIN,
        _groups({"microbio", "mikrobio", "flora", "bacter", "bakter", "darmgezond", "beestjes"}),
    ),
    Topic(
        "probiotics",
        "Probiotica zijn levende bacteriën, bijvoorbeeld in yoghurt en kefir of als supplement. Ze kunnen je "
        "darmflora ondersteunen, en onderzoek wijst erop dat ze ontstekingen kunnen remmen en bij acne of rosacea "
        "kunnen helpen. Een wondermiddel zijn ze niet: vezelrijk eten, minder stress en goede huidverzorging blijven "
        "de basis. Gebruik je medicijnen? Vraag je huisarts of apotheker of een supplement daarbij past.",
        library.SEED_SKIN,
        _groups({"probiot", "prebiot", "kefir", "yakult", "gefermenteerd", "kombucha", "cultuur", "culturen",
                 "zuurkool", "kimchi"}),
    ),
    Topic(
        "gut_skin",
        "Je darmen en je huid staan met elkaar in contact via je afweersysteem en je hormonen: de darm-huid-as. "
        "Raakt je darmflora uit balans, door stress, veel suiker of alcohol, of antibiotica, dan kan dat zichtbaar "
        "worden als roodheid, puistjes of een doffe huid. Bij acne en rosacea zien onderzoekers vaker een verstoorde "
        "darmflora.",
        library.SEED_SKIN,
        _groups(GUT, SKIN),
    ),
    # Before gut_liver: "vette lever en darmen" is about fatty liver, whose answer names the gut too.
    Topic(
        "fatty_liver",
        "Bij een vette lever, ook wel leververvetting of NAFLD genoemd, zit er te veel vet in de lever, ook bij "
        "mensen die weinig of geen alcohol drinken. Het hangt vaak samen met suikerrijk en bewerkt eten, weinig "
        "bewegen en buikvet, en met een verstoorde darmflora: wat je darmen opnemen, komt eerst bij je lever aan. "
        "Mensen met een vette lever hebben ook vaker te weinig magnesium. Of jouw lever gezond is, kan alleen een "
        "arts vaststellen, dus bespreek het gerust met je huisarts.",
        library.SEED_MAGNESIUM,
        _groups(LIVER, FAT),
    ),
    Topic(
        "gut_liver",
        "Je darmen en je lever zijn verbonden door een groot bloedvat, de poortader. Wat je darmen opnemen, ook "
        "stoffen die bacteriën maken, komt eerst bij je lever aan. Een verstoorde darmflora hangt samen met een "
        "vette lever, ook bij mensen die weinig drinken. Vezelrijk eten en weinig suiker en alcohol helpen je darmen "
        "en je lever allebei.",
        library.SEED_LIVER,
        _groups(GUT, {"lever"}),
    ),
    Topic(
        "magnesium",
        "Magnesium zit vooral in noten en zaden, peulvruchten, volkoren, groene bladgroente zoals spinazie, en pure "
        "chocolade. In sterk bewerkt eten zit weinig, omdat het bij de bewerking grotendeels verloren gaat. Een "
        f"volwassen vrouw heeft ongeveer {ADEQUATE_INTAKE_MG['female']} mg per dag nodig, een man ongeveer "
        f"{ADEQUATE_INTAKE_MG['male']} mg. Denk je aan een supplement en gebruik je medicijnen of werken je nieren "
        "niet goed? Overleg dan eerst met je huisarts of apotheker.",
        library.GR_2018_MG,
        _groups({"magnes"}),
    ),
    Topic(
        "test_report",
        "In het rapport van een ontlastingstest zie je per bacterie of er Laag of Normaal staat: Laag betekent dat "
        "er minder van die bacterie is gevonden dan gebruikelijk, Normaal dat de hoeveelheid binnen het gewone "
        f"bereik valt. De beschermende bacteriën ({join_dutch(PROTECTIVE_TAXA)}) horen bij een gezonde darm en "
        "lever; daarvan wil je er liever niet te weinig. De geassocieerde bacteriën "
        f"({join_dutch(ASSOCIATED_TAXA)}) komen vaker voor bij een niet-alcoholische vette lever (NAFLD). Een "
        "uitslag is geen diagnose: bespreek hem gerust tijdens het consult.",
        library.SEED_LIVER,
        _groups(REPORT_VALUES, REPORT_THINGS),
    ),
    Topic(
        "scores",
        f"De darmflora-score is een getal van 0 tot {SCORE_CAP}: hoe hoger, hoe meer dingen in je leefstijl je "
        "darmbacteriën uit balans kunnen brengen. De magnesiumscore zegt hoe groot de kans is dat je te weinig "
        "magnesium binnenkrijgt: laag, gemiddeld of verhoogd. Allebei zijn het inschattingen op basis van je "
        "antwoorden, geen diagnose; in het consult kijk je samen verder.",
        library.KASE_2024,
        _groups({"score", "punten", "cijfer", "risico", "uitkomst", "uitslag", "resultaat"}),
    ),
    Topic(
        "consult",
        "Na de check kun je een vrijblijvend consult bij de kliniek plannen: je zit nergens aan vast. Daarin "
        "bespreek je je uitkomst en je klachten, en wordt er niet alleen naar je huid gekeken maar ook naar wat "
        "erachter kan zitten, zoals je leefstijl en je darmen. De link om een afspraak te maken krijg je na de "
        "check; vragen over de kosten of de duur beantwoordt de kliniek zelf.",
        library.SEED_SKIN,
        _groups({"consult", "afspraak", "skincare", "intakegesprek", "adviesgesprek", "kennismaking", "boeken",
                 "boeking", "inplan"}),
    ),
    Topic(
        "privacy",
        "Je antwoorden worden alleen bewaard als je toestemming geeft, en alleen om je intake bij de kliniek voor "
        "te bereiden. Alleen de kliniek kan ze inzien, en na de bewaartermijn worden ze verwijderd. Wil je ze "
        "eerder kwijt? Typ dan 'verwijder mijn gegevens', dan wis ik je antwoorden en ons gesprek.",
        library.PRIVACY,
        _groups(DATA, DATA_FATE),
    ),
)
TOPICS_BY_KEY = {topic.key: topic for topic in TOPICS}
# Every stem any topic's concepts name: the subjects the FAQ is about.
CONCEPT_STEMS = frozenset(stem for topic in TOPICS for group in topic.concepts for stem in group)

# Words that contain a stem but mean something else: "huidige", "wat levert het op", "geleverd".
FALSE_FRIENDS = ("huidig", "leveranc", "geleverd", "aflever", "inlever", "aanlever", "oplever")
FALSE_WORDS = frozenset({"levert", "leveren", "leverde", "leverden"})
# Short or borrowed words, read as the Dutch word: "gut-skin axis", "fatty liver", "avg?".
LOAN_WORDS = {"gut": "darm", "skin": "huid", "liver": "lever", "fatty": "vette", "avg": "privacy", "gdpr": "privacy",
              "vel": "huid", "vet": "vette"}


def key_of(intent: Optional[str]) -> Optional[str]:
    """The topic key of an FAQ intent, or None for any other intent."""
    if intent and intent.startswith(INTENT_PREFIX) and intent[len(INTENT_PREFIX) :] in TOPICS_BY_KEY:
        return intent[len(INTENT_PREFIX) :]
    return None


def answer(key: str) -> str:
    return TOPICS_BY_KEY[key].answer


# Idioms whose words would count for a topic: "bij nader inzien" sees no data.
IDIOMS = re.compile(r"\bnader\s+inzien\b")
# "Goede bacteriën" and "levende bacteriën" are what people call probiotics.
PROBIOTICS_IN_OTHER_WORDS = re.compile(r"\b(goede|levende|gezonde|nuttige)\s+(darm)?ba[ck]teri\w*|\bgood\s+bacteria\b")


def _parts(words: Iterable[str]) -> list:
    """Lower case, accents off, split on hyphens and other non-letters; false friends left out."""
    parts = []
    words = PROBIOTICS_IN_OTHER_WORDS.sub("probiotica", IDIOMS.sub(" ", " ".join(words))).split()
    for word in words:
        plain = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
        for part in re.findall(r"[a-z0-9]+", plain):
            if part in FALSE_WORDS:
                continue
            part = LOAN_WORDS.get(part, part)
            for friend in FALSE_FRIENDS:
                part = part.replace(friend, " ")
            parts.append(part)
    return parts


def _hits(group: frozenset, parts: list) -> int:
    return sum(any(stem in part for stem in group) for part in parts)


def concepts_in(words: Iterable[str]) -> frozenset:
    """``(topic key, group number)`` of every concept group these words touch, whether or not the topic matches:
    "darm" alone touches gut-skin and gut-liver, "darm" + "huid" completes gut-skin."""
    parts = _parts(words)
    return frozenset(
        (topic.key, number) for topic in TOPICS for number, group in enumerate(topic.concepts) if _hits(group, parts)
    )


# A Dutch compound is about its last part: "microbioomscore" is a score, "darmflora" flora. A stem is that
# last part when at most this many letters follow it ("microbio|om", "score|s").
HEAD_TAIL = 3


def _heads(topic: Topic, heads: list) -> int:
    """How many of the words' heads (the last part of each: of "darmflora-score", "score") end in one of the
    topic's stems."""
    return sum(
        any(stem in head and len(head) - head.rindex(stem) - len(stem) <= HEAD_TAIL for group in topic.concepts
            for stem in group)
        for head in heads
    )  # fmt: skip


def match(words: Iterable[str]) -> Optional[str]:
    """The key of the topic these lower-case words (or lemmas) are about, or None.

    A topic counts when every one of its groups has a word; of those, the one with
    the most groups wins (the more specific), then the one with more words hit,
    then the one whose words end compounds (``_heads``), then the first in ``TOPICS``.
    """
    words = list(words)
    parts = _parts(words)
    heads = [part for word in words for part in _parts([word])[-1:]]  # once, not once per topic
    best, best_score = None, (0, 0, 0)
    for topic in TOPICS:
        hits = [_hits(group, parts) for group in topic.concepts]
        if not all(hits):
            continue
        score = (len(topic.concepts), sum(hits), _heads(topic, heads))
        if score > best_score:
            best, best_score = topic.key, score
    return best
