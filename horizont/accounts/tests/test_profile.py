import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from horizont.testing.personas import age_login, reauthenticate

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_anonymous_is_sent_to_login(client):
    response = client.get("/en/me/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_accepts_a_pseudonym_and_stores_contact_encrypted(client, member):
    client.force_login(member)
    response = client.post(
        "/en/me/profile/",
        {"display_name": "Zarya", "language": "pl", "contact": "Signal: +49 151 0000"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Zarya"
    assert member.contact == "Signal: +49 151 0000"
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM accounts_user WHERE id = %s", [member.pk])
        raw = cursor.fetchone()[0]
    assert "Signal" not in raw and raw


def test_profile_rejects_bad_language_in_users_language(client, member):
    client.force_login(member)
    response = client.post("/pl/me/profile/", {"display_name": "Z", "language": "xx"})
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in response.content.decode()
    member.refresh_from_db()
    assert member.display_name == "Lena"


def test_export_contains_my_data_only(client, member, outsider):
    member.contact = "secret contact"
    member.save()
    client.force_login(member)
    reauthenticate(client)
    assert client.get("/en/me/profile/export/").status_code == 405
    response = client.post("/en/me/profile/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "member@example.org"
    assert data["account"]["contact"] == "secret contact"
    assert "outsider@example.org" not in response.content.decode()


def test_delete_requires_confirmation(client, member):
    client.force_login(member)
    reauthenticate(client)
    response = client.post("/en/me/profile/delete/", {"confirm": "maybe"})
    assert response.status_code == 200
    assert User.objects.filter(pk=member.pk).exists()


def test_delete_removes_account_and_logs_out(client, member):
    client.force_login(member)
    reauthenticate(client)
    response = client.post("/ru/me/profile/delete/", {"confirm": "удалить"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert client.get("/en/me/profile/").status_code == 302


def test_export_asks_for_the_password_again_and_then_downloads(client, member):
    client.force_login(member)
    age_login(client, 16 * 60)  # signed in long ago, say on a shared computer
    response = client.post("/en/me/profile/export/")
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    response = client.post(response["Location"], {"password": "wrong-password"})
    assert response.status_code == 200
    response = client.post(
        "/en/accounts/reauthenticate/?next=/en/me/profile/export/",
        {"password": "correct-horse-battery"},
    )
    assert response.status_code == 200  # the suspended export resumes
    assert json.loads(response.content)["account"]["email"] == "member@example.org"


def test_delete_asks_for_the_password_again(client, member):
    client.force_login(member)
    age_login(client, 16 * 60)
    assert client.get("/en/me/profile/delete/").status_code == 200  # the form is shown
    response = client.post("/en/me/profile/delete/", {"confirm": "DELETE"})
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    assert User.objects.filter(pk=member.pk).exists()
    client.post(response["Location"], {"password": "correct-horse-battery"})
    assert not User.objects.filter(pk=member.pk).exists()


def test_profile_shows_the_automatic_pseudonym_and_lets_it_be_changed(client):
    from horizont.testing.personas import make_user

    user = make_user("anon@example.org")
    client.force_login(user)
    page = client.get("/ru/me/profile/").content.decode()
    assert f"Участник {user.pk}" in page
    assert f'placeholder="Участник {user.pk}"' in page
    client.post("/ru/me/profile/", {"display_name": "", "language": ""})
    user.refresh_from_db()
    assert user.display_name == ""  # saving leaves the automatic name automatic
    client.post("/ru/me/profile/", {"display_name": "Zarya", "language": ""})
    user.refresh_from_db()
    assert user.public_name == "Zarya"
    assert "<strong>Zarya</strong>" in client.get("/en/me/profile/").content.decode()


def test_no_second_password_prompt_minutes_after_login(client, member):
    client.force_login(member)
    age_login(client, 10 * 60)  # ten minutes after signing in
    response = client.post("/en/me/profile/export/")
    assert response.status_code == 200
    assert json.loads(response.content)["account"]["email"] == "member@example.org"
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200  # a security setting, still inside the window
    age_login(client, 6 * 60)  # 16 minutes: the window of 15 has passed
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert "/accounts/reauthenticate/" in response["Location"]


def test_two_factor_page_offers_security_keys_as_an_option_and_states_the_window(client, member):
    client.force_login(member)
    page = client.get("/en/accounts/2fa/").content.decode()
    assert "Turn on two-factor authentication" in page
    assert "Security keys (optional)" in page
    assert "more than 15 minutes ago" in page
    assert page.index("Turn on two-factor authentication") < page.index("Add a security key")


def test_profile_says_why_the_download_asks_for_the_password_and_when(client, member):
    client.force_login(member)
    page = client.get("/de/me/profile/").content.decode()
    assert "enthält alle Ihre persönlichen Daten" in page
    assert "mehr als 15 Minuten" in page
