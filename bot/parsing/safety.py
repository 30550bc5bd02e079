"""The safety situations of a message besides suicidal wording (``bot.parsing.crisis``): domestic violence or abuse,
acute danger to life, and the medical alarm signs of the spec's red flags.

Each situation is a table of concepts, not of sentences: a situation holds when a message has a word of every
group of one of its concepts, in one sentence ("mijn man" + "slaat" + "me"; "bloed" + "poep"; "afgevallen" +
"weet niet waarom"). Everyday phrases with the same words ("ik sla eieren kapot", "geen bloed", "ik val af en dat
is de bedoeling") are read as such: a symptom that is denied, wanted or explained is no alarm sign.

The assistant's reply to each situation is in ``bot.dialogue.texts``; the dialogue records what is found
(``bot.dialogue.interpret``). Recall matters more than precision for violence and danger: when in doubt, the
assistant gives the helpline; a red flag is recorded only when the sign is really there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.parsing.safety_words import standard_text
from bot.parsing.text import normalise

# Chat letters for a whole word that the variants table (bot.parsing.variants, read first by ``plain``) leaves as
# they are: "t" for "het", "n" for "een", and "k" for "ik" (a drawn-out "kkk" comes out of the table as "k").
SPELLING = {"k": "ik", "t": "het", "n": "een"}


def _words(*words: str) -> str:
    return r"(?:" + "|".join(words) + r")"


def _any(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


@lru_cache(maxsize=4096)
def plain(text: str) -> str:  # noqa: D401
    """Lower case, no accents, words made standard (``bot.parsing.safety_words``), separated by single spaces,
    sentence marks kept as " . "."""
    text = normalise(standard_text(text, _concepts()))
    text = re.sub(r"[!?;:]+|\.(?!\d)", " . ", text)
    words = re.findall(r"[a-z0-9']+|\.|,", text)
    return " ".join(SPELLING.get(w, w) for w in words)


@lru_cache(maxsize=1)
def _concepts() -> tuple:
    """Every pattern of the situations below: their words are the terms a typo is corrected into first."""
    signs = tuple(p for sign in SIGNS for p in (sign.what, sign.how, sign.unless, sign.plainly) if p)
    return VIOLENCE_ON_THEIR_OWN + DANGER_ON_THEIR_OWN + DANGER_NOW + signs + (ACTORS, ACTS, STOOL)


def sentences(text: str) -> list:
    """The message's sentences (split at . ! ? ;), each plain."""
    return [s.strip(" ,") for s in plain(text).split(" . ") if s.strip(" ,.")]


def clauses(sentence: str) -> list:
    """A sentence's clauses (split at commas and at "maar"): where a denial or a cause applies."""
    return [c.strip() for c in re.split(r"\s*,\s*|\s+maar\s+(?=(dat|het|ik|hij|zij|ze|wel|niet|geen)\b)", sentence)
            if c and c.strip() and c not in ("dat", "het", "ik", "hij", "zij", "ze", "wel", "niet", "geen")]


