"""The Dutch lexicon: common words, typo correction, compound heads, and ``similar`` built on them."""

import pytest

from bot.parsing import lexicon
from bot.parsing.text import edit_distance, inflected, similar


@pytest.mark.parametrize("word", ["geven", "leven", "even", "tegen", "nemen", "wissen", "zingen", "beven", "weven"])
def test_real_words_are_common(word):
    assert lexicon.is_common(word)


@pytest.mark.parametrize("word", ["zevn", "nooitt", "zelfmort", "panotprazol", "levn"])
def test_typos_are_no_words(word):
    assert not lexicon.is_common(word)


def test_accents_do_not_matter():
    assert lexicon.zipf("beeindigen") == lexicon.zipf("beëindigen") > 3


@pytest.mark.parametrize(
    "word, target",
    [("geven", "leven"), ("even", "zeven"), ("tegen", "negen"), ("regen", "negen"), ("wissen", "missen"),
     ("ooit", "nooit"), ("gezicht", "gewicht")],
)  # fmt: skip
def test_a_common_word_is_never_a_typo_of_another(word, target):
    assert not similar(word, target)


@pytest.mark.parametrize(
    "word, target",
    [("levn", "leven"), ("zevne", "zeven"), ("pantoprazool", "pantoprazol"), ("panotprazol", "pantoprazol"),
     ("zwarte", "zwart"), ("zelfmoorden", "zelfmoord"), ("puistje", "puistjes"),
     ("faecalibacterim", "faecalibacterium")],
)  # fmt: skip
def test_typos_and_forms_of_a_word_match_it(word, target):
    assert similar(word, target)


def test_short_words_never_match_by_typo():
    assert not similar("vak", "vaak") and similar("vaak", "vaak")


def test_inflected_forms():
    assert inflected("slik", "slikken") and inflected("zwarte", "zwart") and inflected("rimpel", "rimpels")
    assert not inflected("over", "overgeven") and not inflected("oude", "ouder")


def test_osa_distance_counts_an_adjacent_swap_once():
    assert edit_distance("ab", "ba") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("abcdef", "uvwxyz", limit=2) == 3  # cut off above the limit


def test_a_word_that_is_no_word_is_corrected_into_the_common_word_one_letter_away():
    assert lexicon.corrected("regelmatg") == "regelmatig"
    assert lexicon.corrected("dikwils") == "dikwijls"
    assert lexicon.corrected("geven") == "geven"  # a word is never corrected
    assert lexicon.corrected("vakk") == "vakk"  # too short to tell


def test_the_readers_terms_are_kept_and_typos_of_them_corrected_into_them():
    terms = ("pantoprazol", "zoton")
    assert lexicon.corrected("zoton", terms) == "zoton"
    assert lexicon.corrected("pantoprazil", terms) == "pantoprazol"


@pytest.mark.parametrize(
    "word, head",
    [("havermoutpap", "pap"), ("volkorenbrood", "brood"), ("huidklachten", "klachten"),
     ("ouderdomsvlekken", "vlekken"), ("jeugdpuistjes", "puistjes"), ("rugacne", "acne"),
     ("spinazie", "spinazie"), ("boterhammen", "boterhammen"), ("leven", "leven")],
)  # fmt: skip
def test_compound_heads(word, head):
    assert lexicon.compound_head(word) == head


def test_the_compound_splitter_loads_the_dutch_tables_only():
    import sys

    lexicon._splitter()
    assert sys.modules["compound_split.de_ngram_probs"].prefix == {}  # 266 MB per process, never used
    assert len(sys.modules["compound_split.nl_ngram_probs"].prefix) > 100_000
