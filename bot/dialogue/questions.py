"""The Dutch wording of every question, with its "waarom?", its "wat bedoel je?" and its hint.

One entry per item of ``bot.questionnaire``; a test proves none is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.labels import CODE_LABELS


@dataclass(frozen=True)
class Question:
    text: str
    why: str
    meaning: str
    hint: str  # shown with the question again when an answer was not understood
    buttons: tuple = ()  # button titles; the title is also what the button sends


def _q(text, why, meaning, hint, buttons=()):
    return Question(" ".join(text.split()), " ".join(why.split()), " ".join(meaning.split()), " ".join(hint.split()),
                    tuple(buttons))  # fmt: skip


def _labels(table: str) -> tuple:
    return tuple(CODE_LABELS[table].values())


PORTION_HINT = "Typ een aantal, bijvoorbeeld '2', 'twee à drie' of 'geen'."
WEEK_HINT = "Typ een aantal per week, bijvoorbeeld '3', 'een paar keer per maand', 'bijna elke dag' of 'nooit'."
PSS_WHY = """Stress heeft invloed op je darmen en je huid. Deze vier vragen komen uit een bekende stressvragenlijst
(de PSS-4) en geven samen een stressscore."""
PSS_MEANING = """Het gaat om hoe je je de afgelopen maand meestal voelde. Kies wat het beste past: nooit, bijna nooit,
soms, vaak of heel vaak."""
PSS_HINT = "Kies nooit, bijna nooit, soms, vaak of heel vaak."
PSS_BUTTONS = _labels("pss")

QUESTIONS = {
    "consent": _q(
        """Mag ik je antwoorden over je gezondheid gebruiken voor deze check en bewaren voor je consult bij de
        kliniek? Je kunt je gegevens altijd laten verwijderen.""",
        """Je antwoorden gaan over je gezondheid. Volgens de privacywet (AVG) mag ik die alleen gebruiken als je daar
        zelf toestemming voor geeft.""",
        """Ja: ik stel je de vragen en bewaar je antwoorden en uitkomst voor de kliniek. Nee: ik stel geen vragen over
        je gezondheid en bewaar niets.""",
        "Antwoord met ja of nee.",
        _labels("consent"),
    ),
    "sex": _q(
        "Ben je een vrouw of een man?",
        "De grenzen voor alcohol en de hoeveelheid magnesium die je nodig hebt, zijn voor vrouwen en mannen anders.",
        "Het gaat om je lichaam. Past vrouw of man niet, of zeg je het liever niet? Kies dan 'anders'.",
        "Kies vrouw, man of anders.",
        _labels("sex"),
    ),
    "age": _q(
        "Hoe oud ben je?",
        "De check is gemaakt voor volwassenen. Je leeftijd helpt de kliniek ook om je uitkomst goed te lezen.",
        "Je leeftijd in jaren, bijvoorbeeld 42.",
        "Typ je leeftijd in jaren, bijvoorbeeld '42'.",
    ),
    "veg_fruit_per_day": _q(
        """Nu een paar vragen over wat je eet in een gewone week van de afgelopen maand. Hoeveel porties groente
        en fruit eet je op een dag? Een portie is een handje groente of één stuk fruit.""",
        "Groente en fruit geven vezels en magnesium. Je darmbacteriën leven van die vezels.",
        """Tel alles bij elkaar: een appel is 1 portie, een handje sla of een opscheplepel gekookte groente ook.
        Twee stuks fruit en twee handjes groente zijn samen 4 porties.""",
        PORTION_HINT,
    ),
    "whole_grain_per_day": _q(
        """Hoeveel porties volkoren eet je per dag? Denk aan een snee volkorenbrood, een kom havermout of een
        portie zilvervliesrijst of volkorenpasta.""",
        "Volkoren zit vol vezels en magnesium: belangrijk voor je darmflora.",
        "Eén snee volkorenbrood is 1 portie. Wit brood en witte rijst tellen niet mee.",
        PORTION_HINT,
    ),
    "legumes_per_week": _q(
        "Hoe vaak per week eet je peulvruchten, zoals bonen, linzen, kikkererwten, tofu, tempé of edamame?",
        "Peulvruchten geven vezels en veel magnesium.",
        "Een portie is ongeveer een opscheplepel, of een stuk tofu of tempé zo groot als je hand.",
        WEEK_HINT,
    ),
    "nuts_per_week": _q(
        "Hoeveel handjes ongezouten noten of zaden eet je per week? Een handje is ongeveer 25 gram.",
        "Noten en zaden zijn een van de beste bronnen van magnesium.",
        "Denk aan amandelen, walnoten, cashewnoten, pompoenpitten of zonnebloempitten. Gezouten noten tellen niet mee.",
        WEEK_HINT,
    ),
    "leafy_greens_per_week": _q(
        "Hoe vaak per week eet je groene bladgroente, zoals spinazie, boerenkool, snijbiet of andijvie?",
        "Groene bladgroente bevat veel magnesium.",
        "Een portie is een opscheplepel gekookte bladgroente of een flinke hand rauwe spinazie.",
        WEEK_HINT,
    ),
    "dark_chocolate_per_week": _q(
        "Hoeveel stukjes pure chocolade (70% cacao of meer) eet je per week? Een stukje is ongeveer 20 gram.",
        "Pure chocolade bevat verrassend veel magnesium.",
        "Twintig gram is ongeveer een vijfde van een reep. Melkchocolade telt niet mee.",
        WEEK_HINT,
    ),
    "fermented_per_week": _q(
        """Hoe vaak per week eet of drink je iets gefermenteerds, zoals yoghurt, kefir, karnemelk, zuurkool,
        kimchi, kombucha of miso?""",
        "Gefermenteerd eten bevat levende bacteriën die goed kunnen zijn voor je darmflora.",
        "Een portie is bijvoorbeeld een schaaltje yoghurt, een glas kefir of een opscheplepel zuurkool.",
        WEEK_HINT,
    ),
    "red_meat_per_week": _q(
        "Hoe vaak per week eet je rood of bewerkt vlees, zoals rundvlees, varkensvlees, lam, vleeswaren of worst?",
        "Veel rood en bewerkt vlees kan de balans in je darmflora ongunstig veranderen.",
        "Tel elke maaltijd of boterham met zulk vlees als 1 keer. Kip en vis tellen niet mee.",
        WEEK_HINT,
    ),
    "ultra_processed_per_day": _q(
        """Hoe vaak per dag neem je frisdrank met suiker, snoep, chips, fastfood of een kant-en-klaarmaaltijd?""",
        "Sterk bewerkt eten en suiker voeden de minder gunstige bacteriën en bevatten weinig magnesium.",
        "Elk blikje frisdrank, zakje chips, snoepje tussendoor of fastfoodmaaltijd telt als 1 keer.",
        "Typ een aantal per dag, bijvoorbeeld '1', 'twee à drie' of 'geen'.",
    ),
    "audit_c_frequency": _q(
        """Dan alcohol. Hoe vaak drink je alcohol? Eén glas is een standaardglas: een glas bier (250 ml), een glas
        wijn (100 ml) of een borrelglaasje sterke drank (35 ml).""",
        """Alcohol is belastend voor je lever en je darmflora, en zorgt dat je meer magnesium verliest. Deze drie
        vragen komen uit de AUDIT-C, een korte vragenlijst die ook huisartsen gebruiken.""",
        """Een standaardglas bevat ongeveer 10 gram alcohol, zoals in de glazen die je in de horeca krijgt. Een flesje
        speciaalbier is vaak 2 glazen, een fles wijn ongeveer 7.""",
        "Kies hoe vaak je drinkt, bijvoorbeeld 'een paar keer per maand', '2 tot 3 keer per week' of 'nooit'.",
        _labels("audit_c_frequency"),
    ),
    "audit_c_quantity": _q(
        "Hoeveel glazen drink je meestal op een dag dat je alcohol drinkt?",
        "Samen met hoe vaak je drinkt, laat dit zien hoeveel alcohol je per week binnenkrijgt.",
        """Tel in standaardglazen: een glas bier, een glas wijn of een borrelglaasje is 1 glas. Een fles wijn is
        ongeveer 7 glazen.""",
        "Typ een aantal glazen, bijvoorbeeld '2' of 'drie'.",
    ),
    "audit_c_binge": _q(
        "Hoe vaak drink je 6 glazen of meer bij één gelegenheid, zoals op een feestje of avond uit?",
        "Veel drinken in één keer is extra belastend, ook als je gemiddeld weinig drinkt.",
        "Het gaat om één avond, feest of etentje waarop je in totaal 6 standaardglazen of meer drinkt.",
        "Kies nooit, minder dan 1 keer per maand, elke maand, elke week of (bijna) elke dag.",
        _labels("audit_c_binge"),
    ),
    "pss_1": _q(
        """Nu vier vragen over stress, over de afgelopen maand. Hoe vaak had je het gevoel dat je geen grip had
        op de belangrijke dingen in je leven?""",
        PSS_WHY,
        PSS_MEANING,
        PSS_HINT,
        PSS_BUTTONS,
    ),  # fmt: skip
    "pss_2": _q(
        "Hoe vaak had je er vertrouwen in dat je je persoonlijke problemen goed aankon?",
        PSS_WHY,
        PSS_MEANING,
        PSS_HINT,
        PSS_BUTTONS,
    ),  # fmt: skip
    "pss_3": _q(
        "Hoe vaak had je het gevoel dat het je meezat?",
        PSS_WHY,
        PSS_MEANING,
        PSS_HINT,
        PSS_BUTTONS,
    ),  # fmt: skip
    "pss_4": _q(
        "Hoe vaak had je het gevoel dat de problemen zich zo opstapelden dat je ze niet meer aankon?",
        PSS_WHY,
        PSS_MEANING,
        PSS_HINT,
        PSS_BUTTONS,
    ),  # fmt: skip
    "sleep_hours": _q(
        "Hoeveel uur slaap je gemiddeld per nacht?",
        "Te weinig slaap hangt samen met een minder gezonde darmflora en met stress.",
        "Het gaat om de uren dat je echt slaapt, niet de tijd in bed. Bijvoorbeeld '7' of 'zes à zeven'.",
        "Typ een aantal uren, bijvoorbeeld '7' of 'zes à zeven'.",
    ),
    "med_ppi": _q(
        """Dan je medicijnen. Gebruik je een maagzuurremmer, zoals omeprazol, esomeprazol, pantoprazol, lansoprazol
        of rabeprazol?""",
        "Maagzuurremmers veranderen je darmflora en kunnen de opname van magnesium verlagen.",
        "Een maagzuurremmer neem je tegen maagzuur of brandend maagzuur. Kijk op het doosje als je het niet zeker weet.",
        "Antwoord met ja of nee, of noem de naam van je medicijn.",
        _labels("yes_no"),
    ),
    "med_diuretic": _q(
        """Gebruik je een plaspil, zoals hydrochloorthiazide, chloortalidon, indapamide, furosemide of
        bumetanide?""",
        "Sommige plaspillen zorgen ervoor dat je meer magnesium verliest via je urine.",
        "Plaspillen krijg je vaak voor een hoge bloeddruk, vocht vasthouden of hartfalen.",
        "Antwoord met ja of nee, of noem de naam van je medicijn.",
        _labels("yes_no"),
    ),
    "med_antibiotics_12m": _q(
        """Hoeveel antibioticakuren heb je het afgelopen jaar gehad? Gebruik je langdurig antibiotica, bijvoorbeeld
        doxycycline of minocycline tegen acne? Kies dan '2 kuren of meer'.""",
        "Antibiotica zijn soms echt nodig, maar ze kunnen je darmflora een tijd uit balans brengen.",
        "Een kuur is één keer antibiotica voor een infectie, meestal een paar dagen tot twee weken.",
        "Kies geen, 1 kuur, of 2 kuren of meer.",
        _labels("med_antibiotics_12m"),
    ),
    "cond_diabetes_t2": _q(
        "Heb je diabetes type 2?",
        "Mensen met diabetes type 2 hebben vaker een tekort aan magnesium.",
        "Diabetes type 2 wordt ook wel ouderdomsdiabetes genoemd. Diabetes type 1 telt hier niet mee.",
        "Antwoord met ja of nee.",
        _labels("yes_no"),
    ),
    "egfr": _q(
        """Weet je je nierfunctie (eGFR)? Die staat soms in je uitslagen van de huisarts of in je patiëntendossier.
        Weet je het niet? Dan is dat helemaal goed: zeg dan 'weet ik niet'.""",
        "Je nieren regelen hoeveel magnesium je lichaam vasthoudt. Bij een lagere nierfunctie verandert dat.",
        "De eGFR is een getal tussen ongeveer 5 en 150, in mL/min/1,73 m². Boven de 90 is normaal.",
        "Typ het getal, bijvoorbeeld '85', of zeg 'weet ik niet'.",
        ("Weet ik niet",),
    ),
    "skin_complaints": _q(
        """Heb je last van je huid? Noem alles wat bij je past: acne, rosacea, eczeem, psoriasis, huidveroudering,
        een droge of doffe huid, of pigmentvlekken.""",
        "Je darmen en je huid werken samen. Huidklachten zeggen soms iets over je darmflora.",
        "Bijvoorbeeld 'acne en een droge huid'. Nergens last van? Zeg dan 'geen'.",
        "Noem je huidklachten, bijvoorbeeld 'acne' of 'rosacea en pigmentvlekken', of zeg 'geen'.",
        ("Geen huidklachten",),
    ),
    "skin_impact": _q(
        "Hoeveel hinder heb je van je huid in het dagelijks leven, op een schaal van 0 (geen) tot 10 (heel veel)?",
        "Zo kan de kliniek inschatten hoe zwaar je klachten voor je zijn.",
        "0 is helemaal geen hinder, 10 is zoveel hinder als je je maar kunt voorstellen.",
        "Typ een getal van 0 tot 10.",
    ),
    "microbiome_test": _q(
        "Heb je weleens een ontlastingstest laten doen die je darmbacteriën (je microbioom) onderzoekt?",
        "Als je een uitslag hebt, kan ik die meenemen in je darmflorascore.",
        "Zo'n test doe je thuis met een beetje ontlasting. Je krijgt een rapport met bacteriën die laag, normaal of hoog zijn.",
        "Antwoord met ja of nee.",
        _labels("yes_no"),
    ),
    "taxa_low": _q(
        """Welke bacteriën stonden in je uitslag als 'laag'? Noem de namen, bijvoorbeeld 'Faecalibacterium en
        Odoribacter'. Waren er geen? Zeg dan 'geen'.""",
        "Sommige bacteriën beschermen je darmen en lever. Als die laag zijn, telt dat mee in je score.",
        "Je vindt ze in je rapport, vaak onder 'beschermende bacteriën'. Een naam half goed is ook prima.",
        "Noem de namen van de bacteriën die laag waren, of zeg 'geen'.",
        ("Geen",),
    ),
    "taxa_high": _q(
        "En welke bacteriën stonden als 'hoog' in je uitslag? Waren er geen? Zeg dan 'geen'.",
        "Sommige bacteriën komen vaker voor bij een vette lever. Als die hoog zijn, telt dat mee.",
        "Je vindt ze in je rapport, vaak onder 'geassocieerde bacteriën'. Een naam half goed is ook prima.",
        "Noem de namen van de bacteriën die hoog waren, of zeg 'geen'.",
        ("Geen",),
    ),
    "red_flags": _q(
        """Tot slot: heb je een van deze klachten? Bloed bij de ontlasting, zwarte ontlasting, afvallen zonder dat
        je dat wilt, blijven overgeven, moeite met slikken, een gele huid of gele ogen, of hevige buikpijn.""",
        "Deze klachten moet een arts snel bekijken. Dan is je huisarts de eerste stap, nog voor leefstijladvies.",
        "Noem de klachten die je hebt, of zeg 'geen' als je er geen van hebt.",
        "Noem de klachten die je hebt, of zeg 'geen'.",
        ("Geen van deze",),
    ),
}


def button_titles(item_id: str) -> tuple:
    return QUESTIONS[item_id].buttons
