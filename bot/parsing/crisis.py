"""Crisis wording: thoughts of suicide or self-harm, in any phrasing, at any point of the conversation.

The dialogue checks this before it reads a message as an answer (bot/dialogue/turn.py), so a
sentence that also reads as an answer ("soms denk ik erover om er een einde aan te maken") gets
the 113 reply and records nothing. Recall matters more than precision: when in doubt, the
assistant offers support. Everyday words ("doodmoe", "ik lach me dood", "het einde van het jaar")
raise no alarm: a pattern needs the words that make the meaning, in their order.

The words are compared after small typos are folded into the word they resemble ("zelfmort",
"maakn"), so the patterns below are written in plain spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.parsing.text import normalise, similar

# Words a typo is folded into before the patterns run (5 letters or more; see text.typo_budget).
CANONICAL = ("zelfmoord", "suicide", "suicidaal", "zelfdoding", "maken", "einde", "leven", "wakker", "missen",
             "aandoen", "mezelf", "mijzelf", "niemand", "iedereen", "sterven", "doodgaan", "beeindigen",
             "ophangen", "springen", "overdosis")  # fmt: skip
# Whole words that mean it on their own.
WORDS = ("zelfmoord", "zelfmoordgedachten", "zelfmoordgedachte", "suicide", "suicidaal", "suicidale", "zelfdoding",
         "zelfbeschadiging", "automutilatie", "zelfmoordpoging", "suicidegedachten", "afscheidsbrief", "levensmoe",
         "zelfmoordneigingen", "zelfmoordneiging", "doodsgedachten", "doodsgedachte", "doodswens")  # fmt: skip
# Chat spellings: dropped letters and split or joined words, made plain before anything else.
SPELLING = {"nie": "niet", "t": "het", "k": "ik", "mn": "mijn", "m'n": "mijn", "leve": "leven", "worde": "worden",
            "zitte": "zitten", "maakn": "maken", "dod": "dood", "eide": "einde", "aanmaken": "aan maken",
            "wil'": "wil", "doodgaan": "dood gaan", "zelfdoden": "mezelf doden"}
JOINED = (("me zelf", "mezelf"), ("mij zelf", "mijzelf"), ("zelf moord", "zelfmoord"), ("aan doen", "aandoen"))
_GAP = r"(?:\s+\S+){0,%d}"
_JUMP_FROM = r"voor (de|een) (trein|metro|vrachtwagen)|van (een|de|het) (brug|flat|dak|balkon)"
PATTERNS = tuple(re.compile(p) for p in (
    # een eind(e) aan (mijn leven) maken, er een eind aan maken
    r"\beind(e)?\b" + _GAP % 4 + r"\s+(maken|maak|maakt|make|gemaakt|te maken)\b",
    r"\b(maken|maak)\b" + _GAP % 4 + r"\s+(een )?eind(e)?\b\s+aan\b",
    r"\beind(e)?\b\s+aan\s+(mijn|het)\s+leven\b",
    r"\b(mijn|het)\s+leven\s+(te\s+)?(be[e]?indigen|stoppen|afmaken|nemen)\b",
    r"\b(uit het leven|het leven uit)\s+(stappen|te stappen|gaan)\b|\bwil\b" + _GAP % 2 + r"\s+het leven uit\b",
    r"\bvan\s+het\s+leven\s+(te\s+)?beroven\b",
    r"\b(mezelf|mijzelf|me|mij)\s+(van kant|om het leven)\b|\bvan kant\s+(te )?maken\b",
    # er niet meer zijn, niet meer (willen) leven, niet meer wakker worden
    r"\ber(\s+\S+){0,3}\s+niet\s+meer\s+(te\s+)?(hoeven\s+(te\s+)?|hoor\s+te\s+|willen\s+|wil\s+)?(zijn|zou zijn|was|ben)\b",
    r"\b(ben|zijn|was)\s+er\s+(liever|beter)\s+niet\s+meer\b|\ber\s+liever\s+niet\s+meer\s+(ben|zijn|was)\b",
    r"\bniet\s+(meer|langer)\s+(willen\s+|wil\s+|hoeven\s+(te\s+)?)?(leven|bestaan)\b",
    r"\b(wil|wilde|wou|willen)\b" + _GAP % 3 + r"\s+niet\s+(meer|langer)\s+(zijn|leven|bestaan|verder)\b",
    r"\b(liever|beter)\s+(dood|niet geboren)\b|\bdood\s+zijn\b" + _GAP % 3 + r"\s+beter\b",
    r"\b(wil|wilde|wou|willen|liefst|zou)\b" + _GAP % 3 + r"\s+(dood|sterven)\b",
    r"\bdood\s+(wil|willen|wilde|te gaan)\b|\b(ik|was ik)\s+(maar\s+)?dood\s+(was|ben|zou)\b",
    r"\b(niet|nooit)\s+meer\s+(wakker|opstaan|opsta|op te staan|open|uitkomen|uit te komen)\b",
    r"\bhoop\b" + _GAP % 8 + r"\s+(aanrijdt|aan rijdt|ongeluk krijg)\b",
    r"\bniemand\b" + _GAP % 3 + r"\s+(missen|mis)\b|\b(zou|zouden)\s+me\s+(niet\s+)?missen\b",
    r"\b(missen|merken)\b" + _GAP % 5 + r"\s+als\s+ik\s+(er\s+)?(weg|dood|niet meer)\b",
    r"\bbeter\s+(af\s+)?(zijn\s+|is\s+|zou\s+zijn\s+|zouden\s+zijn\s+)?zonder\s+(mij|me)\b",
    # zelfbeschadiging
    r"\b(me|mij|mezelf|mijzelf)\s+(iets|wat)" + _GAP % 2 + r"\s+(aandoen|aan te doen)\b",
    r"\b(mezelf|mijzelf)\b" + _GAP % 2 + r"\s+(pijn\s+(te\s+)?(doen|doe)|snijden|snij|te snijden|ophangen|verdrinken|doden|ombrengen|verwonden|beschadigen)\b",
    r"\b(snij|snijd|snijden|kras|krassen)\s+(mezelf|mijzelf|me)\b|\b(mijn)\s+polsen\b",
    r"\b(snij|snijd|snijden|kras|krassen)\b" + _GAP % 2 + r"\s+(in\s+)?(mijn|m'n)\s+(arm|armen|been|benen|bovenbenen|pols|huid)\b",
    r"\b(beschadig|verwond|brand|snij|snijd|kras|sla)\s+(mezelf|mijzelf)\b|\b(doe|deed)\s+(ik\s+)?(mezelf|mijzelf|me)(?:\s+(?!geen\b)\S+){0,2}\s+pijn\b",
    r"\b(mezelf|mijzelf|me)\b" + _GAP % 2 + r"\s+(gesneden|gekrast|verwond|beschadigd)\b",
    r"\b(mezelf|mijzelf|me|mij)\s+(iets|wat)\s+aan\s+(ga|te|zal|zou)\s+doen\b|\biets\s+(doms|ergs)\s+met\s+(mezelf|mijzelf)\b",
    r"\b(me|mezelf|mijzelf)\s+(op\s+te\s+hangen|ophangen|verhangen|te\s+verhangen)\b",
    r"\b(" + _JUMP_FROM + r"|eraf)\s+(te\s+)?(springen|spring)\b",
    r"\b(brug|dak|flat|balkon|spoor)\b" + _GAP % 6 + r"\s+(wil|wilde|ga|om te)\s+(springen|spring)\b",
    r"\btegen\s+een\s+(boom|muur|vrachtwagen)\s+(aan\s+)?(te\s+)?(rijden|rij|knallen)\b",
    r"\b(alle|al mijn|een hoop|veel|strip|doos|potje|hele)\b" + _GAP % 2 + r"\s+(pillen|pilletjes|slaappillen|paracetamol|tabletten|medicijnen)\b" + _GAP % 5 + r"\s+(innemen|in te nemen|slikken|nemen|geslikt|ingenomen|genomen)\b",
    r"\b(pillen|pilletjes|slaappillen|tabletten|medicijnen)\b" + _GAP % 2 + r"\s+(opgespaard|gespaard|verzameld|gehamsterd)\b",
    r"\bgenoeg\s+(pillen|slaappillen|tabletten)\b" + _GAP % 4 + r"\s+voorbij\b",
    r"\boverdosis\b|\bmanier\s+om\s+(te\s+sterven|dood\s+te\s+gaan|er\s+uit\s+te\s+stappen)\b",
    r"\btouw\b" + _GAP % 4 + r"\s+klaar\b|\bpoging\s+(gedaan|ondernomen)\b(?!\s+om)",
    # het leven heeft geen zin, waar leef ik nog voor, ik zie het niet meer zitten
    r"\bleven\b" + _GAP % 3 + r"\s+geen\s+zin\b|\bgeen\s+zin\s+meer\s+in\s+(het|mijn)\s+leven\b",
    r"\bwat\s+(heeft|is)\s+(het|mijn)\s+leven\b" + _GAP % 4 + r"\s+(zin|nut)\b",
    r"\bnut\b" + _GAP % 4 + r"\s+(leven|te leven)\b|\bwaar\s+leef\s+ik\b" + _GAP % 3 + r"\s+voor\b",
    r"\b(zie|zag)\s+het\s+(leven\s+)?(echt\s+|helemaal\s+)?niet\s+meer\s+zitten\b|\bleven\s+niet\s+meer\s+zitten\b",
    r"\bgeen\s+zin\s+meer\b" + _GAP % 6 + r"\s+(te\s+)?leven\b|\bweg\s+uit\s+(dit|het|mijn)\s+leven\b",
    r"\bwaarom\s+(zou|moet)\s+ik\b" + _GAP % 2 + r"\s+(nog\s+)?(verder\s+)?leven\b|\bgeen\s+uitweg\b",
    r"\bgedachten?\s+(aan|over)\s+(de\s+)?dood\b|\bdenk\w*\b" + _GAP % 3 + r"\s+aan\s+(de dood|dood gaan|sterven)\b(?!\s+van)",
    r"\b(wil|wilde|willen)\s+uit\s+het\s+leven\b|\b(het|mijn)\s+leven\s+(zat|beu)\b",
    r"\bleven\s+hoeft\b" + _GAP % 3 + r"\s+niet\b|\bniet\s+(meer\s+)?verder\s+(te\s+)?leven\b",
    r"\b(was|ware)\s+ik\s+(maar\s+)?nooit\s+geboren\b|\bverdien\b" + _GAP % 2 + r"\s+niet\s+(om\s+)?(te\s+)?leven\b",
    r"\b(liefst|beter|liever)\b" + _GAP % 3 + r"\s+er\s+niet\s+meer\b|\b(straks|binnenkort)\s+ben\s+ik\s+er\s+niet\s+meer\b",
    r"\bverdwijnen\b" + _GAP % 3 + r"\s+nooit\s+meer\b|\bbeter\s+niet\s+(kan\s+|kon\s+)?(bestaan|leven)\b",
    r"\bbeter\s+af\s+zonder\b" + _GAP % 3 + r"\s+(zoals|als)\s+ik\b|\b(ben|was)\s+(alleen\s+maar\s+|maar\s+|gewoon\s+)?een\s+last\s+voor\b",
    r"\bhoe\s+en\s+wanneer\s+ik\s+het\b|\bhet\s+hoeft\s+(allemaal\s+)?niet\s+meer\s+voor\s+mij\b",
    r"\bgeen\s+(enkele\s+)?reden\b" + _GAP % 2 + r"\s+(om\s+)?(te leven|door te gaan|verder te gaan)\b",
    r"\bwil\s+(niet\s+meer|nooit\s+meer)\s+(verder|door)\s*(leven|gaan)?\b",
    r"\b(punt|streep)\b" + _GAP % 2 + r"\s+achter\s+(mijn|het)\s+leven\b",
    r"\bklaar\s+met\s+(het\s+)?leven\b|\bmijn\s+leven\s+is\b" + _GAP % 3 + r"\s+klaar\b|\bleven\s+(zo\s+|echt\s+)?moe\b",
    r"\blang\s+genoeg\s+geleefd\b|\beeuwige\s+rust\b|\bmag\s+het\s+licht\s+uit\b",
    r"\b(verdwijnen|weg)\b" + _GAP % 2 + r"\s+(voorgoed|voor altijd|voor eeuwig)\b",
    r"\bvoorgoed\s+(verdwijnen|weg)\b|\bgeen\s+plek\s+meer\s+(voor\s+mij\s+)?op\s+(deze\s+)?wereld\b",
    r"\bspullen\s+(weggegeven|weg\s+gegeven)\b|\bafscheid\s+(te\s+)?(nemen|neem)?\s*van\s+iedereen\b",
    r"\bhet\s+hoeft\s+voor\s+mij\b" + _GAP % 2 + r"\s+niet\s+meer\b|\ber\s+vanaf\b" + _GAP % 5 + r"\s+leven\b",
    # Veiled warning signs: a burden to others, saying goodbye, affairs put in order, a plan, a place to jump
    # from, means at hand, hurting oneself in everyday words, no future.
    r"\b(ben|voel\s+(ik\s+)?me)\b" + _GAP % 2 + r"\s+(overal|voor iedereen|gewoon|alleen maar)\s+te\s+veel\b",
    r"\b(ben|voel\s+(ik\s+)?me)\b" + _GAP % 4 + r"\s+een\s+blok\s+aan\s+het\s+been\b",
    r"\bbeter\b" + _GAP % 3 + r"\s+als\s+ik\s+(verdwijn|weg\s+ben|dood\s+ben|er\s+niet\s+(meer\s+)?ben)\b",
    r"\b(wordt|is)\b" + _GAP % 3 + r"\s+mijn\s+laatste\s+(bericht|berichtje|dag|gesprek)\b(?!\s+(voor|van)\s+(vandaag|vanavond|nu|deze))",
    r"\btouw\b" + _GAP % 3 + r"\s+(gekocht|klaargelegd|klaar gelegd|opgehangen)\b",
    r"\b(mesje|scheermesje|mes|glas|schaar)\b" + _GAP % 4 + r"\s+(aan|in|over)\s+mijn\s+(arm|armen|pols|polsen|been|benen|huid)\b",
    r"\b(sla|sloeg|bonk|bons|ram)\w*\b" + _GAP % 3 + r"\s+(hoofd|kop)\s+tegen\s+de\s+muur\b",
    r"\b(knijp|bijt|krab|sla)\s+(ik\s+)?(mezelf|mijzelf|me)\b" + _GAP % 5 + r"\s+(blauwe plekken|bloed|bloedt|pijn doet)\b",
    r"\b(pillen|tabletten|medicijnen|slaappillen|paracetamol)\b" + _GAP % 3 + r"\s+(klaargelegd|klaar gelegd|klaarliggen|liggen klaar)\b",
    r"\b(pillen|tabletten|medicijnen|slaappillen)\b" + _GAP % 4 + r"\s+(genoeg|dodelijk|fataal)\b",
    r"\bvoor\s+de\s+(trein|metro)\s+(te\s+)?(stappen|stap|lopen|gaan liggen|springen)\b",
    r"\b(gedag|vaarwel|afscheid)\b" + _GAP % 4 + r"\s+voor\s+de\s+laatste\s+keer\b|\bwil\s+(\w+\s+){0,2}verdwijnen\b(?!\s+(onder|in|naar|uit)\b)",
    r"\btestament\b" + _GAP % 3 + r"\s+klaar\b|\b(zat|beu|moe)\s+om\s+te\s+leven\b",
    r"\bwil\s+er\s+(gewoon\s+)?uit\s+(te\s+)?stappen\b|\b(het\s+)?beter\s+(af\s+)?zonder\b" + _GAP % 3 + r"\s+(als|zoals)\s+ik\b",
    r"\b(iets|wat)\s+(ga|zal|wil)\s+aandoen\b|\bop\s+(mezelf|mijzelf)\s+(te\s+)?gebruiken\b",
    r"\bstop\b" + _GAP % 3 + r"\s+(insuline|medicijnen|pillen)\b" + _GAP % 5 + r"\s+dan\s+is\s+het\s+(maar\s+)?(klaar|over|voorbij)\b",
    r"\b(parkeergarage|flat|dak|brug|balkon)\b" + _GAP % 8 + r"\s+hoe\s+hoog\b|\bhoe\s+hoog\b" + _GAP % 4 + r"\s+(brug|flat|dak|balkon|parkeergarage)\b",
    r"\bhoop\s+(ik\s+)?dat\s+het\s+(een\s+keer\s+|eens\s+|ooit\s+)?(misgaat|mis\s+gaat|fout\s+gaat)\b",
    r"\bwaarom\s+(leef|besta)\s+ik\b|\bwaarom\s+ben\s+ik\s+er\s+(eigenlijk\s+)?nog\b",
    r"\b(op|bovenop)\s+(het|de|een)\s+(dak|brug|balkon|flat)\b" + _GAP % 8 + r"\s+naar\s+beneden\b",
    r"\b(sta|stond|zit|zat)\s+(bij|op|naast)\s+(het\s+spoor|de\s+rails|de\s+spoorlijn|de\s+brug|het\s+dak|het\s+balkon)\b",
    r"\b(ben|zijn)\s+er\s+(toch\s+|straks\s+)?niet\s+lang\s+meer\b|\bben\s+er\s+(straks|binnenkort|morgen)\s+niet\s+meer\b",
    r"\b(vanavond|vannacht|morgen|straks)\s+ga\s+ik\s+het\s+doen\b",
    r"\bmes\s+(al\s+)?in\s+(mijn|de)\s+hand\b",
    r"\bbrief\b" + _GAP % 8 + r"\s+waarom\s+ik\s+(ga|er\s+niet\s+meer)\b",
    r"\b(wil|wens)\s+(gewoon\s+)?dat\s+(het|alles)\b" + _GAP % 4 + r"\s+(stopt|ophoudt)\b" + _GAP % 3 + r"\s+(voorgoed|voor altijd)\b|\bwil\s+dat\s+alles\s+(ophoudt|stopt)\b",
    r"\bgeef\b" + _GAP % 3 + r"\s+spullen\s+weg\b|\bweg\s+moet\s+uit\s+(dit|het)\s+leven\b",
    r"\b(afscheid|testament)\b" + _GAP % 4 + r"\s+(geregeld|laten opmaken|opgemaakt)\b",
    r"\btegen\s+(mijn\s+\w+|iedereen)\s+dat\s+ik\s+van\s+(haar|hem|ze|jullie|iedereen)\s+hou\b",
    r"\b(uitgezocht|opgezocht|bedacht|nagedacht)\s+hoe\s+ik\s+het\s+(zou|ga|wil)\s+doen\b",
    r"\b(heb|had)\s+(al\s+)?een\s+plan\b" + _GAP % 3 + r"\s+(datum|dag|moment)\b",
    r"\b(voor altijd|eeuwig|voorgoed)\s+(gaan\s+)?slapen\b",
    r"\b(alles|spullen)\b" + _GAP % 2 + r"\s+weggegeven\b" + _GAP % 10 + r"\s+niet\s+meer\s+nodig\b",
    r"\b(al|alle)\s+(mijn\s+)?(slaappillen|pillen|pilletjes|tabletten|medicijnen)\s+(tegelijk|in een keer|ineens|naast me|voor me|klaar)\b",
    r"\b(mezelf|mijzelf|me|mij)\b" + _GAP % 2 + r"\s+(iets|wat)\s+(aandoe|aandoen|aan doe)\b",
    r"\bals\s+ik\b" + _GAP % 3 + r"\s+niet\s+meer\b" + _GAP % 3 + r"\s+weet\s+(je|jij|u|iedereen)\s+waarom\b",
    r"\b(kill|hurt)\s+myself\b|\b(end|ending)\s+my\s+life\b|\bwant\s+to\s+die\b|\b(dont|don't|do not)\s+want\s+to\s+(live|be here|exist)\b|\bnicht\s+mehr\s+le[bv]en\b",
    r"\b(verzamel|spaar|hamster)\w*\b" + _GAP % 3 + r"\s+(slaap\s+)?(pillen|tabletten|slaappillen|slaaptabletten|medicijnen)\b",
    r"\bgedacht\s+aan\s+springen\b|\b(aan|over)\s+springen\s+(gedacht|nagedacht)\b",
    r"\bop\s+(de|een|het)\s+(brug|rand|dak|flat)\s+(gestaan|gezeten|geklommen)\b|\bmoe\s+van\s+(het\s+)?leven\b",
    r"\bdaarna\s+ben\s+ik\s+(weg|er\s+niet\s+meer)\b|\b(alvast|al)\s+afscheid\s+genomen\b",
    r"\bzie\s+(mezelf|mijzelf)\s+niet\s+(meer\s+)?(volgend\s+jaar|oud\s+worden|over\s+een\s+jaar)\b",
    r"\b(strip|doos|doosje|potje)\s+(pillen|paracetamol|tabletten|slaappillen)\b" + _GAP % 3 + r"\s+(voor\s+me|naast\s+me|klaar)\b",
    r"\bleven\s+is\s+een\s+last\b|\bvoor\s+mij\b" + _GAP % 2 + r"\s+geen\s+toekomst\b",
    r"\bdenk\w*\b" + _GAP % 2 + r"\s+aan\s+(de|die|alle)\s+(pillen|tabletten|slaappillen)\b",
    r"\bondergebracht\b" + _GAP % 5 + r"\s+(geregeld|niet\s+meer)\b|\bstuur\s+(omgooi|omgooien|om\s+gooi|omgooit)\b",
    r"\bals\s+ik\b" + _GAP % 2 + r"\s+niet\s+meer\s+(besta|zou\s+bestaan|leef)\b|\bstoppen\s+met\s+leven\b",
    r"\b(loop|ga|fiets)\b" + _GAP % 3 + r"\s+naar\s+het\s+spoor\b",
    r"\bals\s+het\b" + _GAP % 4 + r"\s+slecht\s+gaat\b" + _GAP % 2 + r"\s+doe\s+ik\s+het\b",
    r"\bgeen\s+zin\s+meer\s+om\s+(door|verder)\s+te\s+gaan\b|\bweet\b" + _GAP % 2 + r"\s+hoe\s+ik\s+het\s+(ga|zou|wil)\s+doen\b",
    r"\b(krab|kras|snij|sla)\s+(mijn)\s+(arm|armen|benen|polsen|huid)\s+(open|kapot|stuk)\b",
    r"\bniemand\b" + _GAP % 2 + r"\s+meer\s+zorgen\s+(om|over)\s+(mij|me)\b|\bwaarom\s+ik\s+het\s+nog\s+zou\s+rekken\b",
    r"\bga\s+er\s+(vannacht|vanavond|morgen|straks|binnenkort)\s+een\s+punt\s+achter\s+zetten\b",
    r"\bbeter\s+af\s+zonder\s+(mama|papa|moeder|vader)\b|\bvoel\s+(ik\s+)?me\b" + _GAP % 2 + r"\s+(een\s+)?last\s+voor\b",
    # a whole pack at once; death welcome; wounds made oneself; having thought out how
    r"\b(hele|volle)\s+(strip|doos|doosje|pot|potje)\b" + _GAP % 4 + r"\s+(in\s+een\s+keer|tegelijk|ineens)\b",
    r"\bals\s+ik\s+(nu\s+|morgen\s+|vannacht\s+)?(doodga|dood\s+ga|sterf|er\s+niet\s+meer\s+ben)\b" + _GAP % 3 + r"\s+(prima|goed|niet\s+erg|best)\b",
    r"\b(wondjes|wonden|sneetjes|snijwonden|krassen|brandplekken|brandwonden)\b" + _GAP % 8 + r"\s+(maak|doe|breng)\s+ik\s+(zelf|mezelf|mijzelf)\b",
))  # fmt: skip
# Everyday phrases with the same words: removed before the patterns run.
EVERYDAY = tuple(re.compile(p) for p in (
    # "ik zou sterven zonder chocola", "van zes glazen zou ik dood gaan": hyperbole
    r"\bzou\s+(ik\s+)?(sterven|dood\s+gaan)\s+(zonder|van)\b|\bzonder\b(\s+\S+){0,3}\s+zou\s+ik\s+(sterven|dood\s+gaan)\b|"
    r"\b(daar|van\s+\S+(\s+\S+)?)\s+zou\s+ik\s+(aan\s+)?(sterven|dood\s+gaan)\b",
    r"\b(lach|lachen|verveel|vervelen|schrik|schrok|schaam|werk|werkte|loop|liep)\s+(me|mij|mezelf|ik)\s+(nog\s+)?(een\s+)?(dood|rot|kapot|ongeluk)\b",
    r"\bdood\s*(normaal|simpel|eng|stil|moe|op|ziek|bang|leuk|jammer)\b",
    r"\b(einde|eind)\s+van\s+(de|het|deze|dit)\s+(?!leven\b)\w+",
    r"\b(val|viel|vallen|lig|lag)\b(\s+\S+){0,3}\s+dood\s*(neer|op de bank|in bed)\b",
    r"\b(ga|gaat|gingen|ging)\s+(bijna\s+)?dood\s+(van|voor|aan)\s+(de|het|dat|die|mijn|een)?\s*(honger|dorst|kou|hitte|pijn|verveling|kater|lach|buikpijn|pittige|mango|schaamte)",
    r"\b(telefoon|batterij|accu|plant|planten|hond|kat|vis|muis)\w*\b(\s+\S+){0,3}\s+(is|zijn|gaat|gaan|ging)\s+(allemaal\s+)?(bijna\s+)?dood\b",
    r"\bniet\s+(meer|langer)\s+verder\s+met\s+(deze|dit|die|de|jullie|het)\s+(?!leven\b)\w+",
    r"\b(gesneden|gebrand)\s+(aan|bij|tijdens)\b",
    r"\b(hij|zij|ze)\s+(\S+\s+){0,2}(me|mij)\s+(iets|wat)\s+(aandoet|aandoen|aan\s+doet|zal\s+aandoen|gaat\s+aandoen)\b",
    r"\b(hond|kat|konijn|huisdier|poes)\w*\b(\s+\S+){0,4}\s+(ingeslapen|ingeslaapt|overleden)\b",
    r"\b(vermoord|verzopen)\b(\s+\S+){0,3}\s+\w*(plant|planten|cactus|orchidee)\b|\w*(plant|planten|cactus|orchidee)\b(\s+\S+){0,2}\s+(vermoord|verzopen)\b",
    r"\b(wil|ga|ging|gaat)\s+(bijna\s+)?dood\s+van\s+(schaamte|verveling|de hitte|de kou|het lachen)\b",
    r"\b(mezelf|mijzelf)\b(\s+\S+){0,3}\s+in\s+de\s+voet\b|\b(is|was)\s+om\s+dood\s+te\s+gaan\b|\bvoor\s+(mijn|de)\s+kop\s+(kunnen\s+)?slaan\b|\bniet\s+meer\s+van\s+het\s+lachen\b",
    r"\b(telefoon|accu|batterij|bellen|beller)\b" + r"(\s+\S+){0,6}\s+(zo\s+|nu\s+)?ophangen\b",
))  # fmt: skip


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    plain = " ".join(re.findall(r"[a-z0-9']+", normalise(text)))
    for split, joined in JOINED:
        plain = re.sub(rf"\b{split}\b", joined, plain)
    folded = []
    for word in " ".join(SPELLING.get(w, w) for w in plain.split()).split():
        match = next((c for c in CANONICAL if len(word) >= 5 and word != c and similar(word, c)), None)
        folded.append(match or word)
    return " ".join(folded)


@lru_cache(maxsize=4096)
def everyday_only(text: str) -> bool:
    """The message uses crisis-like words only in everyday phrases ("ik val dood neer op de bank"):
    then the NLU's crisis intent, which sees the word "dood", is no alarm on its own."""
    if mentions_crisis(text):
        return False
    plain = _folded(text)
    return any(everyday.search(plain) for everyday in EVERYDAY) or any(w.startswith("dood") and w != "dood"
                                                                       for w in plain.split())


@lru_cache(maxsize=4096)
def mentions_crisis(text: str) -> bool:
    """Whether the message speaks of suicide or self-harm (the 113 reply follows)."""
    plain = _folded(text)
    if any(similar(word, target) for word in plain.split() for target in WORDS if len(word) >= 5):
        return True
    for everyday in EVERYDAY:
        plain = everyday.sub(" ", plain)
    return any(pattern.search(plain) for pattern in PATTERNS)
