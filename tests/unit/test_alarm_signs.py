"""The red-flag reader (bot/parsing/safety.py): the patient's own signs, someone else's, signs asked and denied."""

import pytest

from bot.parsing.safety import red_flags


@pytest.mark.parametrize("text, flags", [
    ("mijn partner zag bloed in mijn ontlasting", ("blood_in_stool",)),
    ("mijn dochter zegt dat mijn ogen geel zijn", ("jaundice",)),
    ("ik val af zonder reden", ("unexplained_weight_loss",)),
    ("ik krijg niks meer door mijn keel, slikken lukt niet meer", ("difficulty_swallowing",)),
    ("al vier dagen zwarte ontlasting", ("black_stool",)),
])  # fmt: skip
def test_the_patients_own_signs_are_read(text, flags):
    assert red_flags(text) == flags


@pytest.mark.parametrize("text", [
    "mijn oma is helemaal geel en ligt in het ziekenhuis",
    "ik pas op mijn zoontje die steeds moet overgeven",
    "de kat van de buren heeft bloed in zijn poep",
    "onze hond kan slecht slikken sinds de operatie",
])  # fmt: skip
def test_a_sign_of_someone_else_is_not_the_patients(text):
    assert red_flags(text, asked=True) == ()


@pytest.mark.parametrize("text", [
    "bloed bij de ontlasting? nee. zwarte poep? nee hoor",
    "gele ogen? nee. slikken? gaat prima",
    "nee, ik kan prima slikken",
    "mijn ontlasting is wat hard maar zonder bloed",
    "soms wat buikpijn als ik gestrest ben",
    "ik heb een bloedneus gehad",
])  # fmt: skip
def test_a_sign_asked_and_denied_or_mild_raises_none_at_the_question(text):
    assert red_flags(text, asked=True) == ()


@pytest.mark.parametrize("text, flags", [
    # English mixed in (the variants table)
    ("sinds gisteren is my stool zwart", ("black_stool",)),
    ("ik kan niet goed swallow, het eten blijft hangen", ("difficulty_swallowing",)),
    # Flemish (the variants table)
    ("kheb al drie dagen alles uitgespuwd, ik spuw zelfs water uit", ("persistent_vomiting",)),
    # diminutives become their noun
    ("het wc-papiertje kleurt rood na elke keer", ("blood_in_stool",)),
    ("de kilootjes gaan eraf terwijl ik gewoon eet", ("unexplained_weight_loss",)),
    # a rare word one edit from a sign's word is that word, a non-word is corrected
    ("al een week ontlastig met bloed", ("blood_in_stool",)),
    ("heftige buikpijjn sinds vanochtend", ("severe_abdominal_pain",)),
    # learners' word order
    ("pijn in buik, heel erg, kan niet slapen", ("severe_abdominal_pain",)),
    # a compound of black, and black things stool is compared with
    ("de stoelgang is roetzwart", ("black_stool",)),
    ("mijn poep lijkt op koffiedik", ("black_stool",)),
    # "wat ik ..." tells, it does not ask
    ("wat ik wel merk is dat ik bloed bij de ontlasting heb", ("blood_in_stool",)),
    # the denial of one clause does not reach across "want"
    ("ik houd niks binnen want alles komt eruit, al dagen", ("persistent_vomiting",)),
    # what weight loss looks like needs no word that it is unexplained
    ("mijn trouwring valt bijna van mijn vinger en mijn broek zakt af", ("unexplained_weight_loss",)),
    ("iedereen zegt dat mijn wangen hol zijn geworden", ("unexplained_weight_loss",)),
    # "geen ... meer" is worse, not denied
    ("ik krijg geen boterham meer weg", ("difficulty_swallowing",)),
    # pale stool and eyes yellower than ever
    ("al dagen spierwitte ontlasting en mijn ogen zijn geler dan ooit", ("jaundice",)),
    # clinical words and intensified words
    ("ik ben in een jaar zo'n tien procent van mijn lichaamsgewicht kwijtgeraakt zonder verandering in eten",
     ("unexplained_weight_loss",)),
    ("5 kilo afgevallen terwijl ik er helemaal niet op let", ("unexplained_weight_loss",)),
    ("ik heb keiharde pijn in mijn hele buik", ("severe_abdominal_pain",)),
    ("al weken rectaal bloedverlies", ("blood_in_stool",)),
    # a cause denied after it explains nothing
    ("ik vermager en ik lijn niet", ("unexplained_weight_loss",)),
])  # fmt: skip
def test_signs_in_other_registers_spellings_and_descriptions_are_read(text, flags):
    assert red_flags(text) == flags


@pytest.mark.parametrize("text", [
    "twee jaar terug bloed bij de ontlasting door een kloofje, dat is behandeld",
    "ik had vorige maand moeite met slikken door griep, dat ging vanzelf over",
    "rood in de pot na een schaal bietjes, daarna weer normaal",
    "ik lijn en ik ben daardoor afgevallen",
    "wat bedoelen jullie precies met zwarte ontlasting?",
    "mijn broer, die heeft geelzucht gehad",
    "ik verslik me makkelijk in grote pillen, dat heb ik al mijn hele leven",
    "mijn vrouw heeft buikpijn en houdt me de hele nacht wakker",
    "zwarte ontlasting? die heb ik niet, ik vroeg het me af",
    "sinds ik houtskooltabletten neem is mijn poep zwart",
    "ik ben aan het lijnen en mijn kleren zitten nu ruimer",
    "wat doen jullie als iemand zwarte ontlasting heeft?",
    "als peuter was ik geel, daarna nooit meer gehad",
    "mijn opa spuugt al dagen en ik zorg voor hem",
])  # fmt: skip
def test_a_sign_that_is_over_lifelong_explained_asked_or_someone_elses_raises_none(text):
    assert red_flags(text, asked=True) == ()