# --- domestic violence and abuse --------------------------------------------------------------------------------------
# Who: someone at home or in the family (or "hij"/"zij" in a sentence about home).
ACTORS = _words(
    r"(?:ex-?)?(?:man|vrouw|partner|vriend|vriendin|lief|echtgeno\w+|ex)", r"(?:stief|pleeg|schoon)?(?:vader|moeder)",
    "pa", "ma", "papa", "mama", "ouders", "broer", "zus", "zoon", "dochter", "kleinzoon", "kleindochter", "oom",
    "tante", "opa", "oma", r"schoon\w+", "huisgenoot", "familie", r"hulp", "verzorger", "verzorgster", r"thuiszorg\w*",
)
# What is done to the writer (or to a child or parent at home).
ACTS = _words(
    r"sla(at|an)?", "geslagen", "slaan", r"schop(t|pen)?", "geschopt", r"trap(t|pen)?", "getrapt", r"mishandel\w*",
    r"wurg(t|en|de)?", "gewurgd", r"duw(t|en|de)?", "geduwd", r"stomp(t|en)?", r"bedreig\w*", r"dreig(t|en|de)?",
    r"knijp(t|en)?", "kneep", "sluit", r"opgesloten", r"verkracht\w*", r"misbruik\w*", r"aangerand\w*",
    r"dwing(t|en)?", "gedwongen", r"gre(ep|pen)", r"pakt", r"straft?", "gestraft", r"gooi(t|de)?", r"scheld(t|en)",
    r"uitgescholden", r"vermoord\w*", "doodmaakt", r"in\s+elkaar\s+(slaat|slaan|geslagen|getrapt|trapt)", "klappen", "slaag", "gezeten", r"achtervolg\w*",
    r"volgt", r"uitgedrukt", "gebroken", "controleert", "bepaalt", r"pakt\s+\w+\s+af", "neemt",
)
# The plainly violent acts, for "hij greep me", "omdat hij me getrapt heeft".
VIOLENT = _words(
    r"sla(at)?", "geslagen", r"schop(t)?", "geschopt", r"trap(t)?", "getrapt", r"duw(t|de)?", "geduwd", r"wurg(t|de)?",
    "gewurgd", r"gre(ep|pen)", "grijpt", r"knijp(t)?", "kneep", r"stomp(t)?", "gestompt", r"bedreig(t|de)?", "bedreigd",
    r"mishandel(t|de)?", "mishandeld", r"misbruik(t|te)?", "misbruikt", r"verkracht(e)?", "opgesloten", "aangerand",
)
VICTIM = _words("me", "mij", "mijn", "ons", "we", "wij", "ik", "kinderen", "kind", r"moeder", "mama", "zus", "broer")
# A situation that says it on its own, whoever does it.
VIOLENCE_ON_THEIR_OWN = (
    r"\bhuiselijk\s+geweld\b", r"\b(is|wordt|werd)\s+(erg\s+|heel\s+)?gewelddadig\b", r"\bmishandeling\b",
    r"\b(durf|durfde)\s+(niet|nooit)\s+(meer\s+)?(naar\s+huis|thuis\s+te\s+slapen|te\s+slapen\s+als)\b",
    r"\bthuis\b(\s+\S+){0,4}\s+(niet\s+veilig|onveilig)\b|\b(niet\s+veilig|onveilig)\s+(thuis|bij\s+hem|bij\s+haar)\b",
    r"\b(bang|doodsbang)\s+(voor|van)\s+(mijn|ons|onze|m'n)\s+(eigen\s+)?" + ACTORS + r"\b",
    r"\b(word|werd|worden|ben)\s+(thuis\s+|vaak\s+|soms\s+|steeds\s+)*(geslagen|geschopt|mishandeld|getrapt|gewurgd|"
    r"misbruikt|verkracht|opgesloten|bedreigd)\b",
    r"\b(verstoppen|verstop)\b(\s+\S+){0,4}\s+(voor\s+zijn|voor\s+haar)\s+(handen|vuisten|woede)\b",
    r"\b(plekken|blauwe\s+plekken)\b(\s+\S+){0,6}\s+(die\s+hij|die\s+zij|van\s+mijn\s+" + ACTORS + r"|van\s+hem)\b",
    r"\b(houdt|houden|hield)\s+(me|mij|mijn\s+geld|mijn\s+paspoort)\b(\s+\S+){0,3}\s+(vast|binnen|in|achter)\b",
    r"\b(paspoort|pinpas|bankpas|geld|pensioen)\b(\s+\S+){0,4}\s+(af|afgepakt|ingenomen|bij\s+hun|bij\s+hem)\b",
    r"\b(naaktfoto|naaktfoto's|foto's)\b(\s+\S+){0,6}\s+(verspreiden|online\s+zetten)\b",
    r"\bdreig(t|en|de)?\b(\s+\S+){0,8}\s+(kinderen\s+af|terug\s+te\s+sturen|stuurt\s+\w+\s+terug|iets\s+aan\s+te\s+doen|"
    r"me\s+iets\s+aan)\b",
    r"\b(hij|zij|ze)\s+(slaat|schopt|duwt|wurgt|knijpt|trapt)\b",
    r"\b(hij|zij)\s+" + VIOLENT + r"\s+(me|mij)\b|\b(hij|zij)\b(\s+\S+){0,2}\s+(me|mij)\b(\s+\S+){0,3}\s+" + VIOLENT + r"\b",
    r"\b(mijn|m'n)\s+(\w+\s+)?" + ACTORS + r"\b(\s+\S+){0,4}\s+(mes|pistool|wapen|bijl)\b",
    r"\bseks\b(\s+\S+){0,6}\s+(terwijl\s+ik\s+nee|ook\s+als\s+ik\s+nee|als\s+ik\s+niet\s+wil)\b",
    r"\b(tracker|wachtwoorden)\b(\s+\S+){0,6}\s+(telefoon|dreig\w*|moet\s+elk)\b",
)
# Everyday phrases with the same words, removed first.
NOT_VIOLENCE = (
    r"\beieren\s+(kapot|stuk)slaan\b",
    r"\bin\s+(fortnite|de\s+game|het\s+spel|minecraft|fifa|de\s+film|de\s+serie)\b",
    r"\bslaat\s+(nergens\s+op|op\s+niks|alarm)\b",
    # "mijn moeder vermoordt me als ze dit leest", "ze maakt me af als ik haar crème pik": an idiom, no threat
    r"\b(vermoordt|vermoorden|maakt|maken)\s+(me|mij)\s+(af\s+)?als\b",
)


def _violence_in(sentence: str) -> bool:
    for everyday in NOT_VIOLENCE:
        sentence = re.sub(everyday, " ", sentence)
    if any(_any(p, sentence) for p in VIOLENCE_ON_THEIR_OWN):
        return True
    actor = rf"\b(mijn|ons|onze|m'n|de|die)\s+(\w+\s+)?{ACTORS}\b"
    act = rf"\b{ACTS}\b"
    if not (_any(actor, sentence) and _any(act, sentence)):
        return False
    # The act is done to someone at home: "mijn man slaat me", "mijn broer slaat mijn moeder", "ze kneep in mijn arm".
    return _any(rf"\b{ACTS}\b(\s+\S+){{0,4}}\s+{VICTIM}\b|\b{VICTIM}\b(\s+\S+){{0,3}}\s+{ACTS}\b", sentence)


@lru_cache(maxsize=4096)
def mentions_violence(text: str) -> bool:
    """Domestic violence or abuse (the Veilig Thuis reply follows)."""
    return any(_violence_in(s) for s in sentences(text))


