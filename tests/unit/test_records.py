"""The intake record store on SQLite, its purge and the report formats."""

import base64
import hashlib
import hmac
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from bot import reports, sessions
from bot.records import IntakeRecord, RecordStore, main
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)


def record(reference="IN-ABC234", sender="s1", completed=T0, answers=WORKED_EXAMPLE):
    booking = {"kind": "skincare_consult", "url": "https://k.example/?ref=" + reference, "reference": reference}
    advice = [{"id": "ppi", "title": "Je maagzuurremmer", "text": "Bespreek <dit>.", "sources": ["x"]}]
    return IntakeRecord(reference, sender, answers, compute_scores(answers), booking, advice,
                        completed - timedelta(minutes=9), completed)  # fmt: skip


@pytest.fixture
def store(tmp_path):
    return RecordStore(f"sqlite:///{tmp_path / 'records.db'}")


def test_save_get_and_replace(store):
    store.save(record())
    got = store.get("IN-ABC234")
    assert got == record()
    store.save(record(answers={**WORKED_EXAMPLE, "sleep_hours": 8}))
    assert store.get("IN-ABC234").answers["sleep_hours"] == 8
    assert store.get("IN-NONE22") is None


def test_delete_for_sender(store):
    store.save(record("IN-AAAAA2", "s1"))
    store.save(record("IN-BBBBB2", "s2"))
    assert store.delete_for_sender("s1") == 1
    assert [r.reference for r in store.listing()] == ["IN-BBBBB2"]


def test_purge_keeps_what_is_within_retention(store):
    store.save(record("IN-OLD222", completed=T0 - timedelta(days=91)))
    store.save(record("IN-NEW222", completed=T0 - timedelta(days=89)))
    assert store.purge(timedelta(days=90), at=T0) == 1
    assert [r.reference for r in store.listing()] == ["IN-NEW222"]


def test_purge_command(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    monkeypatch.setenv("INTAKE_DB_URL", url)
    RecordStore(url).save(record(completed=datetime.now(timezone.utc) - timedelta(days=40)))
    monkeypatch.setenv("INTAKE_RETENTION_DAYS", "60")
    assert main(["purge"]) == 0 and capsys.readouterr().out == "purged 0 intake record(s) older than 60 days\n"
    assert main(["purge", "--days", "30"]) == 0 and capsys.readouterr().out.startswith("purged 1 ")


def test_reports():
    r = replace(record(), words={"med_ppi": "Bespreek <dit>."})
    assert reports.to_json(r)["completed_at"] == "2026-01-10T09:00:00+00:00"
    page = reports.to_html(r, "Kliniek <b>")
    assert "Kliniek &lt;b&gt;" in page and "Bespreek &lt;dit&gt;." in page and "<dit>" not in page
    assert reports.to_pdf(r, "Kliniek").startswith(b"%PDF-")
    fhir = QuestionnaireResponse.parse_raw(reports.fhir_json(r))
    assert fhir.authored.isoformat() == "2026-01-10T09:00:00+00:00"
    skin = next(i for i in fhir.item if i.linkId == "skin_complaints")
    assert skin.answer[0].valueCoding.code == "acne" and skin.answer[0].valueCoding.display == "acne (puistjes)"


def test_sessions_are_signed():
    secret = b"s3cret"
    token = sessions.issue(secret)
    session_id = sessions.verify(secret, token)
    assert session_id and token.startswith(session_id + ".")
    assert sessions.verify(b"other", token) is None
    assert sessions.verify(secret, session_id + ".AAAA") is None
    assert sessions.verify(secret, "anna") is None and sessions.verify(secret, None) is None
    assert sessions.issue(secret) != token
    assert len(base64.urlsafe_b64decode(session_id + "==")) == 18  # 144 random bits


def test_a_session_signed_before_itsdangerous_still_verifies():
    """HMAC-SHA256 of the id under the secret, base64url without padding: what the server issued before."""
    secret, session_id = b"s3cret", "Tgw3aE9vfk0-ps0pkvEKe2Kl"
    digest = hmac.new(secret, session_id.encode(), hashlib.sha256).digest()
    token = session_id + "." + base64.urlsafe_b64encode(digest).decode().rstrip("=")
    assert sessions.verify(secret, token) == session_id
    assert sessions.verify(secret, "." + token.split(".")[1]) is None
