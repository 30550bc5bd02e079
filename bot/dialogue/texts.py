"""The assistant's fixed Dutch messages (own wording, facts from the seeds). The FAQ answers are in bot/faq.py."""

from __future__ import annotations

from bot.clinic import Clinic

MINUTES = "ongeveer 10 minuten"


def intro(clinic: Clinic) -> str:
    return (
        f"Hoi! Ik ben de intake-assistent van {clinic.name}. In {MINUTES} vraag ik naar je eten, alcohol, stress, "
        "slaap, medicijnen en huid. Daarna krijg je tips die bij je passen. Dit is geen diagnose."
    )


def welcome_back(progress: str) -> str:
    return f"Welkom terug! Je antwoorden zijn bewaard. We gaan verder waar je was gebleven ({progress})."


def no_consent(clinic: Clinic) -> str:
    return (
        "Helemaal goed. Ik stel je dan geen vragen over je gezondheid en bewaar niets. Wil je toch meer weten? "
        "Een gezonde darmflora houd je vooral in balans met veel groente, fruit, volkoren en peulvruchten, weinig "
        "alcohol en suiker, genoeg slaap en zo min mogelijk stress. Voor persoonlijk advies kun je contact opnemen "
        f"met {clinic.name}: bel {clinic.phone} of mail {clinic.email}."
    )


def under_age(clinic: Clinic) -> str:
    return (
        "Dank je wel. Deze check is gemaakt voor volwassenen vanaf 18 jaar, dus ik kan hem nu niet met je doen. "
        "Ik heb niets van je antwoorden bewaard. Heb je vragen over je gezondheid? Praat erover met je ouders of "
        f"je huisarts, of neem contact op met {clinic.name} via {clinic.phone}."
    )


CRISIS = (
    "Wat naar dat je je zo voelt. Je hoeft hier niet alleen mee te blijven. Praat er nu over met iemand van "
    "113 Zelfmoordpreventie: bel gratis 0800-0113 (dag en nacht) of chat via 113.nl. Ben je in direct gevaar? "
    "Bel dan 112."
)
VIOLENCE = (
    "Wat naar dat je dit meemaakt. Geweld, dreiging of dwang thuis is nooit jouw schuld. Praat erover met Veilig "
    "Thuis: bel gratis 0800-2000 (dag en nacht), ook anoniem, of chat via veiligthuis.nl. Ben je nu in gevaar? "
    "Bel dan 112."
)
DANGER = (
    "Dit klinkt als een noodsituatie. Bel nu 112 en wacht niet op mij. Kun je niet bellen, vraag dan iemand in de "
    "buurt om het te doen."
)
CRISIS_CONTINUE = (
    "Ik heb van dit bericht niets als antwoord genoteerd. Wil je verder met de vragen, of liever later? "
    "Je antwoorden blijven bewaard."
)
CRISIS_BUTTONS = ("Ja, verder", "Liever later")
CRISIS_AGAIN = "Fijn dat je er nog bent. Blijf ook praten met iemand die je vertrouwt, of met 113."


def contact(clinic: Clinic) -> str:
    return (
        f"Wil je iemand van {clinic.name} spreken? Bel {clinic.phone} of mail {clinic.email}. "
        "Een medewerker helpt je graag verder."
    )


STOPPED = (
    "Oké, we stoppen hier. Je antwoorden tot nu toe zijn bewaard; typ 'verder' als je later toch wilt doorgaan, "
    "of 'verwijder mijn gegevens' als je ze liever kwijt bent."
)
PAUSED = "Prima! Je antwoorden blijven bewaard. Kom terug wanneer het je uitkomt en typ 'verder' om door te gaan."
RESTARTED = "We beginnen opnieuw. Je eerdere antwoorden zijn gewist."
ENGLISH = (
    "Sorry, ik spreek alleen Nederlands. (Sorry, this assistant only speaks Dutch.) "
    "Probeer het gerust in het Nederlands, kort en eenvoudig is prima."
)
NOT_AN_ANSWER = "Daar kan ik helaas niet mee helpen; ik ben er alleen voor deze intake. Laten we verder gaan."
SKIPPED = "Prima, die vraag slaan we over."
GREETED = "Hoi! We gaan verder waar we waren."
THANKED = "Graag gedaan! We gaan verder."
CHOOSE_OPTION = "Kies een van deze antwoorden: typ het nummer of tik op een knop. Weet je het niet? Typ 'sla over'."
CHOOSE_OPTIONS = (
    "Kies wat bij je past: typ de nummers (bijvoorbeeld 1 en 3) of 'geen'. Weet je het niet? Typ 'sla over'."
)
TYPE_A_NUMBER = "Typ alleen een getal, bijvoorbeeld 2. Weet je het niet? Typ 'sla over' of tik op een knop."
GAVE_UP = (
    "Deze vraag lukt nu niet, en dat is niet erg. Ik sla hem over; in de samenvatting aan het eind kun je hem nog "
    "aanpassen. We gaan verder."
)
GAVE_UP_CONSENT = (
    "Zonder een duidelijk ja kan ik de vragen niet stellen, dus ik bewaar niets. Wil je later toch meedoen? "
    "Typ dan 'ik doe mee'."
)
GAVE_UP_REVIEW = "Ik laat je nu je uitkomst zien. Wil je daarna iets aanpassen? Typ dan 'opnieuw'."
CONSENT_NEEDED = "Zonder je toestemming kan ik de vragen niet stellen. Wil je meedoen? Antwoord dan met ja of nee."
NO_RELIABLE_ANSWER = (
    "Daar heb ik geen betrouwbaar antwoord op. Stel die vraag gerust tijdens het consult; daar is tijd voor."
)
ASK_ABOUT_MEDICINES = "Gaat het om je medicijnen? Bespreek het dan ook met je huisarts of apotheker."
CONFIRM_RESTART = "Wil je echt opnieuw beginnen? Dan wis ik al je antwoorden tot nu toe."
CONFIRM_DELETE = "Wil je echt dat ik al je antwoorden verwijder? Dat kan niet ongedaan worden gemaakt."
CONFIRM_BUTTONS = ("Ja", "Nee")
NOT_RESTARTED = "Oké, we gaan gewoon verder. Je antwoorden blijven staan."
JUNK = "Dat kan ik niet als antwoord lezen."
BACK = "Geen probleem, we gaan terug naar de vorige vraag."
BACK_TO = "Geen probleem, die vraag stel ik nog een keer. Je eerdere antwoord blijft staan tot je een nieuw geeft."
REVIEW_INTRO = "Dit heb ik genoteerd:"
REVIEW_QUESTION = (
    "Klopt dit? Dan laat ik je uitkomst zien. Klopt er iets niet? Zeg wat er anders moet, bijvoorbeeld "
    "'mijn leeftijd is 46' of 'alcohol klopt niet'."
)
REVIEW_BUTTONS = ("Ja, dat klopt",)
REVIEW_WHICH = "Wat klopt er niet? Noem het onderwerp, bijvoorbeeld 'leeftijd', 'alcohol' of 'slaap'."
REVIEW_WHICH_OR_YES = (
    "Klopt alles? Tik dan op 'Ja, dat klopt'. Klopt er iets niet? Typ één woord, bijvoorbeeld 'leeftijd' of 'alcohol'."
)


