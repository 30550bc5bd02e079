"""What a message does besides answering: skip, go back, correct, ask why, stop, English...

Keyword rules, deterministic and testable; the Rasa NLU's intents are a second
opinion that the dialogue consults for paraphrases these rules miss (bot.parsing.reading).
Crisis wording has its own module (bot.parsing.crisis), the FAQ topics theirs (bot.faq).
"""

from __future__ import annotations

import re

from bot.parsing.text import has_phrase, normalise

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
    DELETE_DATA: ("verwijder mijn gegevens", "verwijder mijn data", "wis mijn gegevens", "gegevens verwijderen",
                  "gegevens wissen", "mijn gegevens weg"),
    STOP: ("annuleren", "afbreken", "ik doe niet meer mee", "ik haak af", "stop", "stoppen", "ik wil stoppen", "hou op", "houd op", "ik stop", "ik kap ermee", "kappen", "er klaar mee", "hier klaar mee", "klaar hiermee", "hou ermee op", "ermee ophouden",
           "laat maar", "beeindigen", "ik wil niet verder"),
    PAUSE: ("daarna ga ik verder", "straks ga ik verder", "ik ben zo terug", "later afmaken", "later invullen", "later afronden", "later verder gaan", "kom zo terug", "ben zo terug", "later af", "daarna verder", "straks weer verder", "vanavond verder", "even wachten", "moet even", "later verder", "ik kom later terug", "kom later terug", "straks verder", "pauze", "even pauze",
            "ik ga even weg", "morgen verder", "een andere keer verder", "ik moet even weg", "morgen afmaken",
            "straks afmaken", "later terugkomen", "later terug komen", "er later op terug", "ander moment",
            "een andere keer", "brb", "tussentijds op", "sla dit op", "sla het op", "volgende week verder"),
    RESTART: ("terug naar het begin", "naar het begin", "vanaf vraag 1", "vanaf het begin", "van voor af aan", "bij vraag 1", "nieuwe start", "helemaal opnieuw", "begin maar weer", "opnieuw beginnen", "begin opnieuw", "opnieuw starten", "start opnieuw", "alles opnieuw",
              "van voren af aan", "overnieuw", "nog een keer doen", "check opnieuw", "alles wissen en opnieuw", "start over", "vanaf nul", "van nul af aan", "naar vraag 1", "naar vraag een",
              "herbeginnen", "herstarten", "allereerste begin", "van begin"),
    HUMAN: ("echte assistent", "dokter spreken", "arts spreken", "met de dokter", "echt mens", "geen robot", "met een mens", "medewerker", "echt persoon", "echte persoon", "iemand spreken", "iemand bellen",
            "met iemand praten", "contact met de kliniek", "contact opnemen", "telefoonnummer", "bellen met",
            "mens spreken", "persoon spreken", "assistente", "doktersassistent", "de arts spreken", "real human",
            "real person", "echte arts", "echte dokter", "met een arts", "arts beschikbaar", "doorzetten naar",
            "doorverbinden", "vlees en bloed"),
    SKIP: ("overslaan", "beantwoord ik liever niet", "laat ik open", "laat ik leeg", "te persoonlijk", "wil ik niet beantwoorden", "weet ik niet", "weet niet", "geen idee", "sla over", "skip", "leeg laten", "open laten", "blanco laten", "blanco",
           "niet beantwoorden", "voor wat het is", "next question", "niet in te vullen", "wil ik niet zeggen",
           "zeg ik liever niet", "wil ik liever niet zeggen", "geen antwoord", "weet ik echt niet", "volgende vraag",
           "ik weet het niet", "onbekend", "geen flauw idee", "ik weet het niet meer", "weet het niet"),
    BACK: ("vorige vraag", "ga terug", "terug naar de vorige", "een vraag terug", "ik wil terug", "terug",
           "even terug"),
    WHY: ("wat doet het ertoe", "doet het ertoe", "wat maakt het uit", "waarvoor gebruiken jullie", "waarvoor gebruik je", "wat moeten jullie met", "wat moet je met", "wat moeten jullie nou met", "waarom al die vragen", "waarom die vragen", "waarom vraag je dat", "waarom wil je dat weten", "waarom is dat belangrijk", "waarom", "wat heb je daaraan",
          "waar is dat voor nodig", "waarvoor is dat", "waar heb je dat voor nodig", "wat heeft dat ermee te maken",
          "wat heeft dat met", "wat maakt dat uit", "waarom is dat nodig", "waarvoor wil je dat weten", "waarom die vraag",
          "wat doe je met dat antwoord", "waarom vraagt u dat", "waarom wilt u dat weten", "why do you need",
          "why do you ask", "why do you want", "why you ask", "nut van deze vraag", "nut van die vraag", "nut van de vraag",
          "zie het verband niet", "wat is het verband"),
    MEANING: ("bedoel je", "bedoelt u", "nog een keer stellen", "anders stellen", "maar dan anders", "wat tellen jullie", "wat valt onder", "wat bedoelen jullie met", "wat bedoel je", "hoe bedoel je", "wat betekent", "wat is een", "wat houdt dat in", "wat u wil weten",
              "wat je wil weten",
              "snap ik niet", "begrijp ik niet", "snap het niet", "begrijp het niet", "wat wordt bedoeld",
              "wat telt als", "telt", "hoe tel ik", "uitleg", "wat is het verschil", "anders formuleren", "anders vragen",
              "anders zeggen", "leg uit", "uitleggen", "in andere woorden", "duidelijker", "simpeler", "makkelijkere woorden", "eenvoudiger", "vaag", "wat wordt er bedoeld",
              "wat bedoelt u", "hoe bedoelt u", "wat moet ik invullen", "wat moet ik antwoorden", "geen idee wat je bedoelt"),
    CORRECTION: ("nee wacht", "wacht", "ik bedoel", "ik bedoelde", "correctie", "sorry ik bedoel", "oeps", "foutje",
                 "moet zijn", "ik vergis me", "ik heb me vergist", "verbetering", "niet goed ingevuld",
                 "dat klopt niet", "pas aan", "verander"),
    GREETING: ("moi", "goeiemorgen", "goeienavond", "hoe gaat het", "hoe is het", "goeiedag", "goedendag", "goeiendag", "hallootjes", "hallo", "hoi", "hey", "hai", "goedemorgen", "goedemiddag", "goedenavond", "dag", "hallo daar", "hee"),
    RESUME: ("verder", "ga verder", "doorgaan", "ik wil verder", "verdergaan", "ik ben er weer", "weer terug",
             "verder gaan", "hervatten", "ik ben terug"),
    THANKS: ("thx", "hartelijk dank", "dankuwel", "dank voor", "heel erg bedankt", "dank je", "dankjewel", "bedankt", "dank u", "thanks", "top dank", "merci", "fijn dank"),
}  # fmt: skip
# Asking to delete in other words ("kan ik mijn antwoorden laten wissen"): the assistant asks first.
DELETE_WORDS = re.compile(r"\b(verwijder\w*|wis|wissen|gewist|vernietig\w*|weghalen|weg\s+halen|delete|prullenbak|"
                          r"weggooien|gooi|niks\s+bewaren|niets\s+bewaren|uit\s+(jullie|het|uw)\s+systeem)\b")
