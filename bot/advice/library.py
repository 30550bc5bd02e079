"""The advice library: short Dutch advice (B1, je-form) for every factor code and band.

Every text is this project's own wording; its source is kept beside it. The
facts come from Dutch guidance (Gezondheidsraad, Richtlijnen goede voeding
2015; Voedingscentrum, Schijf van Vijf) and the three seed texts in
``shared/seeds`` (a gut-liver microbiome report, an article on fatty liver and
magnesium, a clinic blog on the gut-skin axis).

Medicine advice never tells anyone to stop or change a medicine: it only says
to discuss it with the huisarts or apotheker (see ``medicine=True``).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.labels import format_number
from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA
from bot.scoring.microbiome import THRESHOLDS_BY_CODE
from bot.scoring.stress import SHORT_SLEEP_BELOW_HOURS

GR_2015 = "Gezondheidsraad, Richtlijnen goede voeding 2015"
SCHIJF = "Voedingscentrum, Schijf van Vijf"
GR_2018_MG = "Gezondheidsraad, Voedingsnormen voor vitamines en mineralen 2018 (magnesium)"
SEED_LIVER = "Microbioomrapport 'De connectie tussen je darmen en je lever' (seed 000)"
SEED_MAGNESIUM = "Artikel 'Wat heeft vette lever te maken met magnesiumtekort?' (seed 002)"
SEED_SKIN = "Blog 'De relatie tussen je darmen en huid' (seed 004)"
FAN_2021 = "Fan et al., Magnesium Depletion Score, J Nutr 2021"
IMHANN_2016 = "Imhann et al., Proton pump inhibitors affect the gut microbiome, Gut 2016"
NHG_RED_FLAGS = "NHG-Standaarden Maagklachten (2013), Rectaal bloedverlies (2017), PDS (2012)"
NHG_ALCOHOL = "NHG-Standaard Problematisch alcoholgebruik"
SLEEP = "Hirshkowitz et al., National Sleep Foundation's sleep duration recommendations, Sleep Health 2015"
KASE_2024 = "Kase et al., Dietary Index for Gut Microbiota, Nutrients 2024"
# The references of the seed report (seed 000) on the gut-liver axis and NAFLD.
SAFARI_2019 = "Safari & Gérard, The links between the gut microbiome and NAFLD, Cell Mol Life Sci 2019"
MOKHTARI_2017 = "Mokhtari et al., Nonalcoholic fatty liver disease, the gut microbiome, and diet, Adv Nutr 2017"
# What the intake keeps and for how long (the FAQ on privacy): the AVG and this project's own rules.
PRIVACY = "AVG; bewaartermijn en wissen van deze intake (README, 'Privacy')"


@dataclass(frozen=True)
class Advice:
    id: str
    title: str
    text: str
    sources: tuple
    # Advice about a medicine: only ever "discuss it with your huisarts or apotheker".
    medicine: bool = False
    # Advice that covers the same ground shares a topic; selection shows one per topic.
    topic: str = ""
    # The title in the clinician's report, where ``title`` speaks to the patient ("Je plaspil").
    clinic_title: str = ""

    @property
    def title_for_clinic(self) -> str:
        return self.clinic_title or self.title


def _advice(id, title, text, *sources, medicine=False, topic="", clinic_title=""):
    return Advice(id, title, " ".join(text.split()), tuple(sources), medicine, topic or id, clinic_title)


def _limit(code: str) -> str:
    """The limit of a diet factor, as the advice quotes it."""
    return format_number(THRESHOLDS_BY_CODE[code].limit)


FACTOR_ADVICE = {
    # Gut microbiome factors (spec section 2, microbiome table).
    "low_whole_grain": _advice(
        "low_whole_grain",
        "Meer volkoren",
        f"""Kies bij elke maaltijd waar het kan voor volkoren: volkorenbrood, havermout, zilvervliesrijst
        of volkorenpasta. Je darmbacteriën leven van de vezels daarin. Het advies is 30 tot 40 gram vezels
        per dag; met {_limit("low_whole_grain")} of meer porties volkoren kom je daar een flink stuk mee.""",
        GR_2015,
        SCHIJF,
        SEED_SKIN,
    ),
    "low_veg_fruit": _advice(
        "low_veg_fruit",
        "Meer groente en fruit",
        f"""Probeer elke dag {_limit("low_veg_fruit")} porties groente en fruit te halen, bijvoorbeeld 2 stuks fruit en
        3 handjes groente. Wissel af in soort en kleur: hoe meer variatie, hoe meer verschillende bacteriën je
        voedt.""",
        GR_2015,
        SCHIJF,
        SEED_SKIN,
    ),
    "no_legumes": _advice(
        "no_legumes",
        "Peulvruchten op het menu",
        f"""Eet minstens {_limit("no_legumes")} keer per week peulvruchten, zoals bruine bonen, linzen of kikkererwten.
        Ze zitten vol vezels en magnesium en zijn een goede vervanger van vlees.""",
        GR_2015,
        SCHIJF,
    ),
    "few_nuts": _advice(
        "few_nuts",
        "Een handje noten",
        """Neem op de meeste dagen een handje ongezouten noten of zaden (ongeveer 15 tot 25 gram). Noten geven
        vezels, goede vetten en veel magnesium.""",
        GR_2015,
        SEED_MAGNESIUM,
    ),
    "few_fermented": _advice(
        "few_fermented",
        "Gefermenteerd eten",
        """Eet een paar keer per week iets gefermenteerds, zoals yoghurt, kefir, karnemelk, zuurkool of kimchi.
        Daarin zitten levende bacteriën die je darmflora kunnen ondersteunen.""",
        SEED_SKIN,
        GR_2015,
    ),
    "much_red_meat": _advice(
        "much_red_meat",
        "Minder rood en bewerkt vlees",
        f"""Eet niet vaker dan {_limit("much_red_meat")} keer per week rood vlees of vleeswaren. Vervang het af en
        toe door vis, peulvruchten, tofu of een ei.""",
        GR_2015,
        SCHIJF,
    ),
    "ultra_processed": _advice(
        "ultra_processed",
        "Minder suiker en bewerkt eten",
        """Frisdrank, snoep, chips en kant-en-klaarmaaltijden voeden vooral de minder gunstige darmbacteriën.
        Bij het bewerken gaat er ook veel magnesium verloren. Kies vaker water, thee, fruit of een zelfgekookte
        maaltijd.""",
        GR_2015,
        SEED_MAGNESIUM,
        SEED_SKIN,
    ),
    "antibiotics": _advice(
        "antibiotics",
        "Antibiotica en je darmflora",
        """Antibiotica zijn soms echt nodig. Ze kunnen je darmflora wel een tijd uit balans brengen. Gebruik ze
        zoals je huisarts of dermatoloog ze heeft voorgeschreven. Vraag je huisarts of apotheker wat je
        kunt doen voor je darmen tijdens en na een kuur. Vezels en gefermenteerd eten helpen je darmflora bij
        het herstel.""",
        SEED_SKIN,
        "Mulder et al., Gut Microbes 2020",
        medicine=True,
        clinic_title="Antibiotica en darmflora",
    ),
    "ppi": _advice(
        "ppi",
        "Je maagzuurremmer",
        """Een maagzuurremmer verandert de bacteriën in je darmen en kan de opname van magnesium
        verlagen. Gebruik je medicijnen zoals ze zijn voorgeschreven, en bespreek met je huisarts of apotheker
        of deze maagzuurremmer nog steeds het beste voor je is.""",
        IMHANN_2016,
        FAN_2021,
        medicine=True,
        clinic_title="Maagzuurremmer",
    ),
    "alcohol": _advice(
        "alcohol",
        "Alcohol",
        """Het advies van de Gezondheidsraad is: drink geen alcohol, of in ieder geval niet meer dan één glas
        per dag. Alcohol is niet goed voor je darmflora en je lever. Probeer een paar dagen per week helemaal
        niet te drinken.""",
        GR_2015,
        SEED_SKIN,
        SEED_LIVER,
        topic="alcohol",
    ),
    "stress": _advice(
        "stress",
        "Ontspanning",
        """Veel stress kan je darmflora en je huid uit balans brengen. Plan elke dag een moment voor jezelf:
        een wandeling, yoga of rustig ademhalen. Loopt het je boven het hoofd? Praat erover met je huisarts.""",
        SEED_SKIN,
        "Cohen et al., Perceived Stress Scale, 1983",
    ),
    "short_sleep": _advice(
        "short_sleep",
        "Genoeg slaap",
        f"""Volwassenen hebben meestal {SHORT_SLEEP_BELOW_HOURS} tot 9 uur slaap nodig. Slaaptekort hangt samen met een
        minder gezonde darmflora. Ga op vaste tijden naar bed en leg je telefoon een uur voor het slapen weg.""",
        SLEEP,
        SEED_SKIN,
    ),
    "taxa_low_protective": _advice(
        "taxa_low_protective",
        "Beschermende bacteriën voeden",
        """In je test waren één of meer beschermende bacteriën laag, zoals Faecalibacterium of Odoribacter. Deze
        bacteriën leven van vezels. Veel verschillende groenten, peulvruchten en volkoren helpen ze groeien.""",
        SEED_LIVER,
        "Safari & Gérard, Cell Mol Life Sci 2019",
    ),
    "taxa_high_associated": _advice(
        "taxa_high_associated",
        "Bacteriën die bij vette lever horen",
        """In je test waren één of meer bacteriën hoog die vaker voorkomen bij een vette lever. Minder suiker,
        minder bewerkt eten en minder alcohol, en meer vezels, helpen om je darmflora weer in balans te
        brengen. Bespreek de uitslag gerust tijdens het consult.""",
        SEED_LIVER,
        "Mokhtari et al., Adv Nutr 2017",
    ),
    # Magnesium factors (spec section 2, magnesium_factors); "ppi" is shared with the microbiome table.
    "diuretic": _advice(
        "diuretic",
        "Je plaspil",
        """Sommige plaspillen zorgen ervoor dat je meer magnesium verliest via je urine. Gebruik je medicijnen
        zoals ze zijn voorgeschreven, en bespreek met je huisarts of apotheker of het zinvol is om je
        magnesium te laten controleren.""",
        FAN_2021,
        medicine=True,
        clinic_title="Plaspil",
    ),
    "heavy_drinking": _advice(
        "heavy_drinking",
        "Alcohol en magnesium",
        """Wie veel drinkt, verliest meer magnesium. Daarbij heeft je lever het zwaar. Minder drinken is het
        beste wat je voor je magnesium en je lever kunt doen. Wil je hulp bij minder drinken? Je huisarts kan je
        verder helpen.""",
        FAN_2021,
        SEED_MAGNESIUM,
        NHG_ALCOHOL,
        topic="alcohol",
    ),
    "reduced_kidney_function": _advice(
        "reduced_kidney_function",
        "Je nierfunctie",
        """Je nieren regelen hoeveel magnesium je lichaam vasthoudt. Werken je nieren niet helemaal goed, neem dan
        geen magnesiumsupplement op eigen houtje. Bespreek met je huisarts of apotheker wat voor jou verstandig
        is.""",
        FAN_2021,
        medicine=True,
        clinic_title="Nierfunctie",
    ),
    "low_dietary_intake": _advice(
        "low_dietary_intake",
        "Meer magnesium uit je eten",
        """Je krijgt waarschijnlijk minder magnesium binnen dan je nodig hebt. Goede bronnen zijn noten, zaden,
        peulvruchten, volkoren, bladgroente zoals spinazie, en pure chocolade. Een handje amandelen geeft al
        ongeveer 70 mg.""",
        GR_2018_MG,
        SEED_MAGNESIUM,
        "NIH Office of Dietary Supplements, Magnesium fact sheet",
        clinic_title="Meer magnesium uit voeding",
    ),
    "diabetes_t2": _advice(
        "diabetes_t2",
        "Diabetes en magnesium",
        """Mensen met diabetes type 2 hebben vaker een tekort aan magnesium. Vraag bij je volgende controle aan je
        huisarts of praktijkondersteuner of het zinvol is je magnesium te meten.""",
        SEED_MAGNESIUM,
    ),
}

RED_FLAG_ADVICE = _advice(
    "red_flag",
    "Eerst naar je huisarts",
    """Je noemde een klacht die een arts snel moet bekijken. Neem vandaag nog contact op met je huisarts. Heb je
    hevige buikpijn die niet overgaat, of verlies je veel bloed? Bel dan meteen de huisartsenpost, of 112 als het
    levensbedreigend is. De leefstijltips hieronder komen pas daarna.""",
    NHG_RED_FLAGS,
    clinic_title="Eerst naar de huisarts",
)

# One short summary per area and band, shown above the advice.
BAND_ADVICE = {
    ("alcohol_risk", "low"): _advice(
        "alcohol_low",
        "Alcohol",
        "Je drinkt weinig of geen alcohol. Daar doen je darmen en je lever hun voordeel mee.",
        GR_2015,
    ),
    ("alcohol_risk", "increased"): _advice(
        "alcohol_increased",
        "Alcohol",
        """Je drinkt meer dan goed is voor je gezondheid. Minder drinken helpt je lever, je darmflora en je
        magnesium.""",
        NHG_ALCOHOL,
        GR_2015,
    ),
    ("stress_level", "low"): _advice(
        "stress_low",
        "Stress",
        "Je ervaart weinig stress. Fijn: dat is ook goed voor je darmen en je huid.",
        "Cohen et al., Perceived Stress Scale, 1983",
    ),
    ("stress_level", "moderate"): _advice(
        "stress_moderate",
        "Stress",
        "Je ervaart wat stress. Let op genoeg rust en ontspanning, want stress werkt door in je darmen en je huid.",
        "Cohen et al., Perceived Stress Scale, 1983",
        SEED_SKIN,
    ),
    ("stress_level", "high"): _advice(
        "stress_high",
        "Stress",
        """Je ervaart veel stress. Dat merk je vaak ook aan je darmen en je huid. Neem het serieus en zoek steun,
        bijvoorbeeld bij je huisarts.""",
        "Cohen et al., Perceived Stress Scale, 1983",
        SEED_SKIN,
    ),
    ("magnesium_risk", "low"): _advice(
        "magnesium_low",
        "Magnesium",
        "Je kans op een magnesiumtekort lijkt klein. Blijf gevarieerd eten.",
        GR_2018_MG,
        FAN_2021,
    ),
    ("magnesium_risk", "moderate"): _advice(
        "magnesium_moderate",
        "Magnesium",
        "Je hebt een gemiddelde kans op een magnesiumtekort. Met je eten kun je daar veel aan doen.",
        GR_2018_MG,
        FAN_2021,
    ),
    ("magnesium_risk", "high"): _advice(
        "magnesium_high",
        "Magnesium",
        """Je hebt een verhoogde kans op een magnesiumtekort. Een tekort blijft vaak onopgemerkt, omdat bijna al
        het magnesium in je cellen zit en niet in je bloed. Bespreek dit in het consult.""",
        GR_2018_MG,
        FAN_2021,
        SEED_MAGNESIUM,
    ),
    ("microbiome_risk", "low"): _advice(
        "microbiome_low",
        "Darmflora",
        "Je leefstijl geeft je darmbacteriën een goede basis. Ga zo door.",
        KASE_2024,
    ),
    ("microbiome_risk", "moderate"): _advice(
        "microbiome_moderate",
        "Darmflora",
        "Een paar dingen in je leefstijl kunnen je darmflora uit balans brengen. Met kleine stappen verbeter je veel.",
        KASE_2024,
        SEED_SKIN,
    ),
    ("microbiome_risk", "high"): _advice(
        "microbiome_high",
        "Darmflora",
        """Verschillende dingen in je leefstijl kunnen je darmflora uit balans brengen. Je darmen staan in contact
        met je lever en je huid, dus hier valt veel te winnen.""",
        KASE_2024,
        SEED_LIVER,
        SEED_SKIN,
    ),
    ("skin_concern", "none"): _advice("skin_none", "Huid", "Je hebt geen huidklachten genoemd.", SEED_SKIN),
    ("skin_concern", "mild"): _advice(
        "skin_mild",
        "Huid",
        "Je huid hindert je een beetje. Een gezonde darmflora en milde verzorging helpen je huid van binnen en buiten.",
        SEED_SKIN,
    ),
    ("skin_concern", "moderate"): _advice(
        "skin_moderate",
        "Huid",
        """Je huidklachten hinderen je duidelijk. Huid en darmen werken samen: in een consult kijken we naar allebei,
        en naar wat een behandeling voor je huid kan doen.""",
        SEED_SKIN,
    ),
    ("skin_concern", "severe"): _advice(
        "skin_severe",
        "Huid",
        """Je huidklachten hinderen je veel. Je hoeft daar niet mee rond te lopen: bespreek in een consult wat een
        behandeling voor je kan doen, naast je leefstijl.""",
        SEED_SKIN,
    ),
}



def _protective_low(taxon: str) -> Advice:
    return _advice(
        f"taxon_low_{taxon.lower()}",
        f"{taxon} (laag)",
        f"""{taxon} is een van de beschermende bacteriën uit de darm-leveranalyse, en die was laag in je uitslag.
        Je darmen en je lever zijn via de poortader met elkaar verbonden. In onderzoek hebben mensen met een
        niet-alcoholische vette lever (NAFLD) vaak minder van zulke beschermende bacteriën. Een uitslag alleen zegt
        niet hoe het met je lever gaat: het is geen diagnose.""",
        SEED_LIVER,
        SAFARI_2019,
        topic="taxa_low_protective",
    )


def _associated_high(taxon: str) -> Advice:
    return _advice(
        f"taxon_high_{taxon.lower()}",
        f"{taxon} (hoog)",
        f"""{taxon} was hoog in je uitslag. Deze bacterie komt in onderzoek vaker voor bij mensen met een
        niet-alcoholische vette lever (NAFLD). Via de poortader komen stoffen van je darmbacteriën in je lever;
        zo hangen darm en lever samen. Een uitslag alleen zegt niet hoe het met je lever gaat:
        het is geen diagnose.""",
        SEED_LIVER,
        MOKHTARI_2017,
        topic="taxa_high_associated",
    )


# One plain line per taxon of the patient's own report: a protective taxon that was low, an associated taxon
# that was high (the taxa and their groups from bot.questionnaire; the facts from the seed report).
TAXON_LOW_ADVICE = {taxon: _protective_low(taxon) for taxon in PROTECTIVE_TAXA}
TAXON_HIGH_ADVICE = {taxon: _associated_high(taxon) for taxon in ASSOCIATED_TAXA}

NO_DIAGNOSIS = (
    "Let op: dit is geen diagnose en geen medisch advies. De uitkomst is een inschatting op basis van je antwoorden. "
    "Heb je klachten of twijfel je? Neem contact op met je huisarts."
)


def band_advice(area: str, band: str) -> Advice:
    return BAND_ADVICE[(area, band)]