# --- acute danger ------------------------------------------------------------------------------------------------------
NOW = r"\b(nu|net|zojuist|zonet|zo-even|op\s+dit\s+moment|sinds\s+(een|\d+|tien|vijf)\s+(minuten|minuut|uur)|ineens|plots|plotseling)\b"
DANGER_ON_THEIR_OWN = (
    # breathing, consciousness, heart, stroke
    r"\b(geen|nauwelijks|slecht|bijna\s+geen)\s+(lucht|adem)\b", r"\b(kan|kunnen)\s+(niet|bijna\s+niet|slecht|nauwelijks)\s+(meer\s+)?ademen\b",
    r"\bademt\s+(niet|nauwelijks|heel\s+raar|raar|niet\s+goed|niet\s+meer)\b",
    r"\b(stikt|verstikt|is\s+aan\s+het\s+stikken)\b", r"\bblauw\s+aangelopen\b", r"\bwordt\s+grauw\b", r"\bbewusteloos\b",
    r"\breageert\s+(niet|nergens)\b", r"\bbuiten\s+westen\b", r"\bniet\s+(meer\s+)?wakker\s+te\s+krijgen\b",
    r"\bin\s+elkaar\s+gezakt\b",
    r"\b(pijn|druk)\s+op\s+(de|mijn|m'n|zijn|haar)\s+borst\b",
    r"\bstraalt\s+uit\s+naar\b", r"\bolifant\s+op\s+(mijn|de)\s+borst\b",
    r"\bhart\s+(slaat|gaat|klopt)\s+(ineens\s+)?(heel\s+)?(snel|als\s+een\s+gek|onregelmatig|tekeer)\b",
    r"\bmond\s+hangt\s+scheef\b", r"\b(arm|been)\s+niet\s+(meer\s+)?bewegen\b", r"\bverlamd\b",
    r"\b(epileptische\s+)?aanval\b(\s+\S+){0,3}\s+(stopt\s+niet|houdt\s+niet\s+op)\b",
    # allergic reaction
    r"\b(keel|tong|lippen|gezicht|mond)\b(\s+\S+){0,3}\s+(zwelt|zwellen|zwol|dik)\b", r"\b(zwelt|zwellen)\s+op\b",
    # bleeding
    r"\bbloed\w*\b(\s+\S+){0,4}\s+(spuit|stopt\s+niet|houdt\s+niet\s+op|enorm|heel\s+erg)\b",
    r"\bbloed\w*\b(\s+\S+){0,3}\s+uit\s+(\w+\s+)?(hoofd|mond|oren|neus\s+en\s+mond)\b",
    r"\b(bloedt|bloed)\s+(heel\s+)?(erg|enorm|hevig|veel)\b(?!\s+(bij|tijdens|met)\s+(mijn|de)\s+(menstruatie|"
    r"ongesteldheid|maandstonden|regels))", r"\b(heel\s+)?veel\s+bloed\b(?!\s+(bij|tijdens)\s+(mijn|de)\s+menstruatie)",
    r"\b(geef|braak|spuug|kots)\s+(nu\s+)?bloed\b",
    r"\b(neergestoken|gestoken|neergeschoten|beschoten)\b", r"\bpolsen\s+(open\s*gesneden|doorgesneden)\b",
    # poisoning and overdose
    r"\b(overdosis|vergiftigd|vergiftiging|koolmonoxide|co-melder|koolmonoxidemelder)\b",
    r"\b(te\s+veel|dubbele\s+dosis)\b(\s+\S+){0,4}\s+(genomen|geslikt|gespoten|gebruikt|op)\b",
    # fire, attackers
    r"\b(brand|rook)\b(\s+\S+){0,4}\s+(in\s+(mijn|de|het|ons)\s+(huis|flat|trappenhuis|keuken|kamer)|vol\s+rook)\b",
    r"\b(ingebroken|inbreker|overvaller|overval)\b", r"\b(deur|raam)\b(\s+\S+){0,3}\s+in\s+te\s+(trappen|slaan|breken)\b",
    r"\bprobeert\b(\s+\S+){0,3}\s+binnen\s+te\s+komen\b", r"\bachtervolgd\b",
    r"\bmet\s+een\s+(mes|pistool|wapen|bijl)\b(\s+\S+){0,6}\s+(binnen|naar\s+boven|achter\s+me|in\s+huis|tuin)\b",
    r"\b(mes|pistool|wapen|bijl)\s+(gepakt|getrokken)\b", r"\bgewapende?\b",
)
# Danger that needs "now": something taken just now, someone at the door now, a fall now.
DANGER_NOW = (
    r"\b(pillen|pil|tabletten|strip|paracetamol|oxycodon|methadon|insuline|ghb|coke|xtc|drugs|wodka|drank|medicijnen|"
    r"slaappillen)\b(\s+\S+){0,6}\s+(genomen|geslikt|gespoten|ingenomen|gebruikt|op|gedronken)\b",
    r"\b(staat|zit|is|komt)\b(\s+\S+){0,3}\s+(voor\s+de\s+deur|in\s+huis|beneden|in\s+(mijn|de)\s+tuin|eraan)\b",
    r"\b(gevallen|gevallen\s+van\s+de\s+trap)\b(\s+\S+){0,6}\s+(bloedt|bloed|reageert|praat\s+niet|zegt\s+niks)\b",
    r"\b(sta|zit)\b(\s+\S+){0,3}\s+op\s+(het|de|een)\s+(dak|brug|rand|balkon)\b",
    r"\b(hij|zij|ze)\s+slaat\b(\s+\S+){0,4}\s+nu\b|\bnu\b(\s+\S+){0,4}\s+(slaat|slaan)\s+(hij|zij|ze|me|mij|mijn)\b",
    r"\b(flauwgevallen|flauw\s+gevallen|flauwval|val\s+flauw|van\s+mijn\s+stokje|ik\s+stik)\b",
    r"\b(opgesloten|verstopt|verstop)\b(\s+\S+){0,4}\s+(badkamer|wc|kast|magazijn|kamer)\b",
)


@lru_cache(maxsize=4096)
def mentions_danger(text: str) -> bool:
    """Acute danger to life now (the "bel nu 112" reply follows)."""
    for s in sentences(text):
        if any(_any(p, s) for p in DANGER_ON_THEIR_OWN):
            return True
        if _any(NOW, s) and any(_any(p, s) for p in DANGER_NOW):
            return True
    return False


