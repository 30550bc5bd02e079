"""Every threshold the understanding uses, in one table, each with where it came from.

The confidences are those of the project's own intent classifier (components/intent_classifier.py: logistic
regression over tf-idf, character n-grams and the keyword features). None of them was tuned on a frozen set: each was
set by hand when the behaviour beside it was written, and checked on the development sets (tests/dev). config.yml
holds two more that Rasa reads itself; tests/unit/test_thresholds.py proves they equal the ones here.
"""

# --- NLU confidences --------------------------------------------------------------------------------------------------
# The crisis intent counts from here, wherever it ranks: when in doubt, the assistant offers support (first round).
CRISIS_CONFIDENCE = 0.5
# A safety intent (crisis, violence, danger) this sure, as the top intent, counts even beside a readable answer ("10
# ofzo. ik drink tot ik niks meer voel"); below it, an answer read from the message outweighs it ("soms, ik ben
# doodmoe"). Fourth round, on the development safety set.
SAFETY_BESIDE_AN_ANSWER = 0.8
# The violence and danger intents count from here, wherever they rank, besides their lexicon (bot/parsing/safety.py).
SAFETY_CONFIDENCE = 0.5
# Any other intent counts as a request (stop, skip, why, ...) from here, for a message that is no readable answer.
INTENT_CONFIDENCE = 0.6
# A question the NLU calls out of scope this surely gets "daar kan ik niet mee helpen", not "vraag het de kliniek".
OUT_OF_SCOPE_CONFIDENCE = 0.5
# An FAQ intent this sure wins over the keyword layer's topic; below it the keywords decide.
FAQ_CONFIDENCE = 0.8
# A request or question this sure (the top intent) outweighs an answer read only from a small word ("een", "geen").
SURE = 0.5
# Outside the interview, a greeting, "start" or "resume" intent this sure starts or resumes the check.
START_CONFIDENCE = 0.5
# config.yml: the FallbackClassifier's threshold (nlu_fallback below it) and RulePolicy's core fallback.
NLU_FALLBACK = 0.45
CORE_FALLBACK = 0.3

# --- Lengths ----------------------------------------------------------------------------------------------------------
# Characters: an answer is never this long; longer text is junk (second round).
LONG_MESSAGE = 400
# Characters: "moet even weg" pauses in a short message; a longer sentence with the same words need not.
SHORT_PAUSE = 60
# Words: a yes or no to a confirmation ("klopt dat?") is at most this long.
YES_NO_WORDS = 8
# Words: "kunnen we ophouden" this short, a modal verb, a person and no object, is a request, not a question.
POLITE_REQUEST_WORDS = 5
# Words: a greeting or thanks this short with a question ("dag, hoe gaat het?") is small talk, not a question.
SMALL_TALK_WORDS = 6
# Words: "hoi, ben er weer" this short greets; a longer message with "verder" is something else.
RESUME_WORDS = 5
# Words: an off-topic message longer than this gets "not for me", even with a greeting word in it.
OFF_TOPIC_WORDS = 3
# Words: an answer before a closing question longer than this must share a word with the question asked.
SHORT_ANSWER_PART = 4
# Words: outside the interview, a yes or no this short is a reply to what the assistant offered.
SHORT_REPLY_WORDS = 6
# Zipf frequency (wordfreq): a word of an item's name this common ("geen", "hebben", "meer") does not name the item
# at the review; the rarest of them is "waren" (5.9), the most common content word "klaar" (5.5). Fourth round.
FUNCTION_WORD_ZIPF = 5.8
# Characters of the user's own words kept beside an answer for the clinician.
WORDS_KEPT = 200
