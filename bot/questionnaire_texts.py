"""The Dutch texts of the intake's questions (B1, je-form), one ``Wording`` per question.

Texts only: ``bot.questionnaire`` binds each wording to its item, so no item id
appears here. Texts that several questions share (the diet hints, the PSS
explanation) are named once and used by each.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Wording:
    """How one question is put to the user, and how its answer is named afterwards."""

    name: str  # short name in summaries, reports and "Genoteerd: ..."
    text: str  # the question
    why: str  # answer to "waarom vraag je dat?"
    meaning: str  # answer to "wat bedoel je?"
    hint: str  # shown with the question again when an answer was not understood
    buttons: tuple = ()  # extra buttons of an uncoded question (coded ones show their labels)
    reason: str = ""  # the sentence that names this answer when it raised a score; "{answer}" is its label
    clinic_name: str = ""  # the name in the clinician's report, where ``name`` speaks to the user ("je")

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                object.__setattr__(self, f.name, " ".join(value.split()))


PORTION_HINT = "Typ een aantal, bijvoorbeeld '2', 'twee à drie' of 'geen'."
WEEK_HINT = "Typ een aantal per week, bijvoorbeeld '3', 'een paar keer per maand', 'bijna elke dag' of 'nooit'."
YES_NO_HINT = "Antwoord met ja of nee."
MEDICINE_HINT = "Antwoord met ja of nee, of noem de naam van je medicijn."


CONSENT = Wording(
    "toestemming",
    """Mag ik je antwoorden over je gezondheid gebruiken voor deze check en bewaren voor je consult bij de kliniek? Je
    kunt je gegevens altijd laten verwijderen.""",
    """Je antwoorden gaan over je gezondheid. Volgens de privacywet (AVG) mag ik die alleen gebruiken als je daar zelf
    toestemming voor geeft.""",
    """Ja: ik stel je de vragen en bewaar je antwoorden en uitkomst voor de kliniek. Nee: ik stel geen vragen over je
    gezondheid en bewaar niets.""",
    YES_NO_HINT,
)
SEX = Wording(
    "geslacht",
    "Ben je een vrouw of een man?",
    "De grenzen voor alcohol en de hoeveelheid magnesium die je nodig hebt, zijn voor vrouwen en mannen anders.",
    "Het gaat om je lichaam. Past vrouw of man niet, of zeg je het liever niet? Kies dan 'anders'.",
    "Kies vrouw, man of anders.",
)
AGE = Wording(
    "leeftijd",
    "Hoe oud ben je?",
    "De check is gemaakt voor volwassenen. Je leeftijd helpt de kliniek ook om je uitkomst goed te lezen.",
    "Je leeftijd in jaren, bijvoorbeeld 42.",
    "Typ je leeftijd in jaren, bijvoorbeeld '42'.",
)

# Diet (last month, typical)
VEG_FRUIT = Wording(
    "groente en fruit (porties per dag)",
    """Nu een paar vragen over wat je eet in een gewone week van de afgelopen maand. Hoeveel porties groente en fruit
    eet je op een dag? Een portie is een handje groente of één stuk fruit.""",
    "Groente en fruit geven vezels en magnesium. Je darmbacteriën leven van die vezels.",
    """Tel alles bij elkaar: een appel is 1 portie, een handje sla of een opscheplepel gekookte groente ook. Twee stuks
    fruit en twee handjes groente zijn samen 4 porties.""",
    PORTION_HINT,
)
WHOLE_GRAIN = Wording(
    "volkoren (porties per dag)",
    """Hoeveel porties volkoren eet je per dag? Denk aan een snee volkorenbrood, een kom havermout of een portie
    zilvervliesrijst of volkorenpasta.""",
    "Volkoren zit vol vezels en magnesium: belangrijk voor je darmflora.",
    "Eén snee volkorenbrood is 1 portie. Wit brood en witte rijst tellen niet mee.",
    PORTION_HINT,
)
LEGUMES = Wording(
    "peulvruchten (porties per week)",
    "Hoe vaak per week eet je peulvruchten, zoals bonen, linzen, kikkererwten, tofu, tempé of edamame?",
    "Peulvruchten geven vezels en veel magnesium.",
    "Een portie is ongeveer een opscheplepel, of een stuk tofu of tempé zo groot als je hand.",
    WEEK_HINT,
)
NUTS = Wording(
    "noten of zaden (handjes per week)",
    "Hoeveel handjes ongezouten noten of zaden eet je per week? Een handje is ongeveer 25 gram.",
    "Noten en zaden zijn een van de beste bronnen van magnesium.",
    "Denk aan amandelen, walnoten, cashewnoten, pompoenpitten of zonnebloempitten. Gezouten noten tellen niet mee.",
    WEEK_HINT,
)
LEAFY_GREENS = Wording(
    "bladgroente (porties per week)",
    "Hoe vaak per week eet je groene bladgroente, zoals spinazie, boerenkool, snijbiet of andijvie?",
    "Groene bladgroente bevat veel magnesium.",
    "Een portie is een opscheplepel gekookte bladgroente of een flinke hand rauwe spinazie.",
    WEEK_HINT,
)
DARK_CHOCOLATE = Wording(
    "pure chocolade (stukjes per week)",
    "Hoeveel stukjes pure chocolade (70% cacao of meer) eet je per week? Een stukje is ongeveer 20 gram.",
    "Pure chocolade bevat verrassend veel magnesium.",
    "Twintig gram is ongeveer een vijfde van een reep. Melkchocolade telt niet mee.",
    WEEK_HINT,
)
FERMENTED = Wording(
    "gefermenteerd eten (porties per week)",
    """Hoe vaak per week eet of drink je iets gefermenteerds, zoals yoghurt, kefir, karnemelk, zuurkool, kimchi,
    kombucha of miso?""",
    "Gefermenteerd eten bevat levende bacteriën die goed kunnen zijn voor je darmflora.",
    "Een portie is bijvoorbeeld een schaaltje yoghurt, een glas kefir of een opscheplepel zuurkool.",
    WEEK_HINT,
)
RED_MEAT = Wording(
    "rood of bewerkt vlees (keer per week)",
    "Hoe vaak per week eet je rood of bewerkt vlees, zoals rundvlees, varkensvlees, lam, vleeswaren of worst?",
    "Veel rood en bewerkt vlees kan de balans in je darmflora ongunstig veranderen.",
    "Tel elke maaltijd of boterham met zulk vlees als 1 keer. Kip en vis tellen niet mee.",
    WEEK_HINT,
)
ULTRA_PROCESSED = Wording(
    "frisdrank, snoep, chips, fastfood of kant-en-klaar (keer per dag)",
    "Hoe vaak per dag neem je frisdrank met suiker, snoep, chips, fastfood of een kant-en-klaarmaaltijd?",
    "Sterk bewerkt eten en suiker voeden de minder gunstige bacteriën en bevatten weinig magnesium.",
    "Elk blikje frisdrank, zakje chips, snoepje tussendoor of fastfoodmaaltijd telt als 1 keer.",
    "Typ een aantal per dag, bijvoorbeeld '1', 'twee à drie' of 'geen'.",
)

# Alcohol: AUDIT-C
AUDIT_FREQUENCY = Wording(
    "hoe vaak je alcohol drinkt",
    """Dan alcohol. Hoe vaak drink je alcohol? Eén glas is een standaardglas: een glas bier (250 ml), een glas wijn
    (100 ml) of een borrelglaasje sterke drank (35 ml).""",
    """Alcohol is belastend voor je lever en je darmflora, en zorgt dat je meer magnesium verliest. Deze drie vragen
    komen uit de AUDIT-C, een korte vragenlijst die ook huisartsen gebruiken.""",
    """Een standaardglas bevat ongeveer 10 gram alcohol, zoals in de glazen die je in de horeca krijgt. Een flesje
    speciaalbier is vaak 2 glazen, een fles wijn ongeveer 7.""",
    "Kies hoe vaak je drinkt, bijvoorbeeld 'een paar keer per maand', '2 tot 3 keer per week' of 'nooit'.",
    reason="Je drinkt {answer} alcohol.",
    clinic_name="frequentie van alcoholgebruik",
)
GLASSES = Wording(
    "glazen op een drinkdag",
    "Hoeveel glazen drink je meestal op een dag dat je alcohol drinkt?",
    "Samen met hoe vaak je drinkt, laat dit zien hoeveel alcohol je per week binnenkrijgt.",
    """Tel in standaardglazen: een glas bier, een glas wijn of een borrelglaasje is 1 glas. Een fles wijn is ongeveer 7
    glazen.""",
    "Typ een aantal glazen, bijvoorbeeld '2' of 'drie'.",
    reason="Op zo'n dag drink je meestal {answer} glazen.",
)
AUDIT_BINGE = Wording(
    "hoe vaak 6 glazen of meer",
    "Hoe vaak drink je 6 glazen of meer bij één gelegenheid, zoals op een feestje of avond uit?",
    "Veel drinken in één keer is extra belastend, ook als je gemiddeld weinig drinkt.",
    "Het gaat om één avond, feest of etentje waarop je in totaal 6 standaardglazen of meer drinkt.",
    "Kies nooit, minder dan 1 keer per maand, elke maand, elke week of (bijna) elke dag.",
    reason="6 glazen of meer bij één gelegenheid: {answer}.",
)

# Stress and sleep: the four PSS-4 questions share their explanation.
PSS_WHY = """Stress heeft invloed op je darmen en je huid. Deze vier vragen komen uit een bekende stressvragenlijst (de
PSS-4) en geven samen een stressscore."""
PSS_MEANING = """Het gaat om hoe je je de afgelopen maand meestal voelde. Kies wat het beste past: nooit, bijna nooit,
soms, vaak of heel vaak."""
PSS_HINT = "Kies nooit, bijna nooit, soms, vaak of heel vaak."


def _pss(name: str, text: str, reason: str, clinic_name: str = "") -> Wording:
    return Wording(name, text, PSS_WHY, PSS_MEANING, PSS_HINT, reason=reason, clinic_name=clinic_name)


PSS_NO_GRIP = _pss(
    "gevoel geen grip te hebben op belangrijke dingen",
    """Nu vier vragen over stress, over de afgelopen maand. Hoe vaak had je het gevoel dat je geen grip had op de
    belangrijke dingen in je leven?""",
    "Je had {answer} het gevoel dat je geen grip had op belangrijke dingen.",
)
PSS_CONFIDENT = _pss(
    "vertrouwen dat je je problemen aankunt",
    "Hoe vaak had je er vertrouwen in dat je je persoonlijke problemen goed aankon?",
    "Je had {answer} vertrouwen dat je je problemen aankon.",
    "vertrouwen eigen problemen aan te kunnen",
)
PSS_GOING_YOUR_WAY = _pss(
    "gevoel dat het je meezat",
    "Hoe vaak had je het gevoel dat het je meezat?",
    "Je had {answer} het gevoel dat het je meezat.",
    "gevoel dat het meezat",
)
PSS_PILING_UP = _pss(
    "gevoel dat de problemen zich opstapelden",
    "Hoe vaak had je het gevoel dat de problemen zich zo opstapelden dat je ze niet meer aankon?",
    "Je had {answer} het gevoel dat de problemen zich opstapelden.",
)
SLEEP = Wording(
    "slaap (uren per nacht)",
    "Hoeveel uur slaap je gemiddeld per nacht?",
    "Te weinig slaap hangt samen met een minder gezonde darmflora en met stress.",
    "Het gaat om de uren dat je echt slaapt, niet de tijd in bed. Bijvoorbeeld '7' of 'zes à zeven'.",
    "Typ een aantal uren, bijvoorbeeld '7' of 'zes à zeven'.",
    reason="Je slaapt gemiddeld {answer} uur per nacht.",
)

# Medication and conditions
PPI = Wording(
    "maagzuurremmer",
    """Dan je medicijnen. Gebruik je een maagzuurremmer, zoals omeprazol, esomeprazol, pantoprazol, lansoprazol of
    rabeprazol?""",
    "Maagzuurremmers veranderen je darmflora en kunnen de opname van magnesium verlagen.",
    "Een maagzuurremmer neem je tegen maagzuur of brandend maagzuur. Kijk op het doosje als je het niet zeker weet.",
    MEDICINE_HINT,
    reason="Je gebruikt een maagzuurremmer.",
    clinic_name="maagzuurremmer (PPI)",
)
DIURETIC = Wording(
    "plaspil",
    "Gebruik je een plaspil, zoals hydrochloorthiazide, chloortalidon, indapamide, furosemide of bumetanide?",
    "Sommige plaspillen zorgen ervoor dat je meer magnesium verliest via je urine.",
    "Plaspillen krijg je vaak voor een hoge bloeddruk, vocht vasthouden of hartfalen.",
    MEDICINE_HINT,
    reason="Je gebruikt een plaspil.",
    clinic_name="plaspil (diureticum)",
)
ANTIBIOTICS = Wording(
    "antibioticakuren in het afgelopen jaar",
    """Hoeveel antibioticakuren heb je het afgelopen jaar gehad? Gebruik je langdurig antibiotica, bijvoorbeeld
    doxycycline of minocycline tegen acne? Kies dan '2 kuren of meer'.""",
    "Antibiotica zijn soms echt nodig, maar ze kunnen je darmflora een tijd uit balans brengen.",
    "Een kuur is één keer antibiotica voor een infectie, meestal een paar dagen tot twee weken.",
    "Kies geen, 1 kuur, of 2 kuren of meer.",
    reason="Antibiotica in het afgelopen jaar: {answer}.",
)
DIABETES_T2 = Wording(
    "diabetes type 2",
    "Heb je diabetes type 2?",
    "Mensen met diabetes type 2 hebben vaker een tekort aan magnesium.",
    "Diabetes type 2 wordt ook wel ouderdomsdiabetes genoemd. Diabetes type 1 telt hier niet mee.",
    YES_NO_HINT,
    reason="Je hebt diabetes type 2.",
)
EGFR = Wording(
    "nierfunctie (eGFR)",
    """Weet je je nierfunctie (eGFR)? Die staat soms in je uitslagen van de huisarts of in je patiëntendossier. Weet je
    het niet? Dan is dat helemaal goed: zeg dan 'weet ik niet'.""",
    "Je nieren regelen hoeveel magnesium je lichaam vasthoudt. Bij een lagere nierfunctie verandert dat.",
    "De eGFR is een getal tussen ongeveer 5 en 150, in mL/min/1,73 m². Boven de 90 is normaal.",
    "Typ het getal, bijvoorbeeld '85', of zeg 'weet ik niet'.",
    buttons=("Weet ik niet",),
)

# Skin
SKIN_COMPLAINTS = Wording(
    "huidklachten",
    """Heb je last van je huid? Noem alles wat bij je past: acne, rosacea, eczeem, psoriasis, huidveroudering, een droge
    of doffe huid, of pigmentvlekken.""",
    "Je darmen en je huid werken samen. Huidklachten zeggen soms iets over je darmflora.",
    "Bijvoorbeeld 'acne en een droge huid'. Nergens last van? Zeg dan 'geen'.",
    "Noem je huidklachten, bijvoorbeeld 'acne' of 'rosacea en pigmentvlekken', of zeg 'geen'.",
    buttons=("Geen huidklachten",),
    reason="Je noemde: {answer}.",
)
SKIN_IMPACT = Wording(
    "hinder van je huid (0 tot 10)",
    "Hoeveel hinder heb je van je huid in het dagelijks leven, op een schaal van 0 (geen) tot 10 (heel veel)?",
    "Zo kan de kliniek inschatten hoe zwaar je klachten voor je zijn.",
    "0 is helemaal geen hinder, 10 is zoveel hinder als je je maar kunt voorstellen.",
    "Typ een getal van 0 tot 10.",
    reason="Je huid hindert je {answer} op een schaal van 0 tot 10.",
    clinic_name="hinder van de huid (0 tot 10)",
)

# Microbiome test (optional)
MICROBIOME_TEST = Wording(
    "ontlastingstest (microbioomtest)",
    "Heb je weleens een ontlastingstest laten doen die je darmbacteriën (je microbioom) onderzoekt?",
    "Als je een uitslag hebt, kan ik die meenemen in je darmflorascore.",
    """Zo'n test doe je thuis met een beetje ontlasting. Je krijgt een rapport met bacteriën die laag, normaal of hoog
    zijn.""",
    YES_NO_HINT,
)
TAXA_LOW = Wording(
    "bacteriën die laag waren",
    """Welke bacteriën stonden in je uitslag als 'laag'? Noem de namen, bijvoorbeeld 'Faecalibacterium en Odoribacter'.
    Waren er geen? Zeg dan 'geen'.""",
    "Sommige bacteriën beschermen je darmen en lever. Als die laag zijn, telt dat mee in je score.",
    "Je vindt ze in je rapport, vaak onder 'beschermende bacteriën'. Een naam half goed is ook prima.",
    "Noem de namen van de bacteriën die laag waren, of zeg 'geen'.",
    buttons=("Geen",),
)
TAXA_HIGH = Wording(
    "bacteriën die hoog waren",
    "En welke bacteriën stonden als 'hoog' in je uitslag? Waren er geen? Zeg dan 'geen'.",
    "Sommige bacteriën komen vaker voor bij een vette lever. Als die hoog zijn, telt dat mee.",
    "Je vindt ze in je rapport, vaak onder 'geassocieerde bacteriën'. Een naam half goed is ook prima.",
    "Noem de namen van de bacteriën die hoog waren, of zeg 'geen'.",
    buttons=("Geen",),
)

# Red flags
RED_FLAGS = Wording(
    "alarmsignalen",
    """Tot slot: heb je een van deze klachten? Bloed bij de ontlasting, zwarte ontlasting, afvallen zonder dat je dat
    wilt, blijven overgeven, moeite met slikken, een gele huid of gele ogen, of hevige buikpijn.""",
    "Deze klachten moet een arts snel bekijken. Dan is je huisarts de eerste stap, nog voor leefstijladvies.",
    "Noem de klachten die je hebt, of zeg 'geen' als je er geen van hebt.",
    "Noem de klachten die je hebt, of zeg 'geen'.",
    buttons=("Geen van deze",),
)