# --- medical alarm signs: the spec's red flags ---------------------------------------------------------------------
@dataclass(frozen=True)
class Sign:
    """A red flag as concepts: a word of ``what`` and of ``how`` in one clause (``how`` may be empty), none of
    ``unless`` in the message; ``plainly``: at the red-flag question itself the ``what`` alone is enough."""

    code: str
    what: str
    how: str = ""
    unless: str = ""
    plainly: str = ""
    denial: str = r"\b(geen|niet|nooit|niks|niets|nee)\b"  # a word right before ``what`` that denies it
    mild: str = ""  # words that make the plain word at the question not enough ("soms wat buikpijn")


STOOL = (r"(ontlasting|poep\w*|stoelgang|drol\w*|diarree|kak|stront|grote\s+boodschap|wc|toilet\w*|pot|anus|kont|billen|"
         r"ontlasten|afgaan|"
         r"papier|wc-papier|toiletpapier|afvegen|afveeg|veeg|veegt|slijm|onderbroek|ondergoed|slipje|achteren|"
         r"achterste|wind|defecatie|rectaal|rectum|anaal)")
# Pale stool or urine dark as tea: with yellow skin or eyes, the signs of jaundice a patient sees.
PALE_STOOL = r"(licht\w*|wit\w*|bleek\w*|grijs\w*|lichtgrijs\w*|klei\w*|stopverf)"
DARK_URINE = r"(plas|urine|pis)\b(\s+\S+){0,3}\s+(is\s+)?(donker\w*|bruin\w*)|(donker\w*|bruin\w*)\s+(plas|urine)"
# Causes that explain weight loss (a diet, sport, an illness): then it is no alarm sign.
WEIGHT_CAUSES = (r"\b(dieet|dieten|diëten|lijnen|lijn|expres|bewust|bedoeling|sport\w*|weight\s*watchers|dietist\w*|"
                 r"maagverkleining|volgens\s+plan|blij|moet\s+afvallen|wil\s+afvallen|wil\s+eraf|griep|zit\s+er\s+alweer\s+aan|"
                 r"wou\s+dat|was\s+het\s+maar|zwanger\w*|bevallen)\b")