DATA_WORDS = re.compile(r"\b(gegevens|antwoorden|data|dossier|informatie|alles|allemaal|gesprek|bewaren|verteld|"
                        r"ingevuld|systeem)\b")


# Ending or pausing in a longer, formal sentence: "ik wens het gesprek te beëindigen", "op een later tijdstip hervatten".
STOP_REQUEST = re.compile(r"\b(wil|wens|ga|wilde)\s+(\w+\s+){0,2}(gesprek|intake|vragenlijst|check|dit|ermee)\s+(\w+\s+)?"
                          r"(te\s+)?(beeindigen|stoppen|afbreken|afsluiten)\b|"
                          r"\bwil\s+(hier\s+|er\s+)?(echt\s+|gewoon\s+)?niet\s+(meer\s+)?(mee\s+)?verder\b|\bdoe\s+niet\s+meer\s+mee\b")
PAUSE_REQUEST = re.compile(r"\blater\s+tijdstip\b|\b(komt|kom)\s+(me|mij|het)?\s*(\w+\s+)?nu\s+(niet\s+)?(goed\s+)?"
                           r"(niet\s+)?uit\b|\blater\s+(te\s+)?hervatten\b|\bmorgen\s+voort\b|"
                           r"\bvoortgang\b(\s+\S+){0,3}\s+(onthouden|bewaard|opgeslagen)\b|"
                           r"\b(nu|nou)\s+geen\s+tijd\b|\bbewaa?r\w*\s+(\w+\s+){0,3}tot\s+(morgen|straks|later|vanavond|"
                           r"volgende)\b|\bmaak\s+(het|dit|de\s+rest)\s+(\w+\s+)?(later|thuis|straks|morgen|vanavond)\s+af\b")


