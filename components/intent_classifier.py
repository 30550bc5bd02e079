"""Rasa's logistic-regression intent classifier, made safe for a message without any features.

``LogisticRegressionClassifier`` stacks each message's sparse sentence features; a message with none (an
empty text, or only a sticker or an image from a messaging channel) leaves an empty row and scikit-learn
raises, so the whole turn fails. Such a message gets no intent here, the way Rasa parses an empty
message without a classifier, and the dialogue answers it like any message it cannot read.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from sklearn.preprocessing import normalize


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier that leaves a message without features unclassified.

    ``C``: scikit-learn's inverse regularisation strength, which Rasa's classifier does not let one set.
    ``normalize``: scale each message's feature vector to length 1, so that a long message (many words and
    character n-grams) does not weigh more than a short one."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "normalize": False}

    def __init__(self, config: Dict[Text, Any], *args: Any) -> None:
        super().__init__(config, *args)
        self.clf.C = float(self.config["C"])

    def _create_X(self, messages: List[Message]) -> Any:
        features = super()._create_X(messages)
        return normalize(features) if self.config["normalize"] else features

    def process(self, messages: List[Message]) -> List[Message]:
        readable = [m for m in messages if m.get_sparse_features(attribute=TEXT)[1] is not None]
        for message in messages:
            if not any(message is m for m in readable):
                message.set(INTENT, {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if readable:
            super().process(readable)
        return messages
