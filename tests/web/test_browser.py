"""A real visitor in headless Chromium (Debian's chromium, driven by Playwright): /chat end to end."""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.web.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SCREENSHOTS = ROOT / "results" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it) or apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def answer(page, text):
    page.fill("#input", text)
    page.keyboard.press("Enter")  # keyboard only


def click(page, title):
    page.get_by_role("button", name=title, exact=True).click()


def wait_for_question(page, number):
    expect(page.locator("#progress-label")).to_have_text(re.compile(rf"^Vraag {number} van \d+$"), timeout=60_000)


def test_complete_intake_with_a_reload_in_the_middle(stack, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844})  # phone width
    page.goto(f"{stack['base']}/chat")
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    wait_for_question(page, 1)
    click(page, "Ja, ik geef toestemming")
    wait_for_question(page, 2)
    click(page, "vrouw")
    wait_for_question(page, 3)
    for number, text in enumerate(["40", "drie", "2", "geen", "2", "1", "0"], start=4):
        answer(page, text)
        wait_for_question(page, number)
    page.screenshot(path=str(SCREENSHOTS / "chat-before-reload.png"))

    page.reload()  # the conversation survives
    wait_for_question(page, 10)
    expect(page.locator(".msg.user").filter(has_text="drie")).to_have_count(1)
    for number, text in enumerate(["1", "4 keer", "twee keer per dag"], start=11):
        answer(page, text)
        wait_for_question(page, number)
    click(page, "2 tot 3 keer per week")
    wait_for_question(page, 14)
    for number, text in enumerate(["drie glazen"], start=15):
        answer(page, text)
        wait_for_question(page, number)
    click(page, "elke maand")
    for number, title in enumerate(["soms", "soms", "bijna nooit", "vaak"], start=16):
        wait_for_question(page, number)
        click(page, title)
    wait_for_question(page, 20)
    for number, text in enumerate(["zes uur", "ik slik pantoprazol", "nee", "1 kuur", "nee"], start=21):
        answer(page, text)
        wait_for_question(page, number)
    click(page, "Weet ik niet")
    wait_for_question(page, 26)
    answer(page, "acne")
    wait_for_question(page, 27)
    answer(page, "5")
    wait_for_question(page, 28)
    click(page, "nee")
    wait_for_question(page, 29)
    click(page, "Geen van deze")

    results = page.get_by_role("region", name="Je uitkomst")
    expect(results).to_be_visible(timeout=60_000)
    expect(results.locator(".area")).to_have_count(4)
    expect(
        results.get_by_role("img", name=re.compile(r"^Darmflora: 90 van 100 punten, verhoogd risico$"))
    ).to_be_visible()
    booking = results.get_by_role("link", name=re.compile(r"^Plan je consult \(IN-[A-Z0-9]{6}\)$"))
    reference = re.search(r"IN-[A-Z0-9]{6}", booking.inner_text()).group(0)
    expect(booking).to_have_attribute("href", f"https://kliniek.example/plan?ref={reference}")
    results.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "chat-results.png"), full_page=False)