def asks_to_stop(text: str) -> bool:
    return bool(STOP_REQUEST.search(_plain(text)))


def asks_to_pause(text: str) -> bool:
    return bool(PAUSE_REQUEST.search(_plain(text)))


def asks_to_delete(text: str) -> bool:
    """"Kan ik mijn antwoorden laten wissen?" (but "alles wissen en opnieuw beginnen" is a restart)."""
    plain = _plain(text)
    restart = any(has_phrase(text, p) for p in PHRASES[RESTART])
    return bool(DELETE_WORDS.search(plain) and DATA_WORDS.search(plain)) and not restart


# Going back in so many words, whatever the message's length: "kunnen we terug naar de vorige vraag".
STRONG_BACK = ("vorige vraag", "terug naar de vorige", "een vraag terug", "ga terug", "vraag hiervoor",
               "vorige stap", "stapje terug", "stap terug", "kan ik terug", "kunnen we terug", "mag ik terug", "terug gaan",
               "teruggaan", "antwoord van net", "vorige antwoord", "vraag ervoor", "ff terug", "we even terug", "go back")  # fmt: skip
# Saying an answer given was wrong, without a new value: "ik heb iets verkeerds ingevuld", "die klopte niet".
WRONG_ANSWER = re.compile(
    r"\b(verkeerd|verkeerds|fout|fouts)\s+(\w+\s+)?(ingevuld|ingetypt|getypt|gezegd|beantwoord|geantwoord)\b|"
    r"\bantwoord\b(\s+\S+){0,3}\s+(wijzigen|corrigeren|aanpassen|veranderen|verbeteren)\b|"
    r"\b(die|dat|het)\s+(vorige|daarvoor|van net|van daarnet)\s+(klopte|klopt)\s+niet\b|\b(die|dat)\s+klopte\s+niet\b|"
    r"\b(klopt|klopte)\s+mijn\s+(vorige\s+)?antwoord\b|\bvorige\s+(was|is)\s+(mis|fout|verkeerd)\b|"
    r"\bheb\s+me\s+vergist\b|\bonzin\s+ingevuld\b|\b(dat|die)\s+van\s+(net|daarnet)\s+(was|is)\s+(fout|mis|verkeerd)\b|"
    r"\b(fout|verkeerd)\w*\s+antwoord\s+(gegeven|ingevuld)\b|"
    r"\b(wijzigen|veranderen|aanpassen|corrigeren)\s+(aan\s+)?wat\s+ik\s+(net|daarnet|zonet)\s+(zei|typte|invulde)\b|"
    r"\bwat\s+ik\s+(net|daarnet|zonet|eerder)\s+(zei|typte|invulde|antwoordde)\b.*\b(corrigeren|veranderen|aanpassen|wijzigen)\b|"
    r"\b(laatste|vorige)\s+antwoord\s+(klopt|klopte|was|is)\s+(niet|fout|verkeerd|mis)\b|"
    r"\bper\s+ongeluk\s+(\w+\s+){0,3}(gezegd|ingevuld|getypt|ingetypt|gekozen|aangeklikt|geantwoord|aangevinkt)\b")


def says_wrong(text: str) -> bool:
    return bool(WRONG_ANSWER.search(_plain(text)))