SIGNS = (
    Sign("blood_in_stool", r"\b(bloed\w*|(?!\w*brood)\w*rood\w*|roze|klonten|\w*rode\s+(\w+\s+)?(klonten|strepen|stolsels|draden|vlekken)|dat\s+rode)\b", rf"\b{STOOL}\b",
         r"\b(biet\w*|(na|door|van)\s+(\w+\s+){0,3}biet\w*|neus\w*|bloedneus\w*|tandvlees|maandstonden|menstruatie|ongesteld\w*|regels|mens|"
         r"bloedprik\w*|bloed\s+(geven|gegeven|afnemen|afgenomen)|geef\s+(\w+\s+)?bloed|sanquin|donor)\b",
         r"\bbloed\w*\b"),
    Sign("black_stool", r"\b(\w*zwart\w*|teer\w*|drop|asfalt|roet|koffiedik|inkt|\w*olie|melaena|melena)\b",
         rf"\b({STOOL}|melaena|melena)\b",
         r"\b(ijzertabletten|ijzerpillen|ijzer|houtskool\w*|bismut|drop\s+(\w+\s+)?gegeten|veel\s+(\w+\s+)?drop|(?<!los\s)daarvan|(komt|is|wordt|was|werd)\s+(\w+\s+)?ervan|bosbessen|rode\s+biet\w*|"
         r"(na|door|van)\s+(\w+\s+){0,3}(drop|ijzer\w*|bosbessen|biet\w*))\b",
         r"\b(\w*zwart\w*|teer\w*|melaena|melena)\b"),
    Sign("unexplained_weight_loss",
         r"\b(af\s*vallen|afgevallen|afval|val\s+(\w+\s+){0,3}af|vallen\s+af|"
         r"kilo('s)?\s+(\w+\s+)?(kwijt|lichter|minder|weg|verloren|eraf|afgevallen)|vermager\w*|"
         r"(kleren|kleding|broek\w*)\s+(\w+\s+){0,2}(hangt|hangen|zit|zitten)\s+(\w+\s+)?(los|ruim)|"
         r"(word|wordt|ben)\s+(\w+\s+)?(dun|dunner|mager|magerder)|minder\s+kilo|"
         r"\d+\s*(kilo|kg)\b(\s+\S+){0,4}\s+(was|woog)\s+(ik\s+)?(nog\s+)?\d+|verloren\s+(\w+\s+)?\d+\s*(kilo|kg)|"
         r"\w*gewicht\s+(\w+\s+)?(verloren|kwijt)|"
         r"\w*kwijtgeraakt|kg\s+lichter|lichter|magerder|mager\s+(\w+\s+)?(geworden|word\w*)|dun(ner)?\s+(geworden|word\w*)|"
         r"gewicht\s+(verloren|verlies)|verlies\s+(\w+\s+){0,3}(gewicht|kilo\w*)|gewichtsverlies|"
         r"broek\w*\s+(zak\w*|valt|vallen)|kleren\s+(\w+\s+){0,3}(om\s+me\s+heen|te\s+ruim|ruimer|groot)|"
         r"riem\b(\s+\S+){0,6}\s+(strakker|gaatje\w*)|weegschaal\b(\s+\S+){0,4}\s+(zakt|daalt|minder|lager)|ingevallen|"
         r"vermagerd|weeg\s+nu|gewicht\b(\s+\S+){0,3}\s+(gaat|loopt|zakt)\s+(\w+\s+)?(omlaag|terug|achteruit)|"
         r"kilo('s)?\b(\s+\S+){0,2}\s+(vliegen|gaan)\s+eraf|(steeds|zo)\s+dun(ner)?|mager\s+aan\s+het\s+worden|mager\s+werd|"
         r"slobber\w*|maat\s+kleiner|ribben\s+steken|\d+\s*-+>?\s*\d+\s+in\s+\d+|"
         r"van\s+\d+\s+naar\s+\d+\s+(kilo|kg)|van\s+maat\s+\d+\s+naar)\b",
         r"\b(zonder\s+(reden|dieet|moeite|dat\s+ik|(\w+\s+){0,3}(te\s+)?(lijnen|dieten|diëten|sporten|veranderd|"
         r"veranderen|willen|wil))|onverklaarba\w*|"
         r"zonder\s+(mijn\s+best|moeite|te\s+weten|het\s+te\s+willen)|niet\s+op\s+dieet|ongewenst|gek\s+genoeg|"
         r"(niks|niets)\s+aan\s+(de\s+)?lijn\w*|steeds|hard|snel|"
         r"als\s+een\s+gek|toch|(niet|nooit)\s+(\w+\s+){0,3}(op\s+let|probeer|moeite\s+voor)|probeer\s+het\s+niet|"
         r"doe\s+er\s+(niks|niets)\s+voor|geen\s+idee\s+hoe|zonder\s+verandering|ziek\s+ben|"
         r"weet\s+niet\s+waarom|geen\s+idee\s+waarom|niemand\s+weet\s+waarom|snap\s+het\s+niet|niet\s+expres|"
         r"niet\s+bewust|ongewild|onbedoeld|onverklaard|zomaar|vanzelf|ineens|"
         r"eet\s+(\w+\s+)?(normaal|genoeg|gewoon|goed|hetzelfde|meer)|gewoon\s+eet|lijn\s+niet|niet\s+gelijnd|"
         r"doe\s+niks\s+(anders|aan\s+de\s+lijn)|niet\s+aan\s+het\s+lijnen|probeer\s+niet\s+af\s+te\s+vallen|raar|"
         r"wil\s+(het\s+)?niet|ongerust|bang|(niks|niets)\s+(voor\s+)?(gedaan|bijzonders|anders)|zoals\s+altijd|"
         r"geen\s+plan|meer\s+(ben\s+gaan\s+)?eten|weet\s+(echt\s+)?(niet|ni)\s+(hoe|waar|van\s+wat|van\s+wa|wat)|"
         r"snap\s+(\w+\s+)?niet|zonder\s+dat\s+ik\s+(dat\s+)?wilde)\b",
         WEIGHT_CAUSES,
         r"\b(afgevallen|af\s*vallen|val\s+af|kilo|gewicht\w*)\b"),
    # What weight loss looks like (a loose watch, a face that has fallen in, ribs to count): said as a worry, it
    # needs no word that it is unexplained; a cause still explains it.
    Sign("unexplained_weight_loss",
         r"\b(ingevallen|ribben|spieren\s+verdwijnen|dunne\s+(stokjes|armen|benen)|vermagerd|"
         r"(gezicht|wangen)\b(\s+\S+){0,3}\s+(smal|ingevallen|hol)|"
         r"(horloge|ring|ringen|gebit|kunstgebit|overhemd\w*|hemd\w*|bh\w*|jurk\w*|rok|jas|trui\w*|maat|broek\w*|kleren|"
         r"kleding|riem)\b(\s+\S+){0,6}\s+(los|ruim|wijd|te\s+groot|kleiner|slobber\w*|zakt|zakken|hangt|hangen|draait))\b",
         "", WEIGHT_CAUSES),
    Sign("persistent_vomiting", r"\b(overgeven|overgegeven|overgeefbui\w*|over\s+(mijn|m'n)\s+nek|gooi\s+alles\s+eruit|"
         r"over\s+te\s+geven|gooi\s+(\w+\s+){0,5}(er\s*)?(\w+\s+)?uit|"
         r"geef\s+(?!niet\b|geen\b|nooit\b)(\w+\s+){0,8}over|braken|braak\w*|kotsen|kots|uitkots\w*|"
         r"spugen|spuug|uitspug\w*|niks\s+binnen\s*(houden|houd|houdt)|niets\s+binnen\s*(houden|houd|houdt)|"
         r"(houd|houdt|houden)\s+(niks|niets|geen\s+eten)\s+binnen|komt\s+(er\s+)?(alles\s+)?(weer|terug)\s+(uit|omhoog)|"
         r"alles\s+komt\s+(er\s*)?uit|komt\s+alles\s+(er\s*)?uit)\b",
         r"\b(al\s+(\w+\s+){0,3}(dagen|weken|dag|week|maand|maanden|nachten)|dagen|nachten|steeds|blijf|blijven|blijft|"
         r"constant|"
         r"elke\s+(dag|ochtend|avond|nacht)|heel\s+de\s+week|de\s+hele\s+week|"
         r"(na\s+)?(bijna\s+)?elke\s+(maaltijd|hap|keer)|alles\s+(uit|eruit)|"
         r"zelfs\s+water|sinds|(niks|niets)\s+binnen\w*|geen\s+eten\s+binnen|moet\s+al|stopt\s+(niet|ni))\b",
         r"\b((1|een)\s+dag\b(?!\s+of\b)|twee\s+dagen\b.*\bvoorbij|buikgriep|wagenziek|zeeziek|kater|voorbij|weer\s+(goed|prima|beter))\b",
         r"\b(overgeven|braken|kotsen|spugen)\b"),
    Sign("difficulty_swallowing", r"\b(slikken|slik|doorslikken|\w*geslikt|door\s+te\s+(slikken|krijgen)|slokdarm|wegslik\w*|"
         r"krijg\s+(\w+\s+){0,3}(niet|nauwelijks)\s+(meer\s+)?door|keelgat|"
         r"verslik\w*|naar\s+beneden|zakt|zakken|keel|slikklacht\w*|slikproblem\w*|slikprobleem|dysfagie|"
         r"wegspoelen|weg\s+te\s+spoelen|eten\s+blijft|blijft\s+(\w+\s+){0,6}(steken|hangen|zitten)|speeksel|"
         r"naar\s+binnen|(hap|eten|brood|vlees)\s+(\w+\s+){0,2}weg|weg\s+te\s+krijgen|krijg\s+(\w+\s+){0,4}weg)\b",
         r"\b(moeilijk\w*|moeite|moeizaam|slecht|gaat\s+niet|lukt\s+niet|niet\s+meer|niet\s+goed|nauwelijks|vast\w*|"
         r"blijft\s+(\w+\s+){0,2}(steken|hangen|zitten)|blijven\s+(\w+\s+){0,2}(steken|hangen|zitten)|"
         r"steken|hangen|pijn|prop|stopt|krijg\s+(\w+\s+)?niet|wil\s+(\w+\s+)?niet|slikklacht\w*|slikproblem\w*|"
         r"slikprobleem|dysfagie|water\s+drinken|slokken\s+water|kan\s+(\w+\s+)?niet|slechter|dicht|drie\s+keer|"
         r"stroef|in\s+de\s+weg|niet\s+(meer\s+)?(goed\s+)?door\w*|lastig|zwaar|geen\s+(\w+\s+)?meer|"
         r"steeds\s+moeilijker)\b",
         r"\b(visgraat|verkouden|keelpijn\s+van|griep|angina)\b",
         r"\b(slikken|slik)\b", denial=r"\b(geen|niks|niets|nooit)\b"),
    Sign("jaundice", rf"\b(geel\w*|geele|gele|gelig\w*|geler|icterus|{PALE_STOOL}\s+(\w+\s+)?(ontlasting|poep|stoelgang)|"
         rf"(ontlasting|poep|stoelgang)\s+(is\s+)?(\w+\s+){{0,2}}{PALE_STOOL})\b",
         rf"\b(oo?g(en)?|oogwit|huid|gezicht|zie|word|wordt|\w*uitzie\w*|geelzucht|icterus|kleur|tintje|verkleuring|"
         rf"jeuk\w*|geel\s+als|uitgeslagen)\b|\b{DARK_URINE}\b|"
         r"\b(ben|bent|is|was)\s+(\w+\s+){0,2}(geel|geler|gelig)\b|\b(geel|geler|gelig)\s+(was|ben|is|word|werd)\b",
         r"\b(nicotine|vingers|tanden|nagels|tand|wortel\w*|zelfbruiner|bruiningscreme|curcuma|kurkuma)\b",
         r"\b(geel|gele|geelzucht|icterus)\b"),
    Sign("severe_abdominal_pain", r"\b(buikpijn|maagpijn|pijn\s+(\w+\s+){0,3}in\s+(mijn|mijne|mijnen|de)\s+(hele\s+)?(boven|onder)?"
         r"(buik|maag)\w*|buik\b(\s+\S+){0,6}\s+(pijn|zeer)|buik\s+doet\s+(\w+\s+)?heel|pijn\s+(\w+\s+)?(buik|maag)|krampen|buikkrampen|"
         r"(boven|onder)buik|(steken|steek)\s+in\s+(mijn|de)\s+(buik|maag))\b",
         r"\b(hevig\w*|heftig\w*|enorm\w*|ernstig\w*|ondraaglijk\w*|vreselijk\w*|verschrikkelijk\w*|extre\w*|"
         r"stekend\w*|dubbel\w*|(snoei|kei|bere|loei|reuze)\w+|gek\s+van|heel\s+(heel\s+)?erg|heel\s+heel|zo\s+erg|echt\s+erg|erger\s+dan\s+ooit|niet\s+lopen|"
         r"huilen|constant|keihard|flauwval\w*|fel\w*|niet\s+normaal|zo'n\s+pijn|zoveel|zo\s+veel|erge|creper\w*|"
         r"niet\s+te\s+(harden|doen)|niet\s+uit\s+te\s+houden|niet\s+kan\s+werken|kan\s+niet\s+werken|"
         r"niet\s+(meer\s+)?(rechtop|rechtstaan|zitten|staan|stilzitten)|in\s+elkaar\s+(duik|duiken)|krom\s+(van|lig|liggen)|"
         r"steeds\s+erger|(helpen|helpt|hielp)\s+niet|(zo|zoveel)\s+(veel\s+)?(pijn|heel|erg)\s+dat|"
         r"schaal\s+van\s+(10|tien)\s+(een\s+)?(7|8|9|10|zeven|acht|negen|tien)|"
         r"wakker|(\d+|negen|tien)\s+van\s+de\s+(10|tien)|niks\s+meer\s+kan|gillen|kronkel\w*|mes|plank|ongelooflijk\w*|"
         r"ontzettend\w*|niet\s+(van\s+)?kan\s+lopen|niet\s+kan\s+beschrijven|help|"
         r"zo'?n\s+(\w+\s+)?(pijn|buikpijn)\s+dat|veel\s+pijn|heel\s+veel|nog\s+nooit|erger\s+dan|"
         r"niet\s+(meer\s+|eens\s+|recht\s+)?(lopen|typen|nadenken|bewegen|eten|aankomen|slapen)|kreunen|zo\s+stil|"
         r"trek\s+het|waanzinnig\w*|opgezet|strak|koorts|zweet|tril|hele\s+nacht|zelfs|werk\s+(\w+\s+)?verlaten|alsof)\b",
         r"\b(lachen|spierpijn|menstruatie\w*|ongesteld\w*|te\s+veel\s+gegeten|bonen)\b",
         r"\b(buikpijn)\b", mild=r"\b(soms|wat|beetje|licht\w*|af\s+en\s+toe|weleens|wel\s+eens|zenuw\w*)\b"),
)
# A question about a sign rather than the sign: "stel dat je ...", "wat betekent ...", "wanneer is buikpijn ernstig?",
# "wat verstaan jullie onder ...". A question word opens a question when a verb follows it, not a subject: "wat ik
# wel weet is dat ..." tells.
HYPOTHETICAL = (r"\b(stel\s+dat|wat\s+(betekent|als)|als\s+(je|iemand|men)|wanneer\s+moet|is\s+het\s+erg\s+als|wat\s+moet\s+je|"
                r"(vragen|weten)\s+wat|verst(aan|aat)\s+(jullie|je|u)\s+onder|bedoel(en|t)\s+(jullie|je|u)\s+met|(jullie|je|u)\s+met\s+(\w+\s+){1,4}bedoel(en|t)?)\b|"
                r"^(wat|wanneer|hoe|hoeveel|waarom|welke|wie|waaraan)\b(?!\s+(ik|je|jij|we|wij|ze|zij|hij|u|men|mijn)\b)")
