"""A user message, read once: its words, what it signals, and the NLU's opinion.

``read(text, nlu)`` is called once per turn; the dialogue passes the ``Reading`` down
instead of each part normalising and tokenising the text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from bot import faq
from bot.parsing import signals as sig
from bot.parsing.answers import medicine_facts
from bot.parsing.crisis import everyday_only, mentions_crisis
from bot.parsing.safety import mentions_danger, mentions_violence, pregnant, red_flags
from bot.parsing.text import normalise
from bot.parsing.variants import standardise
from bot.thresholds import (
    CRISIS_CONFIDENCE,
    FAQ_CONFIDENCE,
    INTENT_CONFIDENCE,
    LONG_MESSAGE,
    OUT_OF_SCOPE_CONFIDENCE,
    SAFETY_CONFIDENCE,
)

# Intents that mean the same as a keyword signal.
INTENT_SIGNALS = {
    "stop": sig.STOP, "pause": sig.PAUSE, "start_over": sig.RESTART, "human_handoff": sig.HUMAN,
    "skip": sig.SKIP, "go_back": sig.BACK, "ask_why": sig.WHY, "ask_meaning": sig.MEANING,
    "correct": sig.CORRECTION, "delete_data": sig.DELETE_DATA, "greet": sig.GREETING, "thanks": sig.THANKS,
    "resume": sig.RESUME, "english": sig.ENGLISH,
}  # fmt: skip
QUESTION_WORDS = ("wat", "waarom", "hoe", "hoeveel", "wie", "waar", "welke", "welk", "wanneer", "waarvoor",
                  "waardoor", "hoezo", "waaraan", "waarmee", "waarover", "wat's")  # fmt: skip
# "kan ik", "is het", "heeft magnesium": a question, unless the message also reads as an answer.
QUESTION_VERBS = ("kan", "kun", "kunt", "kunnen", "mag", "mogen", "moet", "moeten", "is", "zijn", "heeft", "hebben",
                  "heb", "hebt", "doet", "doen", "wordt", "worden", "telt", "tellen", "zit", "zitten", "helpt",
                  "helpen", "werkt", "werken", "geldt", "weet", "snap", "begrijp", "bestaat", "maakt", "zou", "zouden",
                  "klopt", "hoort", "speelt", "gaat", "zorgen", "zorgt", "krijg", "krijgen", "word", "raakt", "raken",
                  "hangt", "hangen", "beinvloedt", "beinvloeden", "verandert", "veranderen", "spelen")  # fmt: skip
# A closing question that opens with a verb and a pronoun: "..., moet ik me zorgen maken".
CLAUSE_VERBS = QUESTION_VERBS + ("komt", "komen", "ligt", "past", "valt")
PRONOUNS = ("ik", "je", "jij", "u", "we", "wij", "het", "dat", "dit", "er", "ze", "zij")
# After "wat", the words of a question ("wat is ...", "wat bedoel je"); any other word makes it "some" ("wat rimpels").
WAT_ASKS = frozenset(CLAUSE_VERBS + PRONOUNS + ("bedoel", "bedoelt", "betekent", "houdt", "gebeurt", "kost", "zegt",
                                                "vind", "vindt", "denk", "moet", "kan", "doe", "weet", "als", "nu",
                                                "precies", "eigenlijk", "voor", "dan", "zou", "telt", "tellen"))
# Words before the question word: "en wat ...", "in welk eten ...", "sorry, waarom ...".
LEAD_INS = ("en", "maar", "in", "op", "met", "bij", "van", "voor", "dus", "oh", "o", "oke", "ok", "hmm", "he", "sorry",
            "trouwens", "ehm", "uhm", "nou", "ja", "nee", "hallo", "hoi", "vraagje", "vraag")  # fmt: skip
# "ik vroeg me af hoeveel magnesium ...", "ik zou graag willen weten of ...": a question, never an answer.
INDIRECT_QUESTION = re.compile(r"^(\w+\s+){0,3}(ik\s+)?(vroeg|vraag)\s+me\s+af\b|\b(ik\s+)?(zou\s+)?graag\s+(willen\s+)?"
                               r"(weten|vernemen)\s+(of|hoe|wat|waarom|hoeveel|welke)\b")
MARKUP = re.compile(r"<[^>]*>|[{}\[\];]|\w=\S|\b(script|onerror|javascript|select|function|return)\b|&[a-z]+;|\\x")
# Words about money, which ask for advice except about the consult, whose answer says who answers them.
COST_WORDS = r"kost|kosten|betalen|vergoed\w*"
COSTS = re.compile(rf"\b({COST_WORDS}|gratis|geld|prijs)\b")
# Questions for personal advice, which no FAQ answer gives: "mag ik ...", "is X slecht voor ...".
# Also costs, pregnancy, a dose, side effects, detox, a brand, how fast or how long.
ADVICE = re.compile(r"\b(slecht|schadelijk|gevaarlijk) voor\b|\bsamen met\b.*\b(innemen|nemen|slikken|gebruiken)\b|"
                    r"\bafbouwen\b|\bmag (ik|je|u|men)\b(?!( \w+)?( (iets|een vraag|even|wat))? (vragen|stellen|weten))|"
                    rf"\b({COST_WORDS})\b|\bveilig\b|"
                    r"\bgoed idee\b|^is het erg\b|\bcombiner|\bzwanger|\bborstvoeding|\bbijwerking|\bdosis\b|\bdosering|"
                    r"\bdetox|\bhoe snel\b|\bhoe ?lang (duurt|wacht)|\bhoe ?lang\b.*\bwachten\b|\bwelk merk\b|"
                    r"\b(kan|kun|mag) (ik|je|u)( \w+){1,3} (eten|drinken)\b")
# Word stems of the check's own subjects, besides the FAQ's concepts: a question with none of them is
# off topic ("wat is bitcoin nu waard") and gets "daar kan ik niet mee helpen", not "vraag het de kliniek". Lab terms
# in the lab's spelling (eGFR), matched in lower case.
SUBJECT_STEMS = frozenset(w.lower() for w in """eten voeding dieet drink drank alcohol bier wijn koffie thee suiker vezel groente fruit vlees noten
    chocola brood yoghurt kefir slaap stress medic pil tablet antibio maag nier eGFR diabet acne rosacea eczeem psoriasis
    puist consult afspraak kliniek arts dokter huisarts apothe behandel test rapport uitslag score risico gezond ziek
    klacht pijn poep ontlast gegeven privacy avg vergoed verzeker prijs gewicht afval vet bloed vitamin supplement
    sport beweg vraag vragen antwoord check intake portie glas betal gesprek prazol metformine melaton
    peeling laser couperose gezicht make-up zonnebrand retinol dermatolo praktijk tarie parke pinnen kost wachtlijst verwijs
    openingstijd ontstek selenium ijzer zink zoet chips gluten soja boter margarine ontbijt voedsel lunch maaltijd
    slapen moe energie aspartaam zoetstof winderig opgeblazen kurkuma intoleran allergi zwanger medewerker
    lichaam calorie eiwit koolhydra jeuk bult vlek schilfer blaar haaruitval nagel tintel hoofdpijn kramp misselijk
    duizelig""".split())
ON_SUBJECT_STEMS = SUBJECT_STEMS | faq.CONCEPT_STEMS
# A question that names medicines: the honest reply also points to the huisarts or apotheker.
MEDICINE_WORDS = re.compile(r"\b(medic\w*|\w*pil(len)?|tablet\w*|antibiotica|\w*prazol\w*|metformine|bloeddruk\w*|"
                            r"voorgeschreven|statine\w*|maagzuurremmer\w*)\b")


@dataclass(frozen=True)
class Nlu:
    """The NLU's parse of the message: its top intent and the ranking."""

    intent: Optional[str] = None
    confidence: float = 0.0
    ranking: tuple = ()  # (intent, confidence) pairs, best first

    def confidence_of(self, name: str) -> float:
        return max([c for n, c in self.ranking if n == name] + [self.confidence if self.intent == name else 0.0])


