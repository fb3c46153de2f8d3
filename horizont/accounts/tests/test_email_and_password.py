import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

pytestmark = pytest.mark.django_db


def _link(message, kind):
    match = re.search(rf"https?://[^/\s]+(/\S+/accounts/{kind}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_by_mail(client, member):
    response = client.post("/en/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    url = _link(mail.outbox[0], "password/reset/key")
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    response = client.post(
        form_url, {"password1": "brand-new-secret-77", "password2": "brand-new-secret-77"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("brand-new-secret-77")


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/password/reset/done/")
    assert mail.outbox == []


def test_email_change_needs_confirmation_of_the_new_address(client, member):
    client.force_login(member)
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    new = EmailAddress.objects.get(email="new@example.org")
    assert not new.verified
    member.refresh_from_db()
    assert member.email == "member@example.org"
    url = _link(mail.outbox[-1], "confirm-email")
    client.post(url)
    new.refresh_from_db()
    assert new.verified
    member.refresh_from_db()
    assert member.email == "new@example.org"


def test_email_change_refuses_an_invalid_address(client, member):
    client.force_login(member)
    response = client.post("/de/accounts/email/", {"action_add": "", "email": "not-an-address"})
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in response.content.decode()
    assert EmailAddress.objects.filter(user=member).count() == 1
