"""The channel-neutral message and each provider's rendering, without a server."""

import pytest

from bot import channel_messages as cm
from bot.channel_messages import ChannelMessage
from channels.messaging import render

CONSENT = ("Ja, ik geef toestemming", "Nee, liever niet")
PSS = ("nooit", "bijna nooit", "soms", "vaak", "heel vaak")
TWELVE = tuple(f"keuze nummer {i} met een lange naam" for i in range(1, 13))
LINK = ("Plan je consult", "https://kliniek.example/plan?ref=IN-ABC123")


def test_web_only_json_is_no_channel_message():
    assert cm.from_bot_message({"custom": {"intake_results": {}}}) is None
    assert cm.from_bot_message({"custom": cm.DELETE_MARKER}) is None
    link = {"title": "Plan je consult", "payload": LINK[1], "url": LINK[1], "type": "web_url"}
    message = cm.from_bot_message({"text": "Kies", "buttons": [{"title": "ja", "payload": "ja"}, link]})
    assert message == ChannelMessage("Kies", ("ja",), ("Plan je consult", LINK[1]))


def test_split_at_paragraph_breaks_within_the_limit():
    text = "\n\n".join(["a" * 900, "b" * 900, "c" * 900])
    assert cm.split_text(text, 2000) == ["a" * 900 + "\n\n" + "b" * 900, "c" * 900]
    long_line = " ".join(["woord"] * 1000)
    parts = cm.split_text(long_line, 1600)
    assert all(len(p) <= 1600 for p in parts) and " ".join(parts) == long_line
    assert cm.split_text("x" * 5000, 4096) == ["x" * 4096, "x" * 904]


def test_shortened_titles_stay_unique_and_within_the_limit():
    titles = cm.short_titles(["2 kuren of meer, of langdurig", "2 kuren of meer, of kort"], 20)
    assert titles == ["2 kuren of meer, of…", "2 kuren of… (2)"]
    assert all(len(t) <= 20 for t in titles)


@pytest.mark.parametrize(
    "text, options, expected",
    [
        ("2", CONSENT, "Nee, liever niet"),
        (" 1. ", PSS, "nooit"),
        ("6", PSS, "6"),  # no sixth option: the text itself
        ("1", ("Sla over",), "1"),  # a lone option beside a number question: the number is an answer
        ("Ja, ik geef…", CONSENT, "Ja, ik geef toestemming"),
        ("HEEL VAAK", PSS, "heel vaak"),
        (cm.option_token(2, "soms"), PSS, "soms"),
        (cm.option_token(0, "nooit"), CONSENT, None),  # a button of an earlier question
        ("ik weet het niet", PSS, "ik weet het niet"),
    ],
)
def test_a_reply_of_a_number_or_title_means_the_option(text, options, expected):
    assert cm.resolve_reply(text, options) == expected


def test_whatsapp_buttons_list_and_numbered_text():
    [buttons] = render.whatsapp(ChannelMessage("Mag dat?", CONSENT))
    reply = buttons["interactive"]["action"]["buttons"]
    assert [b["reply"]["title"] for b in reply] == ["Ja, ik geef…", "Nee, liever niet"]
    assert [b["reply"]["id"] for b in reply] == list(CONSENT)  # the reply carries the full title
    [listed] = render.whatsapp(ChannelMessage("Hoe vaak?", PSS))
    assert listed["interactive"]["type"] == "list"
    assert [r["title"] for r in listed["interactive"]["action"]["sections"][0]["rows"]] == list(PSS)
    [numbered] = render.whatsapp(ChannelMessage("Kies", TWELVE))
    assert numbered["type"] == "text" and "12. keuze nummer 12 met een lange naam" in numbered["text"]["body"]


def test_whatsapp_long_text_goes_before_the_interactive_body():
    text = "\n\n".join(["a" * 1000, "b" * 1000])
    payloads = render.whatsapp(ChannelMessage(text, CONSENT))
    assert [p["type"] for p in payloads] == ["text", "interactive"]
    assert payloads[1]["interactive"]["body"]["text"] == "b" * 1000


def test_links_where_each_channel_has_them():
    message = ChannelMessage("Boek een consult.", (), LINK)
    [wa] = render.whatsapp(message)
    assert wa["interactive"]["action"]["parameters"] == {"display_text": "Plan je consult", "url": LINK[1]}
    [tg] = render.telegram(message)
    assert tg["reply_markup"]["inline_keyboard"] == [[{"text": "Plan je consult", "url": LINK[1]}]]
    [fb] = render.messenger(message)
    assert fb["attachment"]["payload"]["buttons"] == [{"type": "web_url", "url": LINK[1], "title": "Plan je consult"}]
    assert render.twilio(message) == [{"Body": f"Boek een consult.\n\nPlan je consult: {LINK[1]}"}]


def test_telegram_callback_data_fits_64_bytes_and_maps_back():
    [payload] = render.telegram(ChannelMessage("Kies", TWELVE))
    data = [b[0]["callback_data"] for b in payload["reply_markup"]["inline_keyboard"]]
    assert all(len(d.encode()) <= 64 for d in data)
    assert [cm.resolve_reply(d, TWELVE) for d in data] == list(TWELVE)


def test_messenger_quick_replies_and_numbered_fallback():
    [payload] = render.messenger(ChannelMessage("Mag dat?", CONSENT))
    assert [q["title"] for q in payload["quick_replies"]] == ["Ja, ik geef…", "Nee, liever niet"]
    assert [q["payload"] for q in payload["quick_replies"]] == list(CONSENT)
    many = tuple(f"optie {i}" for i in range(14))
    [fallback] = render.messenger(ChannelMessage("Kies", many))
    assert "quick_replies" not in fallback and "14. optie 13" in fallback["text"]


def test_twilio_numbers_the_options():
    assert render.twilio(ChannelMessage("Ben je een vrouw of een man?", ("vrouw", "man"))) == [
        {"Body": "Ben je een vrouw of een man?\n\nTyp het nummer of je antwoord:\n1. vrouw  2. man"}
    ]
    [single] = render.twilio(ChannelMessage("Weet je je eGFR?", ("Weet ik niet",)))
    assert single["Body"].endswith("Of typ: Weet ik niet")


def test_typed_text_is_never_an_intent_command():
    """Rasa reads "/restart" as its restart intent; what a person types stays text."""
    assert cm.typed("/restart") == "\u200b/restart" and not cm.typed("/restart").startswith("/")
    assert cm.typed("hallo") == "hallo" and cm.typed("1/2 stuk") == "1/2 stuk"