def nlu_from_parse(parse: Optional[dict]) -> Nlu:
    """An ``Nlu`` from Rasa's parse data ({"intent": {...}, "intent_ranking": [...]})."""
    parse = parse or {}
    intent = parse.get("intent") or {}
    ranking = tuple((r.get("name"), float(r.get("confidence") or 0.0)) for r in parse.get("intent_ranking") or ())
    return Nlu(intent.get("name"), float(intent.get("confidence") or 0.0), ranking)


@dataclass(frozen=True)
class Reading:
    text: str  # as typed
    plain: str  # lower case, accents removed, spaces folded
    words: tuple  # the plain words
    signals: frozenset  # keyword signals (bot.parsing.signals) and confident NLU intents
    keywords: frozenset  # the keyword signals alone
    crisis: bool  # crisis wording by the lexicon (bot.parsing.crisis)
    crisis_nlu: bool  # the NLU's crisis intent at CRISIS_CONFIDENCE or more
    question: bool  # clearly a question: a question word first, or a question mark
    maybe_question: bool  # "heb je ...", "kan ik ...": a question unless it also reads as an answer
    junk: bool  # markup, code or a very long text: never read as an answer
    topic: Optional[str]  # the FAQ topic it is about, if any
    on_subject: bool  # mentions one of the check's subjects (SUBJECT_STEMS or an FAQ concept)
    advice: bool  # asks for personal advice ("mag ik ...", "is X slecht voor ..."): no FAQ answers that
    nlu: Nlu = field(default_factory=Nlu)
    answer_part: str = ""  # "drie" of "drie, hoe zit het met magnesium": what comes before a closing question
    violence: bool = False  # domestic violence or abuse, by the lexicon (bot.parsing.safety)
    violence_nlu: bool = False  # the NLU's violence intent at SAFETY_CONFIDENCE or more
    danger: bool = False  # acute danger to life now, by the lexicon
    danger_nlu: bool = False  # the NLU's danger intent at SAFETY_CONFIDENCE or more
    red_flags: tuple = ()  # the medical alarm signs the message reports, as red-flag codes
    pregnant: bool = False  # says the writer is pregnant
    standard: str = ""  # the text in standard Dutch (bot.parsing.variants), for the keyword rules

    def has(self, signal: str) -> bool:
        return signal in self.signals

    def off_topic(self) -> bool:
        """The NLU is sure the message is off topic ("wat is een goed recept voor appeltaart")."""
        return self.nlu.intent == "out_of_scope" and self.nlu.confidence >= OUT_OF_SCOPE_CONFIDENCE

    def in_domain(self) -> bool:
        """About the check's subjects or the clinic: by its words, or by an NLU sure it is an in-domain question
        ("zijn jullie op zaterdag open"), and not called off topic by a sure NLU."""
        in_domain_question = self.nlu.intent == "question_other" and self.nlu.confidence >= INTENT_CONFIDENCE
        return (self.on_subject or self.topic is not None or in_domain_question) and not self.off_topic()

    def about_medicine(self) -> bool:
        """Names a medicine or medication ("mag je magnesium combineren met bloeddrukmedicatie")."""
        return bool(MEDICINE_WORDS.search(self.plain) or medicine_facts(self.text))

    def about_pregnancy(self) -> bool:
        """Speaks of a pregnancy or breastfeeding ("mag je magnesium als je zwanger bent")."""
        return bool(re.search(r"\b(zwanger\w*|borstvoeding|in verwachting)\b", self.plain))

    def is_short(self, signal: str) -> bool:
        """The whole message is (about) the command: "stop", "terug", "vorige vraag"."""
        return sig.is_short_command(self.standard or self.text, signal)


