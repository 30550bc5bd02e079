"""A Rasa featurizer that hands the intent classifier what ``bot.parsing`` reads in a message.

The features and their meaning live in ``bot/parsing/features.py``; this adapter only puts them on the
message as a sparse sentence feature (and an all-zero sequence feature, one row per token, so that every
featurizer gives the classifier the same shapes). It learns nothing, so it has nothing to persist.

Training reads every example (3 to 4 ms each, 7,000 examples): the examples are read by one forked process per
core (``vectors``), the same vectors in the same order; a served message is read in the server's own process.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import dutch_pipeline
from bot.parsing import features, lexicon


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False, model_from="SpacyNLP")
class KeywordFeaturizer(SparseFeaturizer, GraphComponent):
    """Sentence features from bot.parsing.features: signals, crisis, question, FAQ topic, answer kinds."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KeywordFeaturizer":
        lexicon.load()  # the word list, speller and compound splitter, when the model loads (not per message)
        return cls(execution_context.node_name, config)

    @classmethod
    def required_packages(cls) -> List[Text]:
        return []

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """Nothing to configure."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """The source of every ``bot`` module loaded. Rasa caches a featurizer's output by its config and
        inputs; without this, a change to the keyword layer would train on the old, cached features."""
        digest = hashlib.sha256()
        for name in sorted(name for name in sys.modules if name == "bot" or name.startswith("bot.")):
            path = getattr(sys.modules[name], "__file__", None)
            if path:
                digest.update(Path(path).read_bytes())
        return digest.hexdigest()

    def process_training_data(self, training_data: TrainingData, model: Optional[SpacyModel] = None) -> TrainingData:
        if model is not None:
            dutch_pipeline.share(model.model, model.model_name)
        examples = [m for m in training_data.training_examples if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT], [])]
        for message, vector in zip(examples, vectors([m.get(TEXT) for m in examples])):
            self._add(message, vector)
        return training_data

    def process(self, messages: List[Message], model: Optional[SpacyModel] = None) -> List[Message]:
        if model is not None:  # the NLU's spaCy pipeline (SpacyNLP) is the one bot.parsing reads with: one copy
            dutch_pipeline.share(model.model, model.model_name)
        for message in messages:
            self._featurize(message)
        return messages

    def _featurize(self, message: Message) -> None:
        text: Optional[Text] = message.get(TEXT)
        tokens = message.get(TOKENS_NAMES[TEXT], [])
        if not text or not tokens:
            return
        self._add(message, features.vector(text))

    def _add(self, message: Message, vector: List[float]) -> None:
        sentence = scipy.sparse.coo_matrix([vector])
        sequence = scipy.sparse.coo_matrix((len(message.get(TOKENS_NAMES[TEXT])), len(features.NAMES)))
        self.add_features_to_message(sequence, sentence, TEXT, message)


PARALLEL_FROM = 500  # examples: fewer are read in this process (forking costs more than it saves)


def vectors(texts: List[Text]) -> List[List[float]]:
    """``features.vector`` of every text, in order; many texts are read by one forked process per core. A fork
    inherits the loaded word list, speller and spaCy pipeline, so the children start reading at once."""
    workers = os.cpu_count() or 1
    if len(texts) < PARALLEL_FROM or workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [features.vector(text) for text in texts]
    lexicon.load()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(features.vector, texts, chunksize=64))
