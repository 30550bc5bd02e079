"""The clinic's details, from the environment, with example defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Clinic:
    name: str
    booking_url: str
    phone: str
    email: str


def clinic_from_env(environ=os.environ) -> Clinic:
    return Clinic(
        name=environ.get("CLINIC_NAME", "Voorbeeldkliniek"),
        booking_url=environ.get("CLINIC_BOOKING_URL", "https://kliniek.example/afspraak"),
        phone=environ.get("CLINIC_PHONE", "020 123 45 67"),
        email=environ.get("CLINIC_EMAIL", "info@kliniek.example"),
    )