def _topic(words: tuple, nlu: Nlu) -> Optional[str]:
    """The FAQ topic: a sure NLU intent first, then the concepts of bot.faq; none for a question the NLU
    is sure has no fixed answer ("is koffie slecht voor mijn darmen?") or is off topic."""
    if nlu.intent in ("question_other", "out_of_scope") and nlu.confidence >= FAQ_CONFIDENCE:
        return None  # "waar kan ik een vlucht boeken" is no question about the consult
    sure = faq.key_of(nlu.intent) if nlu.confidence >= FAQ_CONFIDENCE else None
    return sure or faq.match(words) or (faq.key_of(nlu.intent) if nlu.confidence >= INTENT_CONFIDENCE else None)


def _before_a_closing_question(plain: str) -> str:
    """"drie, hoe zit het met magnesium" -> "drie": the message's first part when its last clause is a question
    of three words or more that opens with a question word; "" when there is none. Such a message is only a
    maybe-question: its first part may answer the question asked, and it is read as that answer first."""
    clauses = [c for c in re.split(r"[,;:.!]", plain) if c.strip()]
    if len(clauses) == 1:  # no mark: a verb and a pronoun opening the last words ("... heeft dat zin of niet")
        words = clauses[0].split()
        at = next((i for i in range(len(words) - 2, 1, -1)
                   if words[i] in CLAUSE_VERBS and words[i + 1] in ("dat", "dit", "het")), None)  # fmt: skip
        if at is not None and words[at - 1] in QUESTION_WORDS:  # "... terechtkomen hoe zit dat"
            at -= 1
        clauses = [" ".join(words[:at]), " ".join(words[at:])] if at else clauses
    last = clauses[-1].split() if len(clauses) >= 2 else []
    asks = len(last) >= 3 and (last[0] in QUESTION_WORDS or (last[0] in CLAUSE_VERBS and last[1] in PRONOUNS))
    if not asks:  # "wat kan dat zijn", "moet ik me zorgen maken", "komt dat door het eten"
        return ""
    return plain[: plain.rindex(clauses[-1])].strip(" ,;:.!")


