"""The two NLU components of components/: the keyword featurizer's cache key and the features it adds."""

import sys
import types

from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.parsing import features
from components import keyword_features
from components.keyword_features import KeywordFeaturizer


def test_the_cache_key_changes_with_the_source_of_the_keyword_layer(tmp_path, monkeypatch):
    source = tmp_path / "probe.py"
    source.write_text("WORDS = ('stop',)\n")
    module = types.ModuleType("bot.probe")
    module.__file__ = str(source)
    monkeypatch.setitem(sys.modules, "bot.probe", module)
    before = KeywordFeaturizer.fingerprint_addon({})
    assert KeywordFeaturizer.fingerprint_addon({}) == before
    source.write_text("WORDS = ('stop', 'kappen')\n")
    assert KeywordFeaturizer.fingerprint_addon({}) != before


def test_a_message_gets_the_keyword_features_as_its_sentence_feature():
    text = "wat is de darm-leveras?"
    message = Message(data={TEXT: text, TOKENS_NAMES[TEXT]: [Token(w, 0) for w in text.split()]})
    KeywordFeaturizer("keywords", {"alias": "keywords"}).process([message])
    sequence, sentence = message.get_sparse_features(TEXT)
    assert sentence.features.shape == (1, len(features.NAMES))
    assert sentence.features.toarray()[0].tolist() == features.vector(text)
    assert sequence.features.shape == (4, len(features.NAMES)) and sequence.features.nnz == 0


def test_training_examples_read_by_forked_processes_get_the_same_vectors_in_order(monkeypatch):
    texts = ["ik eet elke dag groente", "twee glazen wijn", "wat is magnesium?", "sla over", "nee", "ik val af"] * 3
    monkeypatch.setattr(keyword_features, "PARALLEL_FROM", 2)  # fork even for a few texts
    assert keyword_features.vectors(texts) == [features.vector(text) for text in texts]


def test_the_classifier_keeps_its_weights_so_that_a_prediction_copies_none_and_gives_the_same_numbers():
    import numpy as np
    import scipy.sparse
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from components.intent_classifier import contiguous_for_prediction

    rng = np.random.default_rng(0)
    x = scipy.sparse.random(60, 400, density=0.05, format="csr", random_state=1)
    pipeline = make_pipeline(TfidfTransformer(), LogisticRegression(max_iter=200))
    pipeline.fit(x, rng.integers(0, 4, 60))
    before = pipeline.predict_proba(x[:5])
    contiguous_for_prediction(pipeline)
    assert pipeline.steps[-1][1].coef_.T.flags["C_CONTIGUOUS"]  # scipy multiplies by it without a copy
    assert np.array_equal(pipeline.predict_proba(x[:5]), before)
