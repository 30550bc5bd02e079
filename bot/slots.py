"""The names of the slots that hold the interview's state, beside the item slots (``bot.questionnaire``).

One place for the names that the Rasa adapters (``actions/``) and the channels (``channels/``) both read;
domain.yml declares the same slots and a test proves they agree.
"""

ANSWERED = "answered_items"  # the items answered so far, in order
FAILURES = "failed_attempts"  # unreadable answers to the current question
STATUS = "intake_status"  # how the interview ended: complete, no_consent, under_age, stopped, paused, deleted
LAST_TURN = "last_turn"  # the latest user message the form has handled
RESULT = "intake_result"  # the spec's result object, once the results are shown
REQUESTED = "requested_slot"  # the item the interview asks now (Rasa's own form slot)
PENDING = "intake_pending"  # what the interview waits for besides an answer (a confirmation, the review)
WORDS = "answer_words"  # item id -> the user's own words for that answer
START = "intake_start"  # the user wants to start or resume the check
STARTED = "intake_started"  # when the conversation began (its first message), across sessions (actions/sessions.py)
REPORT = "report_reading"  # a lab report read from an upload, until confirmed (bot.dialogue.report_confirmation)
# Flags for the clinic (the flag only, never the text), set by the dialogue when the wording occurs.
CRISIS = "crisis_mentioned"  # suicidal thoughts
VIOLENCE = "violence_mentioned"  # domestic violence
DANGER = "danger_mentioned"  # acute danger
PREGNANCY = "pregnancy_mentioned"  # a pregnancy
NOT_MANAGED = "items_not_managed"  # items the assistant gave up on after repeated failed tries
DIGRESSED = "intake_digressed"  # the current question's one free digression is used (bot.dialogue.liveness)

# The flags the intake record copies, slot -> record field.
RECORD_FLAGS = {CRISIS: "crisis", VIOLENCE: "violence", DANGER: "danger", PREGNANCY: "pregnancy"}
# The slot of each safety flag of an outcome (bot.dialogue.safety.FLAGS: the same names as the record's fields).
FLAG_SLOTS = {field: slot for slot, field in RECORD_FLAGS.items()}