# A tag after an answer, asking whether it counts: "indapamide, telt dat?", "twee, klopt dat?".
TAG_QUESTION = re.compile(r"^(.*\w)\s*[,;:.!]\s*(telt|klopt|kan|mag|geldt|is)\s+(dat|dit|het)(\s+ook|\s+goed)?\s*\?$")
# A short question first ("wat is dat?", "huh, wat bedoel je?"), then an answer: "wat is dat? nee, nooit gedaan".
QUESTION_THEN_ANSWER = re.compile(r"^\W*(?:\w+\W+){0,3}\w+\s*\?\s*([^?]*\w[^?]*)$")


def _answer_beside_a_question(plain: str) -> str:
    """The answer beside a question of the message: before a tag ("indapamide, telt dat?") or after an opening
    question that a clause without a question mark follows ("wat is dat? nee, zoiets heb ik niet gedaan"); "" when
    there is none. The message is then only a maybe-question, read as that answer first."""
    tag = TAG_QUESTION.match(plain)
    if tag:
        return tag.group(1).strip()
    after = QUESTION_THEN_ANSWER.match(plain)
    if after and not (set(after.group(1).split()[:1]) & set(QUESTION_WORDS + QUESTION_VERBS)):
        return after.group(1).strip(" .!")
    return ""


def _quantifier_wat(words: tuple, plain: str) -> bool:
    """"wat rimpels en wat vlekken", "wat groente": "wat" as "some", not as a question word (no question mark, and
    no verb or pronoun after it)."""
    return words[:1] == ("wat",) and len(words) >= 2 and not plain.endswith("?") and words[1] not in WAT_ASKS


def read(text: str, nlu: Optional[Nlu] = None) -> Reading:
    """The message read once. Its words and keyword signals come from the text in standard Dutch
    (``bot.parsing.variants``: "geen gedacht", "idk", "kheb"); the safety lexicons read the text as typed."""
    nlu = nlu or Nlu()
    standard = standardise(text or "")
    plain = normalise(standard)
    words = tuple(re.findall(r"[a-z0-9']+", plain))
    keywords = sig.detect(standard)
    trusted = {INTENT_SIGNALS[nlu.intent]} if nlu.intent in INTENT_SIGNALS and nlu.confidence >= INTENT_CONFIDENCE else set()
    crisis = mentions_crisis(text or "")
    crisis_nlu = nlu.confidence_of("crisis") >= CRISIS_CONFIDENCE and not everyday_only(text or "")
    first_two = words[:2]
    start = 1 if words[:1] and words[0] in LEAD_INS else 0
    opening = words[start : start + 1]
    asks_with_a_word = bool(opening) and opening[0] in QUESTION_WORDS and not _quantifier_wat(words[start:], plain)
    question = bool(opening) and (asks_with_a_word or (plain.endswith("?") and len(words) >= 3)
                                  or bool(INDIRECT_QUESTION.search(plain)))  # fmt: skip
    opens_as_question = len(first_two) == 2 and first_two[0] in QUESTION_VERBS
    answer_part = "" if question or opens_as_question else _before_a_closing_question(plain)
    beside = _answer_beside_a_question(plain) if not asks_with_a_word or "?" in plain[:-1] else ""
    if beside and not INDIRECT_QUESTION.search(plain):  # "indapamide, telt dat?", "wat is dat? nee, nooit gedaan"
        question, answer_part = False, beside
    maybe = not question and (plain.endswith("?") or opens_as_question or bool(answer_part))
    topic = _topic(words, nlu)
    junk = bool(MARKUP.search(text or "")) or len(text or "") > LONG_MESSAGE
    # "is mijn info veilig bij jullie" asks about privacy and "is het erg als Coprococcus laag staat" about the report,
    # which the FAQ answers; the consult's answer says who answers questions about its costs.
    advice = bool(ADVICE.search(plain)) and (question or maybe or plain.endswith("?")) and topic not in (
        "privacy", "test_report") and not (topic == "consult" and COSTS.search(plain))  # fmt: skip
    on_subject = any(stem in word for word in words for stem in ON_SUBJECT_STEMS if len(stem) >= 4) or any(
        word in ON_SUBJECT_STEMS for word in words)  # fmt: skip
    return Reading(text or "", plain, words, frozenset(keywords | trusted), frozenset(keywords), crisis, crisis_nlu,
                   question, maybe, junk, topic, on_subject, advice, nlu, answer_part,
                   mentions_violence(text or ""), nlu.confidence_of("violence") >= SAFETY_CONFIDENCE,
                   mentions_danger(text or ""), nlu.confidence_of("danger") >= SAFETY_CONFIDENCE,
                   red_flags(text or ""), pregnant(text or ""), standard)  # fmt: skip
