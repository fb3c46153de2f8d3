import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from horizont.petitions.forms import GuestSignatureForm, MemberSignatureForm
from horizont.petitions.models import Petition, Signature
from horizont.petitions.services import email_is_disposable, email_normalize

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Wanderer Müller",
    "email": "wanderer@example.org",
    "country": "DE",
    "city": "Leipzig",
    "public_display": "nothing",
    "addressee_display": "count",
}


def _sign_url(petition):
    return reverse("petitions:sign", args=[petition.pk])


def _confirm_path(message):
    match = re.search(r"https?://[^/\s]+(/\S+/petitions/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_the_defaults_are_the_most_private_choices():
    for form in (GuestSignatureForm(), MemberSignatureForm()):
        assert form["public_display"].value() == "nothing"
        assert form["addressee_display"].value() == "count"
        assert not form["wants_updates"].value()


def test_member_signs_with_one_click_and_counts_at_once(client, petition, member):
    client.force_login(member)
    response = client.post(
        _sign_url(petition), {"public_display": "nothing", "addressee_display": "count"}
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.signature_count == 1
    signature = Signature.objects.get()
    assert signature.user == member and signature.status == "confirmed"


def test_member_signing_twice_is_told_and_counted_once(client, petition, member):
    client.force_login(member)
    data = {"public_display": "nothing", "addressee_display": "count"}
    client.post(_sign_url(petition), data)
    response = client.post(_sign_url(petition), data, follow=True)
    assert "You have already signed this petition." in response.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 1 and Signature.objects.count() == 1


def test_guest_confirms_by_mail_in_their_language(client, petition):
    response = client.post("/de" + _sign_url(petition)[3:], GUEST)
    assert response.status_code == 200
    signature = Signature.objects.get()
    assert signature.status == "pending" and signature.language == "de"
    petition.refresh_from_db()
    assert petition.signature_count == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wanderer@example.org"]
    assert "Bitte bestätigen" in message.subject
    assert "Jet festsetzen" in message.subject  # the title in the signer's language

    path = _confirm_path(message)
    page = client.get(path)
    assert page.status_code == 200  # a page with a button: opening the link does not sign
    signature.refresh_from_db()
    assert signature.status == "pending"
    client.post(path)
    signature.refresh_from_db()
    petition.refresh_from_db()
    assert signature.status == "confirmed" and petition.signature_count == 1
    # Confirming twice changes nothing.
    response = client.post(path, follow=True)
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert "bereits bestätigt" in response.content.decode()


def test_names_and_emails_are_encrypted_at_rest(client, petition):
    from django.db import connection

    client.post(_sign_url(petition), GUEST)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, city FROM petitions_signature")
        row = cursor.fetchone()
    assert "Wanderer" not in row[0] and "wanderer@" not in row[1] and "Leipzig" not in row[2]
    assert Signature.objects.get().email == "wanderer@example.org"


def test_a_tampered_confirmation_link_is_refused(client, petition):
    client.post(_sign_url(petition), GUEST)
    path = _confirm_path(mail.outbox[0])
    response = client.post(path[:-3] + "xx/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_guest_signing_twice_gets_a_mail_and_no_second_signature(client, petition):
    client.post(_sign_url(petition), GUEST)
    client.post(_confirm_path(mail.outbox[0]))
    again = dict(GUEST, email="Wanderer+petition@Example.org")
    response = client.post(_sign_url(petition), again)
    assert response.status_code == 200
    assert "if you had signed already, the e-mail tells you so" in response.content.decode()
    assert Signature.objects.count() == 1
    assert "already signed" in mail.outbox[-1].subject
    petition.refresh_from_db()
    assert petition.signature_count == 1


def test_signing_after_the_deadline_is_refused(client, petition):
    with time_machine.travel(petition.deadline + dt.timedelta(minutes=1)):
        response = client.post(_sign_url(petition), GUEST, follow=True)
    assert "This petition no longer accepts signatures." in response.content.decode()
    assert not Signature.objects.exists() and not mail.outbox


def test_confirming_after_the_deadline_is_refused(client, petition):
    petition.deadline = timezone.now() + dt.timedelta(days=1)
    petition.save()
    client.post(_sign_url(petition), GUEST)
    path = _confirm_path(mail.outbox[0])
    with time_machine.travel(petition.deadline + dt.timedelta(minutes=1)):
        response = client.post(path, follow=True)
    assert "This petition no longer accepts signatures." in response.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_petition_is_collecting_only_while_open_and_before_the_deadline(petition):
    now = timezone.now()
    assert petition.is_collecting(now)
    assert not petition.is_collecting(petition.deadline)
    petition.status = Petition.Status.DELIVERED
    assert not petition.is_collecting(now)


def test_throwaway_addresses_are_refused_with_a_clear_error(client, petition):
    assert email_is_disposable("x@mailinator.com")
    assert not email_is_disposable("x@example.org")
    response = client.post(_sign_url(petition), dict(GUEST, email="x@mailinator.com"))
    assert response.status_code == 400
    assert "not a throw-away one" in response.content.decode()
    assert not Signature.objects.exists() and not mail.outbox


def test_missing_fields_give_errors_and_save_nothing(client, petition):
    response = client.post(_sign_url(petition), dict(GUEST, email="not-an-address", country=""))
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_emails_are_normalized_for_duplicates():
    assert email_normalize(" A.B+x@GoogleMail.com ") == "ab@gmail.com"
    assert email_normalize("Anna+tag@Example.org") == "anna@example.org"


def test_too_many_signatures_with_one_address_are_limited(client, petition, settings):
    settings.HORIZONT_RATE_LIMITS = dict(settings.HORIZONT_RATE_LIMITS, signature_email=(2, 3600))
    for _ in range(2):
        assert client.post(_sign_url(petition), GUEST).status_code == 200
    assert client.post(_sign_url(petition), GUEST).status_code == 429


def test_too_many_signatures_from_one_client_are_limited(client, petition, settings):
    settings.HORIZONT_RATE_LIMITS = dict(settings.HORIZONT_RATE_LIMITS, signature=(2, 3600))
    for number in range(2):
        client.post(_sign_url(petition), dict(GUEST, email=f"p{number}@example.org"))
    response = client.post(_sign_url(petition), dict(GUEST, email="p9@example.org"))
    assert response.status_code == 429
    assert Signature.objects.count() == 2


def test_unconfirmed_signatures_expire_after_seven_days(client, petition):
    client.post(_sign_url(petition), GUEST)
    confirmed = Signature.objects.create(
        petition=petition, name="Old", email="old@example.org", status="confirmed"
    )
    with time_machine.travel(timezone.now() + dt.timedelta(days=6, hours=23)):
        call_command("petitions_clean_up")
        assert Signature.objects.count() == 2
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, hours=1)):
        call_command("petitions_clean_up")
        assert list(Signature.objects.all()) == [confirmed]
        # … and its link no longer works.
        response = client.get(_confirm_path(mail.outbox[0]))
        assert response.status_code == 400


def test_the_public_sees_only_what_each_signer_allowed(client, petition):
    from horizont.petitions.tests.conftest import make_signature

    make_signature(petition, "Olga Hidden", "o@example.org", city="Dresden")
    make_signature(
        petition, "Pavel Partial", "p@example.org", city="Bremen", public_display="first_name_city"
    )
    make_signature(petition, "Vera Named", "v@example.org", city="Kiel", public_display="name")
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "Olga" not in page and "Dresden" not in page
    assert "Pavel, Bremen" in page and "Partial" not in page
    assert "Vera Named" in page and "Kiel" not in page
    assert "3 signatures of 100" in page


def test_milestones_enter_the_timeline_once(petition):
    from horizont.petitions import services

    petition.goal = 4
    petition.save()
    assert [m["count"] for m in petition.milestones()] == [1, 2, 3, 4]
    signatures = [
        Signature.objects.create(petition=petition, name=f"S{i}", email=f"s{i}@example.org")
        for i in range(5)
    ]
    for signature in signatures[:2]:
        assert services.signature_confirm(signature=signature)
    assert not services.signature_confirm(signature=signatures[0])  # twice: no change
    services.signature_void(signature=signatures[1], actor=None, reason="test")
    services.signature_confirm(signature=signatures[2])  # the count reaches 2 again
    petition.refresh_from_db()
    assert petition.signature_count == 2 == petition.signatures.confirmed().count()
    assert sorted(petition.timeline.values_list("count", flat=True)) == [1, 2]
    page_marks = petition.milestones()
    assert [m["reached"] for m in page_marks] == [True, True, False, False]


def test_a_draft_cannot_be_signed(client, initiative, member):
    from horizont.petitions.tests.conftest import make_petition

    draft = make_petition(initiative, status=Petition.Status.DRAFT)
    client.force_login(member)
    data = {"public_display": "nothing", "addressee_display": "count"}
    assert client.post(_sign_url(draft), data).status_code == 404
    assert not Signature.objects.exists()