# A past episode that is over ("die zijn behandeld", "ging vanzelf over", "nu geen klachten meer"), or the way one
# has always been ("dat heb ik al mijn hele leven"): no new sign.
RESOLVED = (r"\b((al\s+)?(mijn|m'n)\s+hele\s+leven|altijd\s+al|sinds\s+ik\s+klein\s+was|van\s+kleins\s+af|als\s+(kind|baby|peuter|tiener)|"
            r"(was|is)\s+het\s+over|(niet|nooit)\s+meer\s+(terug\w*|gehad)|(jaar|jaren)\s+(\w+\s+)?(niks|niets)\s+meer|behandeld|sinds\s+(die|de|mijn)\s+behandeling|genezen|ging\s+(\w+\s+)?over|overgegaan|voorbij|sindsdien\s+(\w+\s+)?(niks|niets|geen|weg)|"
            r"(nu|verder)\s+(\w+\s+){0,2}geen\s+klachten|weer\s+normaal)\b")
# At the red-flag question a plain word ("bloed", "braken") answers in a message up to this long.
PLAIN_WORDS = 12
# "mijn vader had bloed in de ontlasting, ik zelf heb dat niet": about someone else.
SELF_DENIED = (r"\b(ik\s+(zelf\s+)?(heb|had)\s+(dat|het)\s+(zelf\s+)?niet|(zelf\s+)?heb\s+ik\s+(dat|het)\s+niet|"
               r"(dat|die|het)\s+heb\s+ik\s+(zelf\s+)?niet|"
               r"ik\s+heb\s+het\s+niet\s+hoor)\s*(,|\.|$|hoor|gelukkig)")
