"""A real visitor in headless Chromium (Debian's chromium, driven by Playwright): /chat end to end, by keyboard.

The test waits for each question by its item (the page marks the answers of a question with data-item), not
by its wording, so a change of wording in the dialogue does not break it.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from bot.clinic import Clinic
from bot.dialogue import texts
from bot.dialogue.results import build_result, results_view
from bot.questionnaire import ITEMS
from tests.answers import WORKED_EXAMPLE
from tests.web.conftest import axe_violations, csp_errors, screenshot

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT = 60_000
# The worked example, item by item: what the visitor does by keyboard. ("type", text): type in the field and
# press Enter; ("choose", title): Tab to the button and press Enter; ("check", [labels]): Space on each
# checkbox, then Tab to "Klaar"; ("back", title): Shift+Tab from the field to a button under the question.
INTAKE = [
    ("consent", "choose", "Ja, ik geef toestemming"),
    ("sex", "choose", "vrouw"),
    ("age", "type", "40"),
    ("veg_fruit_per_day", "type", "drie"),
    ("whole_grain_per_day", "type", "2"),
    ("legumes_per_week", "type", "geen"),
    ("nuts_per_week", "type", "2"),
    ("leafy_greens_per_week", "type", "1"),
    ("dark_chocolate_per_week", "type", "0"),
    ("fermented_per_week", "type", "1"),
    ("red_meat_per_week", "type", "4 keer"),
    ("ultra_processed_per_day", "type", "twee keer per dag"),
    ("audit_c_frequency", "choose", "2 tot 3 keer per week"),
    ("audit_c_quantity", "type", "drie glazen"),
    ("audit_c_binge", "choose", "elke maand"),
    ("pss_1", "choose", "soms"),
    ("pss_2", "choose", "soms"),
    ("pss_3", "choose", "bijna nooit"),
    ("pss_4", "choose", "vaak"),
    ("sleep_hours", "type", "zes uur"),
    ("med_ppi", "type", "ik slik pantoprazol"),
    ("med_diuretic", "choose", "nee"),
    ("med_antibiotics_12m", "choose", "1 kuur"),
    ("cond_diabetes_t2", "choose", "nee"),
    ("egfr", "back", "Sla over"),
    ("skin_complaints", "check", ["acne (puistjes)"]),
    ("skin_impact", "choose", "5"),
    ("microbiome_test", "choose", "nee"),
    ("red_flags", "check", []),
]


def focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement; return {tag: e.tagName, id: e.id, type: e.type || '',"
        " text: (e.innerText || e.value || '').trim(), label: e.labels && e.labels[0] ? e.labels[0].innerText : ''}; }"
    )


def wait_for_item(page, item):
    expect(page.locator(f".answers[data-item='{item}']")).to_have_count(1, timeout=TIMEOUT)
    expect(page.locator("#typing")).to_be_hidden(timeout=TIMEOUT)


def first_answer_is_focused(page, item):
    """After each bot turn the focus is on the first answer control, in reading order: the first button or
    checkbox of the question, or the text field when a number is asked or nothing can be chosen."""
    now = focused(page)
    box = page.locator(f".answers[data-item='{item}']")
    wants_typing = page.locator("#input[inputmode]").count() == 1
    if wants_typing or box.locator(".buttons:not(.extras) button, input").count() == 0:
        assert now["id"] == "input", (item, now)
        return
    first = box.locator("button, input").first
    assert first.evaluate("e => e === document.activeElement"), (item, now)


def tab_to(page, title=None, element_id=None, backwards=False, limit=20):
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        now = focused(page)
        if (title is not None and now["text"] == title) or (element_id and now["id"] == element_id):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{title or element_id!r} not reached with {key}; focus on {focused(page)}")


def answer(page, item, action, value):
    wait_for_item(page, item)
    first_answer_is_focused(page, item)
    if action == "type":
        tab_to(page, element_id="input")  # past the buttons, if any
        page.keyboard.type(value)
        page.keyboard.press("Enter")
    elif action == "choose":
        tab_to(page, value)
        page.keyboard.press("Enter")
        assert focused(page)["tag"] != "BODY"  # the chosen button goes, the focus stays in the conversation
    elif action == "back":
        tab_to(page, value, backwards=True)
        page.keyboard.press("Enter")
    else:  # checkboxes: Space on each wanted one, then Tab to "Klaar"
        for _ in range(12):
            now = focused(page)
            if now["type"] == "checkbox" and now["label"] in value:
                page.keyboard.press("Space")
            if now["text"] == "Klaar":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")


def no_input_is_lost_while_the_bot_replies(page):
    """Typing and Enter while a reply is pending keeps the text; it goes out with the next Enter."""
    held = []
    page.route("**/webhooks/rest/webhook", lambda route: held.append(route))
    wait_for_item(page, "audit_c_quantity")
    page.keyboard.type("drie glazen")
    page.keyboard.press("Enter")
    expect(page.locator("#typing")).to_be_visible()
    page.keyboard.type("elke maand")
    page.keyboard.press("Enter")  # the bot is still replying
    expect(page.locator("#input")).to_have_value("elke maand")
    expect(page.locator("#status")).to_contain_text("Even geduld")
    assert len(held) == 1
    held[0].continue_()
    page.unroute("**/webhooks/rest/webhook")
    wait_for_item(page, "audit_c_binge")
    page.locator("#input").focus()
    page.keyboard.press("Enter")  # what was typed while waiting is sent now
    expect(page.locator(".msg.user").filter(has_text=re.compile("^Jij: elke maand$"))).to_have_count(1)


def a_network_error_keeps_the_text_and_offers_to_send_again(page):
    page.route("**/webhooks/rest/webhook", lambda route: route.abort(), times=1)
    wait_for_item(page, "pss_1")
    tab_to(page, "soms")
    page.keyboard.press("Enter")
    retry = page.get_by_role("button", name="Opnieuw versturen")
    expect(retry).to_be_focused(timeout=TIMEOUT)
    expect(page.get_by_role("alert")).to_contain_text("niet verstuurd")
    expect(page.locator("#input")).to_have_value("soms")
    page.keyboard.press("Enter")
    wait_for_item(page, "pss_2")
    expect(page.locator("#input")).to_have_value("")
    expect(page.get_by_role("alert")).to_have_count(0)


def confirm_the_review(page):
    """When the dialogue shows a summary and asks "Klopt dit?" first, say yes (the first button, focused)."""
    yes = next(iter(getattr(texts, "REVIEW_BUTTONS", ())), None)
    waiting = page.locator("#results-title")
    if yes:
        waiting = waiting.or_(page.locator(".answers button").filter(has_text=re.compile(f"^{re.escape(yes)}$")))
    expect(waiting.first).to_be_visible(timeout=TIMEOUT)
    if page.locator("#results-title").count():
        return
    expect(page.locator(".answers .extras")).to_have_count(0)  # a yes-or-no, not a question of the intake
    assert focused(page)["text"] == yes
    page.keyboard.press("Enter")


def check_results_card(page):
    card = page.get_by_role("region", name="Je uitkomst")
    expect(card).to_be_visible(timeout=TIMEOUT)
    title = page.locator("#results-title")
    expect(title).to_be_focused()
    assert title.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    expect(page.locator("#progress-label")).to_have_text("Klaar")
    assert page.evaluate("document.scrollingElement.scrollTop") == 0  # the header and the field stay on screen
    expect(page.locator("#input")).to_be_in_viewport()
    # One card, no text dump before it, one booking button carrying the reference.
    expect(page.locator(".msg.bot").filter(has_text="Mijn tips voor jou")).to_have_count(0)
    expect(page.locator(".results")).to_have_count(1)
    booking = page.locator("a[href*='ref=']")
    expect(booking).to_have_count(1)
    expect(booking).to_have_text(re.compile(r"^Plan je consult \(IN-[A-Z0-9]{6}\)$"))
    reference = re.search(r"IN-[A-Z0-9]{6}", booking.inner_text()).group(0)
    expect(booking).to_have_attribute("href", f"https://kliniek.example/plan?ref={reference}")
    # Every bar: zones from low to high, left to right, and the marker inside the zone of the area's band.
    areas = card.locator(".area")
    expect(areas).to_have_count(4)
    for i in range(areas.count()):
        area = areas.nth(i)
        level = int(area.get_attribute("data-level"))
        zones = area.locator(".zone").evaluate_all(
            "zs => zs.map(z => ({level: +z.dataset.level, left: z.getBoundingClientRect().left,"
            " right: z.getBoundingClientRect().right}))"
        )
        assert [z["level"] for z in sorted(zones, key=lambda z: z["left"])] == sorted(z["level"] for z in zones)
        marker = area.locator(".marker").evaluate("m => m.getBoundingClientRect().left + 2")
        inside = [z["level"] for z in zones if z["left"] <= marker <= z["right"]]
        assert inside == [level], (area.inner_text(), zones, marker)
        expect(area.locator(".why")).to_contain_text(re.compile(r"^Waarom\? \S"))
    gut = card.get_by_role("img", name=re.compile(r"^Darmflora: verhoogd risico \(90 van 100 punten\)$"))
    expect(gut).to_be_visible()
    expect(card).not_to_contain_text(re.compile(r"\+\d+ punten"))  # no "(+10 punten)" for the patient
    expect(card.get_by_role("button", name="Opnieuw beginnen")).to_be_visible()
    expect(card.get_by_role("button", name="Verwijder mijn gegevens")).to_be_visible()
    return reference


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_complete_intake_by_keyboard(stack, browser, axe_source, size):
    context = browser.new_context(viewport=PHONE if size == "phone" else DESKTOP)
    page = context.new_page()
    blocked = csp_errors(page)
    page.goto(f"{stack['base']}/chat")
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    wait_for_item(page, "consent")
    expect(page.locator(".msg.user")).to_have_count(0)  # the page starts the conversation; no "hallo" bubble
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"chat-start-{size}")

    for item, action, value in INTAKE:
        if item == "audit_c_quantity" and size == "phone":
            no_input_is_lost_while_the_bot_replies(page)
            continue
        if item == "audit_c_binge" and size == "phone":
            continue  # answered above, with the text typed while the bot replied
        if item == "pss_1" and size == "phone":
            a_network_error_keeps_the_text_and_offers_to_send_again(page)
            continue
        if item == "skin_impact":
            expect(page.locator(".scale-buttons button")).to_have_count(11)
        if item == "veg_fruit_per_day":
            expect(page.locator("#input")).to_have_attribute("inputmode", "decimal")
        if item == "age":
            expect(page.locator("#input")).to_have_attribute("inputmode", "numeric")
        if item == "med_ppi":
            wait_for_item(page, item)
            assert axe_violations(page, axe_source) == []  # mid-interview
            screenshot(page, f"chat-{size}")
        if item == "red_flags":
            expect(page.get_by_role("group", name="Kies alles wat past (of niets)")).to_be_visible()
            assert axe_violations(page, axe_source) == []  # checkboxes
        answer(page, item, action, value)
    confirm_the_review(page)

    check_results_card(page)
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"results-{size}")
    page.locator(".booking").scroll_into_view_if_needed()
    screenshot(page, f"results-{size}-booking")
    assert blocked == []  # nothing of the page is refused by its own CSP
    context.close()


def page_showing_the_card(stack, browser, view, size):
    """A chat page whose next reply is ``view``, the results card as the server sends it: (context, page)."""
    context = browser.new_context(viewport=PHONE if size == "phone" else DESKTOP)
    page = context.new_page()
    page.goto(f"{stack['base']}/chat")
    wait_for_item(page, "consent")
    page.route("**/webhooks/rest/webhook", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps([{"custom": {"intake_results": view}}])))
    tab_to(page, element_id="input")
    page.keyboard.type("geen")
    page.keyboard.press("Enter")
    return context, page


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_results_card_as_the_server_sends_it(stack, browser, axe_source, size):
    """The card alone, from the view the action sends for the worked example (independent of the dialogue)."""
    clinic = Clinic("Testkliniek", "https://kliniek.example/plan", "020", "a@b.example")
    view = results_view(WORKED_EXAMPLE, build_result(WORKED_EXAMPLE, clinic), clinic)
    context, page = page_showing_the_card(stack, browser, view, size)
    check_results_card(page)
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"card-{size}")
    context.close()


def test_reload_keeps_the_conversation_out_of_the_live_region(stack, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{stack['base']}/chat")
    for item, action, value in INTAKE[:4]:
        answer(page, item, action, value)
    wait_for_item(page, "whole_grain_per_day")
    page.reload()
    wait_for_item(page, "whole_grain_per_day")
    expect(page.locator("#history .msg.user").filter(has_text="drie")).to_have_count(1)
    expect(page.locator("#log .msg")).to_have_count(0)  # nothing restored is announced again
    expect(page.locator("#history")).not_to_have_attribute("aria-live", re.compile("."))
    expect(page.locator(".msg.user").filter(has_text=re.compile(r"^Jij: hallo$"))).to_have_count(0)
    first_answer_is_focused(page, "whole_grain_per_day")

    page.keyboard.type("verwijder mijn gegevens")
    page.keyboard.press("Enter")
    expect(page.locator(".msg.bot")).to_have_count(1, timeout=TIMEOUT)  # only the confirmation is left
    expect(page.locator(".msg.user")).to_have_count(0)
    expect(page.locator(".msg.bot")).to_contain_text("verwijderd")
    assert page.evaluate("localStorage.getItem('intake-session')") is None
    context.close()


def test_favicon_and_static_assets(stack, browser):
    context = browser.new_context()
    page = context.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{stack['base']}/chat")
    wait_for_item(page, "consent")
    page.goto(f"{stack['base']}/favicon.ico")
    assert failed == []
    context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_card_is_honest_about_missing_answers_and_puts_the_huisarts_first(stack, browser, axe_source, size):
    """All diet questions unknown, the glasses unknown, a red flag: as the server sends it, drawn by the page."""
    clinic = Clinic("Testkliniek", "https://kliniek.example/plan", "020 123 45 67", "info@kliniek.example")
    answers = {**WORKED_EXAMPLE, **{it.id: None for it in ITEMS if it.section == "diet"}, "audit_c_quantity": None,
               "red_flags": ["black_stool"]}  # fmt: skip
    view = results_view(answers, build_result(answers, clinic, "IN-TEST22"), clinic)
    context, page = page_showing_the_card(stack, browser, view, size)
    card = page.get_by_role("region", name="Je uitkomst")
    expect(card).to_be_visible(timeout=TIMEOUT)
    areas = card.locator(".area")
    expect(areas).to_have_count(4)
    gut, magnesium, drinks, stress = (areas.nth(i) for i in range(4))
    expect(gut.get_by_role("heading", name="Darmflora onvolledig")).to_have_count(1)
    expect(gut.locator(".basis")).to_have_text("Op basis van 0 van 7 voedingsvragen en 8 van 9 andere vragen.")
    expect(gut.locator(".missing")).to_have_text(
        "Met antwoorden op de voedingsvragen en de vraag over glazen op een drinkdag kan ik je risico voor je "
        "darmflora wel inschatten.")  # fmt: skip
    expect(magnesium.locator(".band")).to_have_text("onvolledig")
    expect(drinks.locator(".band")).to_have_text("kon niet berekend worden")
    expect(drinks.locator(".basis")).to_have_text("Op basis van 2 van 3 alcoholvragen.")
    for open_area in (gut, magnesium, drinks):  # no bar, no marker, no "Waarom? Niets ..."
        expect(open_area.locator(".track, .marker, .why")).to_have_count(0)
    expect(stress.locator(".band")).to_have_text("veel stress")  # answered: shown with its bar
    expect(stress.locator(".marker")).to_have_count(1)
    expect(card).not_to_contain_text("laag risico")
    expect(card).not_to_contain_text("Niets in je antwoorden verhoogt dit risico")
    # the huisarts first: no link to the booking page, the clinic's phone and e-mail for later
    expect(card.locator(".flag")).to_contain_text("huisarts")
    expect(card.locator("a[href*='kliniek.example/plan'], a[href*='ref=']")).to_have_count(0)
    expect(card.locator(".booking-first")).to_have_text("Eerst naar de huisarts")
    expect(card.locator(".booking")).to_contain_text("Bel eerst je huisarts over je klachten.")
    expect(card.get_by_role("link", name="020 123 45 67")).to_have_attribute("href", "tel:0201234567")
    expect(card.get_by_role("link", name="info@kliniek.example")).to_have_attribute("href",
                                                                                    "mailto:info@kliniek.example")
    assert axe_violations(page, axe_source) == []
    screenshot(page, f"card-incomplete-{size}", full_page=True)
    context.close()
