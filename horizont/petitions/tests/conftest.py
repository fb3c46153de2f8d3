"""Petitions test data: an initiative with organizers, a petition to BAFA, signatures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone, translation

from horizont.network.models import Initiative, Membership
from horizont.petitions import services
from horizont.petitions.forms import preset_addressee
from horizont.petitions.models import Addressee, Petition, PetitionText, Signature
from horizont.petitions.services import email_digest
from horizont.testing.personas import make_user


def make_initiative(slug: str) -> Initiative:
    return Initiative.objects.create(
        name=slug.replace("-", " ").title(),
        slug=slug,
        language="en",
        country="DE",
        city="Berlin",
        status=Initiative.Status.APPROVED,
    )


def make_organizer(email: str, initiative: Initiative, **fields: Any) -> Any:
    user = make_user(email, **fields)
    Membership.objects.create(initiative=initiative, user=user, role="organizer", status="active")
    return user


def make_petition(initiative: Initiative, **fields: Any) -> Petition:
    values: dict[str, Any] = {
        "default_language": "de",
        "goal": 100,
        "deadline": timezone.now() + dt.timedelta(days=30),
        "status": Petition.Status.OPEN,
    }
    values.update(fields)
    petition = Petition.objects.create(initiative=initiative, **values)
    PetitionText.objects.create(
        petition=petition, language="de", title="Jet festsetzen", text="Wir fordern BAFA auf …"
    )
    PetitionText.objects.create(
        petition=petition, language="en", title="Ground the jet", text="We call on BAFA …"
    )
    Addressee.objects.create(petition=petition, **preset_addressee("bafa"))
    return petition


def make_signature(petition: Petition, name: str, email: str, **fields: Any) -> Signature:
    values: dict[str, Any] = {
        "name": name,
        "email": email,
        "email_digest": email_digest(email),
        "country": "DE",
        "city": "Berlin",
        "language": "en",
        "status": Signature.Status.CONFIRMED,
        "confirmed_at": timezone.now(),
    }
    values.update(fields)
    signature = Signature.objects.create(petition=petition, **values)
    if signature.status == Signature.Status.CONFIRMED:
        Petition.objects.filter(pk=petition.pk).update(
            signature_count=petition.signatures.confirmed().count()
        )
        petition.refresh_from_db()
    return signature


@pytest.fixture(autouse=True)
def _english() -> Any:
    with translation.override("en"):
        yield


@pytest.fixture
def initiative(db: Any) -> Initiative:
    return make_initiative("free-voices")


@pytest.fixture
def organizer(initiative: Initiative) -> Any:
    """Organizer with two-factor: may see signers' data."""
    return make_organizer("organizer@example.org", initiative, display_name="Org", mfa=True)


@pytest.fixture
def organizer_without_mfa(initiative: Initiative) -> Any:
    return make_organizer("organizer-nomfa@example.org", initiative)


@pytest.fixture
def other_organizer(db: Any) -> Any:
    """Organizes another initiative (with two-factor): must be refused this one's petitions."""
    return make_organizer("other@example.org", make_initiative("other-circle"), mfa=True)


@pytest.fixture
def petition(initiative: Initiative) -> Petition:
    return make_petition(initiative)


@pytest.fixture(autouse=True)
def _mail_after_commit(monkeypatch: Any) -> None:
    """Tests run inside a transaction that never commits: send on-commit mail at once."""
    monkeypatch.setattr(services, "_after_commit", lambda fn: fn())
