"""The clinic's intake record: answers, scores, advice shown, reference and timestamps.

Stored through SQLAlchemy in its own table, apart from the tracker store:
SQLite by default (``var/intakes.db``), PostgreSQL (or any SQLAlchemy URL)
through ``INTAKE_DB_URL``. Nothing connects at import time; ``RecordStore``
opens its engine when first used.

``python -m bot.records purge`` deletes records older than the retention
period (``INTAKE_RETENTION_DAYS``, default 90).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

from sqlalchemy import JSON, Boolean, Column, DateTime, String, create_engine, delete, inspect, select, text
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.paths import VAR_DIR

DEFAULT_URL = f"sqlite:///{VAR_DIR / 'intakes.db'}"
DEFAULT_RETENTION_DAYS = 90

Base = declarative_base()


class IntakeRow(Base):
    __tablename__ = "intake_records"

    reference = Column(String(32), primary_key=True)
    sender_id = Column(String(128), index=True, nullable=False)
    answers = Column(JSON, nullable=False)
    scores = Column(JSON, nullable=False)
    booking = Column(JSON, nullable=False)
    advice = Column(JSON, nullable=False)
    started_at = Column(DateTime(timezone=True), nullable=True)
    completed_at = Column(DateTime(timezone=True), nullable=False, index=True)
    words = Column(JSON, nullable=True)  # item id -> the user's own words for that answer
    crisis = Column(Boolean, nullable=True)  # crisis wording occurred (the flag only, never the text)
    violence = Column(Boolean, nullable=True)  # domestic violence was mentioned
    danger = Column(Boolean, nullable=True)  # acute danger was mentioned
    pregnancy = Column(Boolean, nullable=True)  # a pregnancy was mentioned
    not_managed = Column(JSON, nullable=True)  # item ids the assistant gave up on after repeated failed tries
    # The microbiome test's table of levels, marked "uit rapport gelezen" or "zelf ingevuld"
    # (bot/report_reading/clinic.py); null without a test. Never the uploaded file.
    taxa_levels = Column(JSON, nullable=True)


# Columns added after the first release: a database created before them gets them on first use.
ADDED_COLUMNS = {
    "words": "JSON",
    "crisis": "BOOLEAN",
    "violence": "BOOLEAN",
    "danger": "BOOLEAN",
    "pregnancy": "BOOLEAN",
    "not_managed": "JSON",
    "taxa_levels": "JSON",
}


@dataclass(frozen=True)
class IntakeRecord:
    reference: str
    sender_id: str
    answers: dict
    scores: dict
    booking: dict
    advice: list  # [{"id", "title", "text", "sources"}], in the order shown
    started_at: Optional[datetime]
    completed_at: datetime
    words: dict = field(default_factory=dict)  # item id -> the user's own words, for the clinic
    crisis: bool = False  # crisis wording occurred during the conversation
    violence: bool = False  # domestic violence was mentioned
    danger: bool = False  # acute danger was mentioned
    pregnancy: bool = False  # a pregnancy was mentioned
    not_managed: list = field(default_factory=list)  # item ids the assistant gave up on ("niet gelukt")
    taxa_levels: Optional[dict] = None  # the test's levels for the clinic (bot.report_reading.clinic)


def now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: Optional[datetime]) -> Optional[datetime]:
    """SQLite returns naive datetimes; all stored times are UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


class RecordStore:
    def __init__(self, url: Optional[str] = None):
        self.url = url or os.environ.get("INTAKE_DB_URL") or DEFAULT_URL
        self._sessions = None

    def _session(self):
        if self._sessions is None:
            if self.url.startswith("sqlite:///"):
                Path(self.url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(self.url, future=True, pool_pre_ping=True)
            Base.metadata.create_all(engine)
            _add_missing_columns(engine)
            self._sessions = sessionmaker(engine, future=True, expire_on_commit=False)
        return self._sessions()

    def save(self, record: IntakeRecord) -> None:
        """Insert or replace the record with this reference."""
        with self._session() as session, session.begin():
            session.merge(IntakeRow(**record.__dict__))

    def get(self, reference: str) -> Optional[IntakeRecord]:
        with self._session() as session:
            row = session.get(IntakeRow, reference)
            return None if row is None else _record(row)

    def delete_for_sender(self, sender_id: str) -> int:
        """Delete every record of one conversation ("verwijder mijn gegevens"); how many went."""
        with self._session() as session, session.begin():
            return session.execute(delete(IntakeRow).where(IntakeRow.sender_id == sender_id)).rowcount

    def purge(self, older_than: timedelta, at: Optional[datetime] = None) -> int:
        """Delete records completed longer ago than the retention period; how many went."""
        cutoff = (at or now()) - older_than
        with self._session() as session, session.begin():
            return session.execute(delete(IntakeRow).where(IntakeRow.completed_at < cutoff)).rowcount

    def listing(self, since: Optional[datetime] = None, limit: int = 500) -> list:
        """The records completed at or after ``since``, newest first (at most ``limit``)."""
        query = select(IntakeRow).order_by(IntakeRow.completed_at.desc()).limit(limit)
        if since is not None:
            query = query.where(IntakeRow.completed_at >= since)
        with self._session() as session:
            return [_record(row) for row in session.execute(query).scalars()]


def _add_missing_columns(engine) -> None:
    present = {column["name"] for column in inspect(engine).get_columns(IntakeRow.__tablename__)}
    with engine.begin() as connection:
        for name, kind in ADDED_COLUMNS.items():
            if name not in present:
                connection.execute(text(f"ALTER TABLE {IntakeRow.__tablename__} ADD COLUMN {name} {kind}"))


def _record(row: IntakeRow) -> IntakeRecord:
    return IntakeRecord(
        reference=row.reference,
        sender_id=row.sender_id,
        answers=row.answers,
        scores=row.scores,
        booking=row.booking,
        advice=row.advice,
        started_at=_aware(row.started_at),
        completed_at=_aware(row.completed_at),
        words=row.words or {},
        crisis=bool(row.crisis),
        violence=bool(row.violence),
        danger=bool(row.danger),
        pregnancy=bool(row.pregnancy),
        not_managed=list(row.not_managed or []),
        taxa_levels=row.taxa_levels,
    )


def retention_days(environ=os.environ) -> int:
    return int(environ.get("INTAKE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.records", description="Intake record maintenance.")
    sub = parser.add_subparsers(dest="command", required=True)
    purge = sub.add_parser("purge", help="delete records older than the retention period")
    purge.add_argument(
        "--days", type=int, default=None, help="retention in days (default: $INTAKE_RETENTION_DAYS or 90)"
    )
    args = parser.parse_args(argv)
    days = args.days if args.days is not None else retention_days()
    removed = RecordStore().purge(timedelta(days=days))
    print(f"purged {removed} intake record(s) older than {days} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
