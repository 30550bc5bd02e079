"""The staff page /clinic in headless Chromium, its sign-in cookie and rate limit, and the report's PDF pages."""

import re
import shutil
import subprocess
import time

import requests
from playwright.sync_api import expect

from tests.web.conftest import CLINIC_TOKEN, SCREENS, SIGNIN_WINDOW_SECONDS, axe_violations, csp_errors, screenshot

DESKTOP = {"width": 1280, "height": 800}


def rows(page):
    return page.locator("#rows tr")


def test_sign_in_list_filter_open_download_sign_out(stack, browser, axe_source, seeded):
    reference, red_flag_intake = seeded
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    blocked = csp_errors(page)
    page.goto(f"{stack['base']}/clinic")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert axe_violations(page, axe_source) == []
    screenshot(page, "staff-sign-in")

    page.get_by_label("Kliniektoken").fill("not-the-token")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_have_text("Dat token klopt niet.")
    assert context.cookies() == []

    page.get_by_label("Kliniektoken").fill(CLINIC_TOKEN)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Binnengekomen intakes")).to_be_visible()
    [cookie] = context.cookies()
    assert (cookie["name"], cookie["httpOnly"], cookie["secure"], cookie["sameSite"], cookie["path"]) == (
        "clinic_session", True, True, "Strict", "/clinic")  # fmt: skip
    assert 0 < cookie["expires"] - time.time() <= 30 * 60
    assert page.evaluate("document.cookie") == ""  # not readable by script

    expect(rows(page).filter(has_text=reference)).to_have_count(1)
    expect(rows(page).filter(has_text=red_flag_intake)).to_have_count(1)
    # who, the four areas and the alarms, without opening the intake
    headers = page.locator("thead th").all_inner_texts()
    assert headers == ["Afgerond", "Referentie", "Geslacht", "Leeftijd", "Darmflora", "Magnesium", "Alcohol",
                       "Stress en slaap", "Alarmen", "Afspraak", "Downloads"]  # fmt: skip
    flagged = rows(page).filter(has_text=red_flag_intake)
    assert flagged.locator("td").all_inner_texts()[2:10] == ["vrouw", "40", "verhoogd", "gemiddeld", "verhoogd",
                                                              "veel stress", "alarmsignaal, crisis", "eerst huisarts"]
    expect(flagged).to_have_class("alert")
    plain = rows(page).filter(has_text=reference)
    assert plain.locator("td").all_inner_texts()[8] == "geen"
    expect(plain).not_to_have_class("alert")
    first = rows(page).first.locator("td").first.inner_text()
    assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}", first)  # "29 november 2026, 13:42", Amsterdam
    assert axe_violations(page, axe_source) == []
    screenshot(page, "staff-list")

    page.get_by_label("Alleen met alarmsignaal").check()
    page.get_by_role("button", name="Toon").click()
    expect(rows(page).filter(has_text=reference)).to_have_count(0)
    expect(rows(page).filter(has_text=red_flag_intake)).to_have_count(1)
    page.get_by_label("Alleen met alarmsignaal").uncheck()
    page.get_by_label("Afspraak").select_option("skincare_consult")
    page.get_by_role("button", name="Toon").click()
    expect(rows(page).filter(has_text=red_flag_intake)).to_have_count(0)
    expect(rows(page).filter(has_text=reference)).to_have_count(1)
    page.get_by_label("Afspraak").select_option("")
    page.get_by_label("Vanaf").fill("2999-01-01")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("#count")).to_have_text("0 intakes")
    page.get_by_label("Vanaf").fill("")
    page.get_by_role("button", name="Toon").click()
    expect(rows(page).filter(has_text=reference)).to_have_count(1)

    page.get_by_role("link", name=f"Open intake {reference}").click()
    expect(page.get_by_role("heading", name=f"Intake Testkliniek: {reference}")).to_be_visible()
    expect(page.get_by_role("heading", name="Samenvatting")).to_be_visible()
    expect(page.locator("table.summary")).to_contain_text("Maagzuurremmer (PPI)")
    expect(page.get_by_role("row", name="groente en fruit (porties per dag) 3 drie stuks")).to_be_visible()
    assert axe_violations(page, axe_source) == []
    screenshot(page, "staff-report", full_page=True)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = pdf_download.value
    assert pdf.suggested_filename == f"intake-{reference}.pdf"
    pdf_path = SCREENS / "report.pdf"
    SCREENS.mkdir(parents=True, exist_ok=True)
    pdf.save_as(str(pdf_path))
    with page.expect_download() as fhir_download:
        page.get_by_role("link", name="Download FHIR").click()
    assert fhir_download.value.suggested_filename == f"intake-{reference}.fhir.json"

    page.get_by_role("link", name="Terug naar de lijst").click()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert context.cookies() == []
    assert page.request.get(f"{stack['base']}/clinic/intakes").status == 401
    assert blocked == []
    context.close()
    render_pdf_pages(pdf_path)


def render_pdf_pages(pdf_path):
    """The PDF's pages as PNG (Debian's poppler-utils) for anyone to look at; fonts embedded."""
    for old in SCREENS.glob("report-page-*.png"):
        old.unlink()
    subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-png", "-r", "80", str(pdf_path),
                    str(SCREENS / "report-page")], check=True, timeout=60)  # fmt: skip
    pages = sorted(SCREENS.glob("report-page-*.png"))
    assert len(pages) >= 2
    fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    listed = fonts.splitlines()[2:]
    assert listed and all(" yes " in line for line in listed), fonts  # every font embedded


def test_failed_sign_ins_are_rate_limited(stack):
    base = stack["base"]

    def sign_in(token):
        return requests.post(f"{base}/clinic/session", json={"token": token}, timeout=10)

    time.sleep(SIGNIN_WINDOW_SECONDS)  # earlier tests' failures have left the window
    assert [sign_in(f"guess-{i}").status_code for i in range(5)] == [401] * 5
    locked = sign_in(CLINIC_TOKEN)
    assert locked.status_code == 429 and 1 <= int(locked.headers["Retry-After"]) <= SIGNIN_WINDOW_SECONDS
    bearer = requests.get(f"{base}/clinic/intakes", headers={"Authorization": f"Bearer {CLINIC_TOKEN}"}, timeout=10)
    assert bearer.status_code == 429
    time.sleep(SIGNIN_WINDOW_SECONDS + 0.5)
    assert sign_in(CLINIC_TOKEN).status_code == 200