# "is het erg als je ontlasting zwart is? want dat heb ik nu al een paar dagen": a question, and the sign after all.
SELF_AFFIRMED = r"\b(dat|die|het)\s+heb\s+ik\b(?!\s+niet)|\bik\s+heb\s+(dat|het)\s+(nu|al|ook|sinds)\b"


# "zwarte ontlasting? nee, gewoon bruin": the patient asks the sign and answers it; the pair says nothing happened.
ASKED_AND_DENIED = (r"[^.?!;]{1,60}\?\s*(nee|neen|nope|nooit|niet|geen|gaat\s+(prima|goed)|prima|goed|normaal)\b"
                    r"[^.?!;]*[.!;]?")
# Someone other than the patient, as the subject near a sign: "mijn vader die steeds moet overgeven".
OTHERS = _words("vader", "moeder", "pa", "ma", "papa", "mama", "opa", "oma", "man", "vrouw", "vriend", "vriendin",
                "partner", "zoon", "dochter", "kind", "kinderen", "broer", "zus", "zusje", "broertje", "collega",
                "collegas", "buurman", "buurvrouw", "hond", "kat", "schoonmoeder", "schoonvader", "tante", "oom",
                "baby", "kleinzoon", "kleindochter", "huisgenoot", "vriendje", "vriendinnetje", "ouders", "hondje",
                "echtgenote", "echtgenoot", "buren", "schoonzus", "schoonbroer", "neef", "nicht")
PERSON = rf"\b(mijn|onze|ons|de|zijn|haar|hun)\s+{OTHERS}(je|tje|ke|ske)?\b|\b(hij|zij|ze)\b|\b(ik|me|mij|mijzelf|mijn)\b"


def _someone_else(text: str, sign: Sign) -> bool:
    """The person named last before the sign's word is someone else, and no "ik"/"mijn" follows in its clause
    ("mijn man heeft buikpijn en houdt me wakker" is his)."""
    match = re.search(sign.what, text)
    if not match:
        return False
    named = [m.group(0) for m in re.finditer(PERSON, text[: match.start()])]
    rest = re.split(r",| \. |\s(?:en|maar|want|omdat|dus)\s", text[match.end():])[0]
    return bool(named) and not re.fullmatch(r"ik|me|mij|mijzelf|mijn", named[-1]) and not re.search(
        r"\b(ik|mijn)\b(?!\s+" + OTHERS + r"(je|tje|ke|ske)?\b)", rest)


CONJUNCTIONS = {"want", "omdat", "dus", "en", "maar", "terwijl"}


