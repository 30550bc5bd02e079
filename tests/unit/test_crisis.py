"""Crisis wording (bot/parsing/crisis.py): every phrasing the issue names, and everyday words that are no alarm.

The frozen sets in tests/frozen measure recall and false alarms over hundreds of phrasings at every item.
"""


import pytest

from bot.parsing.crisis import mentions_crisis


@pytest.mark.parametrize(
    "text",
    ["ik denk aan zelfmoord", "ik denk aan zelfmord", "ik wil niet meer leven", "ik wil er gewoon niet meer zijn",
     "ik zie het leven niet meer zitten", "niemand zou me missen als ik er niet meer was",
     "soms denk ik erover om er een einde aan te maken", "ik wil er gewoon een eind aan maken",
     "ik wil mezelf van kant maken", "iedereen is beter af zonder mij", "ik wil niet meer wakker worden",
     "ik wil mezelf iets aandoen", "ik wil dood", "soms, en dan denk ik aan zelfmoord", "k wil nie meer leve",
     "3 glazen, en ik wil er een einde aan maakn", "Ik zou liever dood zijn",
     # self-harm, plans and indirect wording
     "ik kras soms in m'n armen", "gisteren heb ik mezelf weer gesneden", "ik doe mezelf pijn als het tegenzit",
     "vaak, dan doe ik mezelf echt pijn",
     "ik heb een hoop slaappillen opgespaard", "ik wil van het balkon springen", "ik dacht eraan me op te hangen",
     "ik zie echt geen uitweg", "waarom zou ik eigenlijk nog leven", "ik heb steeds doodsgedachten",
     "ik ben het leven beu", "was ik maar nooit geboren", "iedereen heeft last van me, ik ben een last voor iedereen",
     "binnenkort ben ik er niet meer", "ik ben er liever niet meer", "ik heb geen zin meer om te leven",
     # veiled warning signs: a burden, goodbye, affairs in order, a plan, a place, means, no future
     "ik voel me gewoon overal te veel", "ik ben een blok aan het been",
     "het is beter voor iedereen als ik verdwijn", "dit is denk ik mijn laatste berichtje",
     "er ligt een touw klaargelegd op zolder", "ik heb een touw gekocht", "ik zat met een scheermesje aan mijn arm",
     "ik bonk met mijn hoofd tegen de muur", "ik knijp mezelf tot het pijn doet",
     "ik rij expres hard in de hoop dat het een keer misgaat", "mijn testament ligt klaar voor mijn zus",
     "waarom leef ik nog", "ik stond op het dak en keek naar beneden",
     "ik sta bij het spoor",

     "ik heb al mijn spullen weggegeven, ik heb ze toch niet meer nodig",
     "ik neem vanavond al mijn pillen tegelijk", "ik heb een hele strip pillen genomen",
     "ik ben bang dat ik mezelf iets aandoe",
     "i dont want to live anymore, sorry mijn nederlands",
     "ich will nicht mehr leben"],
)  # fmt: skip
def test_crisis_wording(text):
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["ik ben doodmoe", "mijn planten gaan dood", "het einde van het jaar is druk", "ik lach me dood",
     "ik ben kapot van het werk", "ik wil stoppen met roken", "aan het einde van de dag 2 glazen wijn", "ik ben op",
     "dood normaal eigenlijk", "ik verveel me dood", "tot het eind van de week", "nee", "soms", "3 handjes",
     "wat kan ik doen aan mijn huid", "ik eet liever niet meer vlees",
     "ik wil niet meer verder met deze vragenlijst", "ik heb me gesneden bij het koken",
     "ik ben doodsbang voor de tandarts",
     "ik neem al mijn pillen in de ochtend",
     "ik doe me geen pijn met sporten", "de dood van mijn vader heeft me veel stress gegeven",
     "waarom moet ik een cijfer geven voor mijn huid", "ik wil niet meer lezen, wat is de volgende vraag",
     "ik ga dood van schaamte", "dit is mijn laatste bericht voor vandaag", "ik ga er even tussenuit",
     "ik heb mijn papieren klaar voor de afspraak", "ik hoop niet dat het misgaat", "ik knijp mezelf in de arm",
     "ik ben te veel aan het snoepen", "ik heb een plan voor mijn eten", "mijn vissen zijn allemaal dood",
     "ik kan er geen touw aan vastknopen", "ik wil verdwijnen onder mijn dekbed"],
)  # fmt: skip
def test_everyday_words_are_no_alarm(text):
    assert not mentions_crisis(text)
