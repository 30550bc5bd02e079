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


# The example clinic a deployment replaces with its own details ($CLINIC_NAME and so on).
EXAMPLE_CLINIC = Clinic(
    name="Voorbeeldkliniek",
    booking_url="https://kliniek.example/afspraak",
    phone="020 123 45 67",
    email="info@kliniek.example",
)


def clinic_from_env(environ=os.environ) -> Clinic:
    """The clinic's details from the environment; the adapters pass them into the dialogue core."""
    return Clinic(
        name=environ.get("CLINIC_NAME", EXAMPLE_CLINIC.name),
        booking_url=environ.get("CLINIC_BOOKING_URL", EXAMPLE_CLINIC.booking_url),
        phone=environ.get("CLINIC_PHONE", EXAMPLE_CLINIC.phone),
        email=environ.get("CLINIC_EMAIL", EXAMPLE_CLINIC.email),
    )
