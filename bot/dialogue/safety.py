"""The safety router: which situations a message carries, and the reply for each.

- suicidal or self-harm wording: 113 Zelfmoordpreventie (and 112 in danger);
- domestic violence or abuse: Veilig Thuis (and 112 in danger);
- acute danger to life: 112 now;
- a medical alarm sign: recorded as a red flag, and the huisarts at once.

A message can carry several; each gets its reply, the most urgent first. Every situation sets its own flag
(``FLAGS``), which the clinic's record keeps; none records the message as an answer.
"""

from __future__ import annotations

from bot.dialogue import texts
from bot.dialogue.message import Message
from bot.parsing.reading import Reading
from bot.thresholds import SAFETY_BESIDE_AN_ANSWER

SUICIDE = "crisis"  # the flag's historic name: crisis_mentioned
VIOLENCE = "violence"
DANGER = "danger"
PREGNANCY = "pregnancy"
# Situations in the order their replies are given: the most urgent first.
SITUATIONS = (DANGER, SUICIDE, VIOLENCE)
REPLIES = {DANGER: texts.DANGER, SUICIDE: texts.CRISIS, VIOLENCE: texts.VIOLENCE}
# The flags an outcome can set, each kept in a slot of its own and in the clinic's record.
FLAGS = (SUICIDE, VIOLENCE, DANGER, PREGNANCY)


def situations(r: Reading, answer_read: bool) -> tuple:
    """The situations the message carries. The NLU's intents count for a message that is no readable answer
    ("soms" is an answer, whatever the NLU thinks of the rest); the lexicons count always."""
    def sure(intent: str) -> bool:
        return r.nlu.intent == intent and r.nlu.confidence >= SAFETY_BESIDE_AN_ANSWER

    other = r.violence or r.danger  # beside them the NLU's crisis intent counts only when it is sure
    if r.red_flags:  # an alarm sign explains what the NLU took for danger or crisis: the lexicons alone decide
        return tuple(s for s in SITUATIONS if {SUICIDE: r.crisis, VIOLENCE: r.violence, DANGER: r.danger}[s])
    found = {
        SUICIDE: r.crisis or (r.crisis_nlu and (sure("crisis") or (not answer_read and not other))),
        VIOLENCE: r.violence or (r.violence_nlu and (sure("violence") or not answer_read)),
        DANGER: r.danger or (r.danger_nlu and (sure("danger") or not answer_read)),
    }
    return tuple(s for s in SITUATIONS if found[s])


def replies(found: tuple, red_flags: tuple = ()) -> list:
    """One bubble per situation, the most urgent first, then the huisarts for a new red flag."""
    messages = [Message(REPLIES[s], alone=True) for s in SITUATIONS if s in found]
    if red_flags:
        messages.append(Message(texts.RED_FLAG_NOW, alone=True))
    return messages
