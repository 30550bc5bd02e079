"""bot.parsing.lexicon_tables: the word list and compound-split's Dutch tables as tries, the same values."""

import random

import pytest

from bot.parsing import lexicon_tables


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    where = tmp_path_factory.mktemp("lexicon")
    lexicon_tables.build(where)
    return where


def test_the_tries_hold_every_value_of_their_sources(built, monkeypatch):
    import marisa_trie

    files = lexicon_tables.files(built)
    zipf = lexicon_tables.Table(marisa_trie.RecordTrie("<H").mmap(str(files["zipf"])), lexicon_tables.ZIPF_SCALE)
    source = lexicon_tables.zipf_values()
    assert len(zipf) == len(source) > 250_000
    for word in random.Random(1).sample(sorted(source), 5000) + ["tegen", "zeven", "dikwijls"]:
        assert zipf.get(word) == source[word]  # the same float: two decimals kept as hundredths
    assert zipf.get("zelfmort", 0.0) == 0.0 and zipf.get("tegen") == 6.11
    compound = lexicon_tables.compound_values()
    for name in lexicon_tables.COMPOUND_TABLES:
        table = lexicon_tables.Table(marisa_trie.RecordTrie("<d").mmap(str(files[name])))
        assert len(table) == len(compound[name])
        for key in random.Random(2).sample(sorted(compound[name]), 3000):
            assert table.get(key, -1) == compound[name][key]
        assert table.get("qqqq", -1) == -1


def test_items_yield_each_word_with_its_value(built):
    import marisa_trie

    path = lexicon_tables.files(built)["zipf"]
    zipf = lexicon_tables.Table(marisa_trie.RecordTrie("<H").mmap(str(path)), lexicon_tables.ZIPF_SCALE)
    items = dict(zipf.items())
    assert items["tegen"] == 6.11 and len(items) == len(zipf)
