"""What the keyword layer knows about a message, as named features for the NLU's intent classifier.

The classifier sees words and character n-grams; these features add what ``bot.parsing`` reads with
concepts instead of strings: the keyword signals ("vorige vraag", "sla over"), crisis wording, whether
it is a question, which FAQ topic its concepts point to (gut + skin, gut + liver, magnesium + food),
which of a topic's concept groups it touches (gut alone), whether it is about the check's subjects at
all, and which kinds of answer it reads as ("drie keer per week" is a frequency, "omeprazol" a medicine).
A Rasa featurizer turns them into a vector (``components/keyword_features.py``); nothing here knows of
Rasa. Nothing is cached: the server would keep users' messages in memory for no gain, since it reads
each message once.
"""

from __future__ import annotations

from bot import faq
from bot import questionnaire as q
from bot.parsing import signals as sig
from bot.parsing.answers import parse_answer
from bot.parsing.reading import read

# One item per reader: a message that one of them reads is an answer of that kind. Items whose reader
# takes a yes or no (consent, the yes/no items) are left out: "ja" is affirm before it is an answer.
READ_AS = tuple(
    sorted({it.reader: it.id for it in reversed(q.ITEMS) if it.reader != "yes_no"}.items())
)
READING_FLAGS = ("crisis", "question", "maybe_question", "advice", "on_subject", "junk")  # of bot.parsing.reading
FLAGS = READING_FLAGS + ("delete_request", "digit", "short")
SIGNALS = tuple(sorted(value for name, value in vars(sig).items() if name.isupper() and isinstance(value, str)))

# The fixed vocabulary: the order of the classifier's feature vector.
NAMES = (
    tuple(f"flag:{flag}" for flag in FLAGS)
    + tuple(f"signal:{signal}" for signal in SIGNALS)
    + tuple(f"topic:{topic.key}" for topic in faq.TOPICS)
    + tuple(f"concept:{topic.key}/{number}" for topic in faq.TOPICS for number in range(len(topic.concepts)))
    + tuple(f"answer:{reader}" for reader, _ in READ_AS)
)
SHORT = 2  # words: "stop", "vorige vraag"


def features(text: str) -> frozenset:
    """The names (of ``NAMES``) that hold for this message."""
    r = read(text)
    found = {f"flag:{flag}" for flag in READING_FLAGS if getattr(r, flag)}
    if sig.asks_to_delete(text):
        found.add("flag:delete_request")
    if any(c.isdigit() for c in text):
        found.add("flag:digit")
    if 0 < len(r.words) <= SHORT:
        found.add("flag:short")
    found |= {f"signal:{signal}" for signal in r.keywords if signal in SIGNALS}
    if r.topic:
        found.add(f"topic:{r.topic}")
    found |= {f"concept:{key}/{number}" for key, number in faq.concepts_in(r.words)}
    if not r.question:
        found |= {f"answer:{reader}" for reader, item_id in READ_AS if parse_answer(item_id, text).ok}
    return frozenset(found)


def vector(text: str) -> list:
    """``features`` as 0/1 in the order of ``NAMES``."""
    on = features(text)
    return [1.0 if name in on else 0.0 for name in NAMES]
