"""A Rasa featurizer that hands the intent classifier what ``bot.parsing`` reads in a message.

The features and their meaning live in ``bot/parsing/features.py``; this adapter only puts them on the
message as a sparse sentence feature (and an all-zero sequence feature, one row per token, so that every
featurizer gives the classifier the same shapes). It learns nothing, so it has nothing to persist.
"""

from __future__ import annotations

import hashlib
import sys
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
        self.process(training_data.training_examples, model)
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
        sentence = scipy.sparse.coo_matrix([features.vector(text)])
        sequence = scipy.sparse.coo_matrix((len(tokens), len(features.NAMES)))
        self.add_features_to_message(sequence, sentence, TEXT, message)