def confirm_value(shown: str) -> str:
    return f"Je schreef {shown}: klopt dat?"


NOTED = "Genoteerd."
ALSO_NOTED = "Ik heb ook genoteerd:"
CHANGED = "Aangepast."
NO_PROBLEM = "Geen probleem."
ASK_AGAIN = "Goed, dan vraag ik dat opnieuw."
CONSENT_GIVEN = "Dank je wel! Dan beginnen we."
NOT_UNDERSTOOD = "Dat begreep ik niet helemaal."
VAGUE_FREQUENCY = "Kun je het iets preciezer zeggen? Bijvoorbeeld 'een paar keer per maand' of '2 keer per week'."


def out_of_range(low: int, high: int) -> str:
    return f"Dat getal kan ik niet goed plaatsen: ik verwacht een getal van {low} tot {high}."


NOTHING_TO_GO_BACK = "We zijn nog bij de eerste vraag, dus terug kan niet."
RED_FLAG_NOW = (
    "Dat is belangrijk. Neem vandaag nog contact op met je huisarts over deze klacht. Heb je hevige buikpijn die "
    "niet overgaat of verlies je veel bloed? Bel dan meteen de huisartsenpost, of 112 bij levensgevaar. "
    "Ik heb het genoteerd voor de kliniek."
)
PREGNANCY = (
    "Ben je zwanger of geef je borstvoeding? Neem dan geen supplementen zonder eerst je verloskundige of huisarts te "
    "vragen."
)
PREGNANCY_NOTED = "Ik heb genoteerd dat je zwanger bent of borstvoeding geeft, zodat de kliniek er rekening mee houdt."

INVITE = "Wil je de check doen, of verder gaan waar je was? Typ dan 'hallo'."
AFTER_RESULTS = (
    "Je uitkomst staat hierboven. Je kunt vragen wat je score betekent, 'afspraak' typen voor de link naar je "
    "consult, 'opnieuw' om de check nog eens te doen, of 'verwijder mijn gegevens'."
)
AFTER_NO_CONSENT = (
    "Wil je de check toch doen? Typ dan 'ik doe mee'. Je kunt me ook iets vragen over je darmen, je huid of magnesium."
)
AFTER_PAUSE = "Je antwoorden zijn bewaard. Typ 'verder' om door te gaan, of 'verwijder mijn gegevens'."
AFTER_UNDER_AGE = "Deze check is voor volwassenen. Heb je je vergist bij je leeftijd? Typ dan 'opnieuw'."
NOT_DELETED = "Prima, ik verwijder niets."
HELLO_AGAIN = "Hoi, fijn dat je er weer bent!"
NOT_FOR_ME = "Daar kan ik je helaas niet mee helpen."
SCORES_MEAN = (
    "Dit is een inschatting op basis van je eigen antwoorden, geen diagnose. In het consult kijkt de kliniek er "
    "samen met je naar."
)
DELETED = "Je gegevens zijn verwijderd. Je kunt altijd opnieuw beginnen door 'hallo' te typen."
GOODBYE = "Tot ziens! Typ 'hallo' als je de check wilt doen of verder wilt gaan."
YOU_ARE_WELCOME = "Graag gedaan!"
ENGLISH_OUTSIDE = (
    "Sorry, ik spreek alleen Nederlands. (Sorry, this assistant only speaks Dutch.) "
    "Typ 'hallo' om de check in het Nederlands te starten."
)
