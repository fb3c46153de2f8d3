"""Display names cannot impersonate the site's roles or other members, nor hide
characters (issue 9, item 14)."""

import pytest

from horizont.accounts.models import User
from horizont.lib.names import impersonates_role, name_problems, skeleton
from horizont.testing.personas import make_user

pytestmark = pytest.mark.django_db


def _save_name(client, name: str, language: str = "en"):
    return client.post(f"/{language}/me/profile/", {"display_name": name, "language": "en"})


@pytest.mark.parametrize(
    "name",
    [
        "Lena\u200b",  # zero-width space
        "Le\u202ena",  # right-to-left override
        "\u2066Lena\u2069",  # bidirectional isolate
        "Lena\u200d",  # zero-width joiner
        "\ufeffLena",  # byte-order mark
        "Le\x1bna",  # control character (escape)
        "Le\u3164na",  # Hangul filler, renders as nothing
        "Le\u00a0na",  # no-break space
    ],
)
def test_invisible_and_control_characters_are_refused(client, member, name):
    client.force_login(member)
    response = _save_name(client, name)
    assert response.status_code == 200
    assert "invisible or control characters" in response.content.decode()
    member.refresh_from_db()
    assert member.display_name == "Lena"


@pytest.mark.parametrize(
    ("name", "language", "message"),
    [
        ("Demo admin", "en", "may not claim a role"),
        ("Administrator", "en", "may not claim a role"),
        ("Moderator Anna", "de", "Rolle"),
        ("Модератор", "ru", "роль"),
        ("Koordynatorka Ewa", "pl", "roli"),
        ("Администрация сайта", "ru", "роль"),
        ("Моdеrаtor", "en", "may not claim a role"),  # Cyrillic о, е, а
    ],
)
def test_names_claiming_a_role_are_refused_in_every_language(
    client, outsider, name, language, message
):
    client.force_login(outsider)
    response = _save_name(client, name, language)
    assert response.status_code == 200
    assert message in response.content.decode()
    outsider.refresh_from_db()
    assert outsider.display_name == "Outsider"


def test_a_moderator_may_say_so(client, moderator):
    client.force_login(moderator)
    assert _save_name(client, "Moderator Anna").status_code == 302


@pytest.mark.parametrize("name", ["Lеna", "LENA", "Ⅼena", "Ｌｅｎａ", "Lena"])
def test_names_confusable_with_another_members_are_refused(client, member, outsider, name):
    assert member.display_name == "Lena"
    client.force_login(outsider)
    response = _save_name(client, name)
    assert response.status_code == 200
    assert "looks like another member" in response.content.decode()
    outsider.refresh_from_db()
    assert outsider.display_name == "Outsider"


def test_names_confusable_with_staff_are_refused(client, outsider):
    make_user("root@example.org", superuser=True, display_name="Grigory")
    client.force_login(outsider)
    response = _save_name(client, "Grіgоry")  # Ukrainian і, Cyrillic о
    assert "looks like another member" in response.content.decode()


def test_ordinary_names_in_four_scripts_are_accepted(client, member):
    client.force_login(member)
    for name in ("Zarya", "Ольга Петрова", "Jörg Müller", "Łucja", "Badminton fan", "Lena"):
        assert _save_name(client, name).status_code == 302, name
        member.refresh_from_db()
        assert member.display_name == name


def test_skeleton_is_kept_for_every_writer(db):
    user = make_user("x@example.org", display_name="Lena")
    assert User.objects.get(pk=user.pk).display_name_skeleton == skeleton("Lеna")


def test_name_helpers_without_database():
    assert name_problems("Lena") == []
    assert name_problems("Mo\u0301\u0301\u0301") == ["too many combining marks on one letter"]
    assert skeleton("Lеna") == skeleton("Lena") != skeleton("Lina")
    assert impersonates_role("Ad min") and not impersonates_role("Horizontal")
