"""The user-tested examples of the safety and understanding work, over REST against the assistant as `make run`
starts it: each gets the right reply, and the intake goes on."""

import requests

from bot.dialogue import texts
from tests.web.conftest import CHAT, CLINIC_TOKEN, WebUser

# CHAT[0] is the greeting, CHAT[i] answers item i - 1 of the questionnaire's order (tests/web/conftest.py).
UP_TO_AGE = CHAT[:3]  # hoi, consent, sex: the age is asked next


def said(replies) -> str:
    return "\n".join(m.get("text") or "" for m in replies)


def user_at_age(stack) -> WebUser:
    user = WebUser(stack["base"])
    for text in UP_TO_AGE:
        user.say(text)
    return user


def record(stack, reference):
    return requests.get(f"{stack['base']}/clinic/intakes/{reference}", params={"format": "json"},
                        headers={"Authorization": f"Bearer {CLINIC_TOKEN}"}, timeout=10).json()  # fmt: skip


def test_violence_gets_veilig_thuis_never_the_suicide_line(stack):
    for text in ("mijn partner slaat me en ik durf niet naar huis", "mijn man mishandelt me", "ik word thuis geslagen"):
        reply = said(user_at_age(stack).say(text))
        assert texts.VIOLENCE in reply and "0800-2000" in reply and texts.CRISIS not in reply, text


def test_alarm_signs_in_own_words_are_recorded_and_the_booking_is_the_huisarts(stack):
    for text in ("al val ik wel veel af zonder dat ik het wil",
                 "mijn broeken zakken af, ik eet normaal maar val steeds af",
                 "heb echt heftige buikpijn sinds gisteren"):  # fmt: skip
        user = user_at_age(stack)
        reply = said(user.say(text))
        assert texts.RED_FLAG_NOW in reply and texts.CRISIS not in reply, text
        assert reply.rstrip().endswith(said(user.replies[-1:]))  # the age question again, nothing lost
    card = user.complete(CHAT[3:-1])  # the red-flag question is answered already: the review comes after the test
    assert card["booking"]["kind"] == "gp_first" and card["red_flag"] is True
    assert record(stack, card["booking"]["reference"])["answers"]["red_flags"] == ["severe_abdominal_pain"]


def test_a_red_flag_at_the_last_question_gets_the_huisarts_before_the_review(stack):
    user = WebUser(stack["base"])
    for text in CHAT[:-1]:
        user.say(text)
    reply = said(user.say("ik ben 7 kilo afgevallen, ik weet niet waarom"))
    assert reply.index(texts.RED_FLAG_NOW) < reply.index(texts.REVIEW_INTRO)


def test_pregnancy_gets_the_verloskundige(stack):
    reply = said(user_at_age(stack).say("ik ben zwanger, mag ik magnesium slikken?"))
    assert texts.PREGNANCY in reply and texts.NO_RELIABLE_ANSWER in reply


def test_an_answer_wins_over_a_topic_word_at_the_skin_question(stack):
    user = WebUser(stack["base"])
    skin = CHAT.index("acne")
    for text in CHAT[:skin]:
        user.say(text)
    reply = said(user.say("niks aan de hand met mijn huid hoor"))
    assert "Genoteerd. Huidklachten: geen." in reply


def test_my_age_is_29_ik_ben_29(stack):
    assert "Genoteerd. Leeftijd: 29." in said(user_at_age(stack).say("my age is 29, ik ben 29"))


def test_nee_sorry_ik_ben_45_corrects_the_surprising_age_at_once(stack):
    user = user_at_age(stack)
    assert texts.confirm_value("4 bij leeftijd") in said(user.say("4"))
    assert "Leeftijd: 45." in said(user.say("nee sorry, ik ben 45"))


def test_requests_in_every_register(stack):
    assert texts.SKIPPED in said(user_at_age(stack).say("geen gedacht"))
    assert "Een medewerker helpt je graag verder." in said(user_at_age(stack).say("can I talk to human? echte mens?"))
    assert texts.STOPPED in said(user_at_age(stack).say("kunnen we ophouden"))
    user = user_at_age(stack)
    user.say("40")
    assert texts.BACK in said(user.say("foutje bij de vorige, mag ik die opnieuw doen"))
    user = user_at_age(stack)
    assert texts.CONFIRM_DELETE in said(user.say("wis alles wat ik heb gezegd"))
    assert texts.DELETED in said(user.say("ja"))


def test_a_delete_question_outside_the_interview_takes_a_plain_yes(stack):
    user = user_at_age(stack)
    user.say("stop")
    assert texts.CONFIRM_DELETE in said(user.say("kan alles wat ik ingevuld heb weg?"))
    assert texts.DELETED in said(user.say("ja"))


def test_the_same_unclear_message_four_times_never_gets_stuck(stack):
    user = user_at_age(stack)
    replies = [said(user.say("hmm tja")) for _ in range(3)]
    assert replies[1].endswith(texts.TYPE_A_NUMBER) and texts.GAVE_UP in replies[2]
    assert "Vraag 4 van" in replies[2]  # the interview went on to the next question
