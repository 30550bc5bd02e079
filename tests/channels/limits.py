"""Each provider's limits, checked on every API call the bot made (numbers from the providers'
API references, written out here independently of bot/channel_messages.py)."""


def whatsapp(call) -> None:
    body = call.json
    assert body["messaging_product"] == "whatsapp" and call.headers["Authorization"] == "Bearer wa-token"
    if body["type"] == "text":
        assert 0 < len(body["text"]["body"]) <= 4096
        return
    inner = body["interactive"]
    assert 0 < len(inner["body"]["text"]) <= 1024
    if inner["type"] == "button":
        buttons = inner["action"]["buttons"]
        assert 1 <= len(buttons) <= 3
        assert all(len(b["reply"]["title"]) <= 20 and len(b["reply"]["id"]) <= 256 for b in buttons)
        assert len({b["reply"]["title"] for b in buttons}) == len(buttons)
    elif inner["type"] == "list":
        rows = [row for section in inner["action"]["sections"] for row in section["rows"]]
        assert 1 <= len(rows) <= 10 and len(inner["action"]["button"]) <= 20
        assert all(len(r["title"]) <= 24 and len(r["id"]) <= 200 and len(r.get("description", "")) <= 72 for r in rows)
    else:
        assert inner["type"] == "cta_url" and len(inner["action"]["parameters"]["display_text"]) <= 20


def telegram(call) -> None:
    assert "/bot123:tg-token/" in call.path
    if call.path.endswith("/answerCallbackQuery"):
        assert call.json["callback_query_id"]
        return
    assert call.path.endswith("/sendMessage") and 0 < len(call.json["text"]) <= 4096
    for row in (call.json.get("reply_markup") or {}).get("inline_keyboard", []):
        for button in row:
            assert "url" in button or len(button["callback_data"].encode()) <= 64


def facebook(call) -> None:
    assert call.path == "/me/messages" and call.query["access_token"] == "fb-page-token"
    message = call.json["message"]
    if "attachment" in message:
        template = message["attachment"]["payload"]
        assert template["template_type"] == "button" and 0 < len(template["text"]) <= 640
        assert all(len(b["title"]) <= 20 for b in template["buttons"])
        return
    assert 0 < len(message["text"]) <= 2000
    quick = message.get("quick_replies") or []
    assert len(quick) <= 13 and all(len(q["title"]) <= 20 and len(q["payload"]) <= 1000 for q in quick)


def twilio(call) -> None:
    assert call.path.endswith("/Messages.json") and call.headers["Authorization"].startswith("Basic ")
    assert call.form["From"] == "whatsapp:+3197010000000" and 0 < len(call.form["Body"]) <= 1600


CHECKS = {"whatsapp": whatsapp, "telegram": telegram, "facebook": facebook, "twilio": twilio}
