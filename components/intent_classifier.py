"""Rasa's logistic-regression intent classifier with tf-idf weighting, safe for a message without features.

- Tf-idf: ``LogisticRegressionClassifier`` fits raw counts, so a character n-gram that every message has
  weighs as much as a rare, telling one, and a long message more than a short one. Here the counts pass
  through scikit-learn's ``TfidfTransformer`` (sublinear, rows scaled to length 1) first; in 5-fold
  cross-validation that scored higher (README, "The NLU pipeline").
- ``C``: the inverse regularisation strength, which Rasa's classifier does not let one set.
- Loading: the fitted tf-idf holds a scipy sparse matrix, a type skops does not trust by default, so
  Rasa's loader would quietly fall back to an untrained classifier. ``load`` trusts that one type
  (``TRUSTED``) and refuses any other.
- Prediction: scikit-learn multiplies a message's row by the transposed weights (features x intents). Stored
  row-major, that transpose is not contiguous, and scipy copies all of it (14 MB) for every message, 85 % of the
  prediction's time; the weights are kept column-major (``contiguous_for_prediction``), the same numbers.
- A message without any features (an empty text, or only a sticker or an image from a messaging channel)
  leaves an empty row, and scikit-learn raises, so the whole turn fails. Such a message gets no intent
  here, the way Rasa parses an empty message without a classifier, and the dialogue answers it like any
  message it cannot read.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
import skops.io as sio
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.pipeline import make_pipeline

TRUSTED = ["scipy.sparse._csr.csr_matrix"]


class UntrustedModel(Exception):
    """The stored classifier holds a type this component does not trust."""


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """Tf-idf, then logistic regression; a message without features is left unclassified."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: Dict[Text, Any], *args: Any) -> None:
        super().__init__(config, *args)
        self.clf.C = float(self.config["C"])
        self.clf = make_pipeline(TfidfTransformer(sublinear_tf=True), self.clf)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "IntentClassifier":
        with model_storage.read_from(resource) as model_dir:
            path = model_dir / f"{resource.name}.skops"
            unknown = sio.get_untrusted_types(file=path)
            refused = sorted(set(unknown) - set(TRUSTED))
            if refused:
                raise UntrustedModel(f"{path.name} holds types that are not trusted: {refused}")
            component = cls(config, execution_context.node_name, model_storage, resource)
            component.clf = sio.load(path, trusted=unknown)
        contiguous_for_prediction(component.clf)
        return component

    def train(self, training_data: Any) -> Resource:
        resource = super().train(training_data)
        contiguous_for_prediction(self.clf)  # after saving: the stored model is scikit-learn's own
        return resource

    def process(self, messages: List[Message]) -> List[Message]:
        readable = [m for m in messages if m.get_sparse_features(attribute=TEXT)[1] is not None]
        for message in messages:
            if not any(message is m for m in readable):
                message.set(INTENT, {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if readable:
            super().process(readable)
        return messages


def contiguous_for_prediction(pipeline: Any) -> None:
    """The fitted weights in column-major order, so that their transpose, by which every message is multiplied, is
    contiguous and is not copied per message."""
    model = pipeline.steps[-1][1] if hasattr(pipeline, "steps") else pipeline
    if getattr(model, "coef_", None) is not None:
        model.coef_ = np.asfortranarray(model.coef_)