# Not understanding the question: "ik begrijp de vraag niet helemaal", "snap je vraag niet".
NOT_UNDERSTANDING = re.compile(r"\b(begrijp|snap|volg|begreep|snapte)\b(\s+\S+){0,4}\s+niet\b|"
                               r"\bken\s+(\w+\s+){0,2}(woord|term|begrip)\b|\b(woord|term|begrip)\s+ken\s+(ik\s+)?niet\b|\bnooit\s+(van\s+)?gehoord\b|"
                               r"\bweet\s+niet\b(\s+\S+){0,2}\s+wat\s+(je|u|jullie)\b(\s+\S+){0,6}\s+bedoel")
# "wat heb je daar nu aan", "wat hebben jullie er eigenlijk aan": what the question is for, with its particle split off.
WHAT_FOR = re.compile(r"\bwat\s+(heb|hebt|hebben)\s+(je|jij|jullie|u)\s+(daar|er)\s+(\w+\s+){0,2}aan\b")
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




# Not knowing something else is no skip: "ik weet niet wat het doet", "geen idee wat NAFLD is".
NOT_KNOWING_WHAT = re.compile(r"\b(weet\s+(ik\s+)?(het\s+)?(niet|nie)|geen\s+idee)\s+(\w+\s+)?(wat|of|hoe|waar|waarom|wie|welke)\b")


def _in_a_clause(text: str, phrase: str) -> bool:
    """The phrase inside one clause of the message: "elke morgen, verder niks" holds no "morgen verder"."""
    return any(has_phrase(clause, phrase) for clause in re.split(r"[,;:.!?]+(?:\s|$)", text))


def detect(text: str) -> set:
    """Every signal whose phrase occurs in the message."""
    found = {signal for signal, phrases in PHRASES.items() if any(_in_a_clause(text, p) for p in phrases)}
    if SKIP in found and NOT_KNOWING_WHAT.search(_plain(text)) and not is_short_command(text, SKIP):
        found.discard(SKIP)
    found |= {signal for signal in SHORT_ONLY if is_short_command(text, signal)}
    if is_english(text):
        found.add(ENGLISH)
    if NOT_UNDERSTANDING.search(_plain(text)):
        found.add(MEANING)
    if WHAT_FOR.search(_plain(text)):
        found.add(WHY)
    return found


def is_english(text: str) -> bool:
    """A message in English: at least two English function words and no Dutch one."""
    words = re.findall(r"[a-z']+", text.lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    dutch = sum(w in DUTCH_WORDS and w not in ENGLISH_WORDS for w in words)
    return english >= 2 and dutch == 0 and english >= len(words) / 3


# Words that are the command only when they are (nearly) the whole message: "opnieuw" alone starts over,
# "de vorige vraag opnieuw beantwoorden" does not.
# "reset" alone starts over, "hoe reset ik mijn router" does not; "pass" alone skips.
# English commands that Dutch users type too count only on their own: "next", "cancel", "restart".
SHORT_ONLY = {
    RESTART: ("opnieuw", "opnieuw graag", "nog een keer", "reset", "resetten", "restart"),
    SKIP: ("pass", "pas", "ik pas", "next", "volgende", "next pls", "next please", "volgende aub", "volgende graag"),
    STOP: ("klaar ermee", "cancel", "quit", "exit"),
    HUMAN: ("human", "mens", "een mens"),
    PAUSE: ("moment", "momentje", "ogenblikje", "moment graag", "even een moment"),  # not "op dit moment"
    GREETING: ("yo", "hi"),
    MEANING: ("huh", "wat is dat", "huh wat is dat"),  # not "... na het eten, wat is dat"
    BACK: ("vorige", "de vorige"),  # not "yes vorige maand"
}


def is_short_command(text: str, signal: str) -> bool:
    """The whole message is (about) the command: "stop", "terug", "ga terug", "vorige vraag", "opnieuw"."""
    words = _plain(text).split()
    if " ".join(words) in SHORT_ONLY.get(signal, ()):  # the whole message
        return True
    return len(words) <= 4 and any(has_phrase(text, p) for p in PHRASES[signal])


def strip_correction(text: str) -> str:
    """The message without its correction words: "nee wacht, het zijn er vier" -> "het zijn er vier"."""
    plain = normalise(text)
    for phrase in sorted(PHRASES[CORRECTION], key=len, reverse=True):
        plain = re.sub(rf"^\W*(nee\W+)?{re.escape(phrase)}\b\W*", "", plain)
    return plain.strip()
