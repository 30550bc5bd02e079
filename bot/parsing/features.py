"""What the keyword layer knows about a message, as named features for the NLU's intent classifier.

The classifier sees words and character n-grams; these features add what ``bot.parsing`` reads with
concepts instead of strings: the keyword signals ("vorige vraag", "sla over"), crisis wording, whether
it is a question, which FAQ topic its concepts point to (gut + skin, gut + liver, magnesium + food),
which of a topic's concept groups it touches (gut alone), whether it is about the check's subjects at
all, which kinds of answer it reads as ("drie keer per week" is a frequency, "omeprazol" a medicine),
whether it reads as yes or no, and four combined flags a linear classifier cannot form itself: a
question on the check's subjects ("is koffie slecht voor mijn darmen"), a question off them ("wat kost
een liter benzine"), and a statement on or off them that reads as no answer and no request.
A Rasa featurizer turns them into a vector (``components/keyword_features.py``); nothing here knows of
Rasa. Nothing is cached: the server would keep users' messages in memory for no gain, since it reads
each message once.
"""

from __future__ import annotations

from bot import faq
from bot import questionnaire as q
from bot.parsing import signals as sig
from bot.parsing.answers import parse_answer, parse_yes_no
from bot.parsing.reading import read

# One item per reader: a message that one of them reads is an answer of that kind. Items whose reader
# takes a yes or no (consent, the yes/no items) are left out: "ja" is affirm before it is an answer.
READ_AS = tuple(
    sorted({it.reader: it.id for it in reversed(q.ITEMS) if it.reader != "yes_no"}.items())
)
READING_FLAGS = ("crisis", "violence", "danger", "red_flags", "question", "maybe_question", "advice", "on_subject", "junk")
COMBINED = ("subject_question", "offtopic_question", "subject_statement", "offtopic_statement")
FLAGS = READING_FLAGS + ("delete_request", "digit", "short", "yes", "no") + COMBINED
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
# The combined flags count this many times in the vector: they tell apart intents that share their words
# (a question with no fixed answer and an off-topic one). Chosen by 5-fold cross-validation of data/nlu,
# where 3 scored 0.3 points above 1 (README, "The NLU pipeline").
COMBINED_WEIGHT = 3.0
WEIGHTED = frozenset(f"flag:{flag}" for flag in COMBINED)


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
    yes_no = parse_yes_no(text)
    if yes_no:
        found.add(f"flag:{yes_no}")
    if not r.question:
        found |= {f"answer:{reader}" for reader, item_id in READ_AS if parse_answer(item_id, text).ok}
    asks = r.question or r.maybe_question
    reads_as_something = any(name.startswith(("answer:", "signal:")) for name in found)
    if asks:
        found.add("flag:subject_question" if r.on_subject else "flag:offtopic_question")
    elif r.words and not reads_as_something:
        found.add("flag:subject_statement" if r.on_subject else "flag:offtopic_statement")
    return frozenset(found)


def vector(text: str) -> list:
    """``features`` in the order of ``NAMES``: 0 when absent, else 1 (``COMBINED_WEIGHT`` for a combined flag)."""
    on = features(text)
    return [(COMBINED_WEIGHT if name in WEIGHTED else 1.0) if name in on else 0.0 for name in NAMES]