def _denied(clause: str, sign: Sign) -> bool:
    """The sign's word comes right after a denial in its clause ("geen bloed", "niet geel"), or the clause says
    it is fine ("slikken gaat prima")."""
    match = re.search(sign.what, clause)
    if not match:
        return False
    before = clause[: match.start()].split()[-2:]
    if set(before) & CONJUNCTIONS:  # "ik eet niks want alles komt eruit": the denial is in the clause before
        before = before[max(i for i, w in enumerate(before) if w in CONJUNCTIONS) + 1 :]
    if re.match(r"\s*te\s+(harden|doen)|\s*uit\s+te\s+houden|\s*normaal", clause[match.end():]) or re.search(
            r"niet\s+te\s+harden\s*$", clause[: match.start()]):  # fmt: skip
        before = []  # "niet te harden pijn": no denial
    if ("meer" in before and before != ["nooit", "meer"]) or re.search(r"\bmeer\b", match.group(0)):
        before = []  # "niks meer slikken", "geen hap meer weg": worse, not denied
    fine_before = re.search(r"\b(prima|goed|normaal|gewoon)\s*$", clause[: match.start()]) and not re.search(
        r"\b(niet|slecht)\s+(\w+\s+)?(prima|goed|normaal|gewoon)\s*$", clause[: match.start()])
    if fine_before:
        return True  # "ik kan prima slikken"
    after = " ".join(clause[match.end():].split()[:3])
    fine = re.search(r"\b(prima|goed|normaal|gewoon\s+wit|niks\s+mis)\b", after) and not re.search(
        r"\bniet\s+(\w+\s+)?(prima|goed|normaal)\b", after)
    without = before[-1:] == ["zonder"]  # "zonder bloed"; "zonder reden afvallen" is no denial
    return any(re.fullmatch(sign.denial, w) for w in before) or without or bool(fine)


def _explained(sign: Sign, text: str) -> bool:
    """A cause of ``sign.unless`` in the message, not denied ("geen ijzerpillen", "zonder dieet", "niks met wortels")."""
    return any(not re.search(r"\b(zonder|niet|geen|niks|niets|noch)\b(\s+[^\s.]+){0,4}\s*$", text[: m.start()])
               and not re.match(r"\s+(niet|nooit)\b", text[m.end():])  # "ik lijn niet"
               for m in re.finditer(sign.unless, text))  # fmt: skip


def _affirmed(pattern: str, text: str) -> bool:
    """``pattern`` occurs, and not right after a denial ("niet ernstig", "geen moeite", "niets ernstigs"); "niks
    vasts meer" is worse, not denied."""
    return any(not re.search(r"\b(niet|geen|nooit|niets|niks)\s+$", text[: m.start()])
               or re.match(r"\s+meer\b", text[m.end():]) for m in re.finditer(pattern, text))


@lru_cache(maxsize=4096)
def red_flags(text: str, asked: bool = False) -> tuple:
    """The red flags the message reports, in the spec's order; ``asked``: typed at the red-flag question, where a
    plain word ("bloed", "overgeven") is enough."""
    found = []
    text = re.sub(ASKED_AND_DENIED, " . ", normalise(text))
    whole = plain(text)
    for sign in SIGNS:
        # A cause that explains the sign ("door mijn dieet") rules it out; "zonder dieet" or "geen ijzerpillen" is
        # no such cause.
        if sign.code in found:  # a sign said in more ways than one (weight loss)
            continue
        if sign.unless and _explained(sign, whole):
            continue
        if _any(SELF_DENIED, whole) or re.search(r"\b(nu|verder)\s+(\w+\s+){0,2}geen\s+klachten\b", whole):
            continue
        asks = HYPOTHETICAL if not _any(SELF_AFFIRMED, whole) else r"(?!)"  # a question, unless the sign is told too
        told = " . ".join(s for s in sentences(text) if not _any(asks, s))  # questions about signs left out
        for sentence in sentences(text):
            if _any(asks, sentence) or _any(RESOLVED, sentence):
                continue
            hit = False
            for clause in clauses(sentence) + [sentence]:  # a sign may span a comma: "mijn buik, het doet zo'n pijn"
                # whose sign: named in the clause, or earlier in the sentence ("mijn moeder, die heeft ...")
                said_by = sentence[: sentence.find(clause) + len(clause)]
                if (not _any(sign.what, clause) or _denied(clause, sign) or _someone_else(clause, sign)
                        or _someone_else(said_by, sign)):
                    continue
                how_here = not sign.how or _affirmed(sign.how, told)
                plainly = (asked and sign.plainly and _any(sign.plainly, clause) and len(whole.split()) <= PLAIN_WORDS
                           and not (sign.mild and _any(sign.mild, clause)))
                if how_here or plainly:
                    hit = True
                    break
            if hit:
                found.append(sign.code)
                break
    return tuple(found)


# --- pregnancy ---------------------------------------------------------------------------------------------------------
PREGNANT = (
    r"\b(ik\s+ben|ben\s+ik|ik\s+was|ik\s+ben\s+nu)\s+(\w+\s+){0,3}(zwanger|in\s+verwachting)\b",
    r"\b(mijn|m'n)\s+zwangerschap\b", r"\b(ik\s+)?(geef|geven)\s+(nog\s+)?borstvoeding\b",
    r"\bzwanger\s+van\s+(mijn|ons|onze|een|de)\b", r"\b\d+\s+weken\s+zwanger\b",
)
NOT_PREGNANT = r"\b(niet|nooit|geen)\s+(\w+\s+)?(zwanger|in\s+verwachting|borstvoeding)\b"


@lru_cache(maxsize=4096)
def pregnant(text: str) -> bool:
    """The writer says she is pregnant or breastfeeding (the clinic's record flags it)."""
    whole = plain(text)
    return any(_any(p, whole) for p in PREGNANT) and not _any(NOT_PREGNANT, whole)
