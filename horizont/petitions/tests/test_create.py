import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from horizont.petitions.models import Petition
from horizont.sanctions.models import Case, CaseMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(organizer):
    case = Case.objects.create(title="Jet RA-02791 at an airport", summary="The jet stood there.")
    CaseMember.objects.create(case=case, user=organizer, role=CaseMember.Role.COORDINATOR)
    return case


def _form(initiative, **extra):
    deadline = (timezone.now() + dt.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "initiative": initiative.pk,
        "default_language": "de",
        "title": "Jet festsetzen",
        "text": "Wir fordern …",
        "goal": "500",
        "deadline": deadline,
        "presets": ["bafa", "bmwk"],
    }
    data.update(extra)
    return data


def test_organizer_creates_a_petition_from_a_case_then_publishes_it(
    client, initiative, organizer, case
):
    client.force_login(organizer)
    form = client.get(reverse("petitions:create") + f"?case={case.pk}").content.decode()
    assert "The jet stood there." in form  # the text starts from the case summary
    response = client.post(reverse("petitions:create"), _form(initiative, case=case.pk))
    petition = Petition.objects.get()
    assert response.status_code == 302 and response["Location"] == petition.get_absolute_url()
    assert petition.status == "draft" and petition.case == case
    assert [a.institution[-6:] for a in petition.addressees.all()] == ["(BAFA)", "(BMWE)"]
    assert "Eschborn" in petition.addressees.first().postal_address

    client.post(
        reverse("petitions:text", args=[petition.pk, "en"]),
        {"title": "Ground the jet", "text": "We call on …"},
    )
    client.post(reverse("petitions:open", args=[petition.pk]))
    petition.refresh_from_db()
    assert petition.status == "open" and petition.timeline.get().kind == "opened"

    client.logout()
    page = client.get(petition.get_absolute_url() + "?lang=en").content.decode()
    assert "Ground the jet" in page and 'href="?lang=de"' in page
    page = client.get(petition.get_absolute_url() + "?lang=de").content.decode()
    assert "Jet festsetzen" in page
    assert "{# donation block" not in page  # the placeholder is a template comment


def test_a_deadline_in_the_past_or_a_zero_goal_saves_nothing(client, initiative, organizer):
    client.force_login(organizer)
    past = (timezone.now() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("petitions:create"), _form(initiative, deadline=past))
    assert "The deadline must be in the future." in response.content.decode()
    response = client.post(reverse("petitions:create"), _form(initiative, goal="0"))
    assert "The goal must be at least one signature." in response.content.decode()
    assert not Petition.objects.exists()


def test_organizer_cannot_create_for_an_initiative_they_do_not_organize(
    client, initiative, other_organizer
):
    client.force_login(other_organizer)
    response = client.post(reverse("petitions:create"), _form(initiative))
    assert response.status_code == 200  # the initiative is not among the choices
    assert "Select a valid choice" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_case_the_organizer_cannot_see_is_not_offered(client, initiative, organizer):
    hidden = Case.objects.create(title="Someone else's case")
    client.force_login(organizer)
    response = client.post(reverse("petitions:create"), _form(initiative, case=hidden.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not Petition.objects.exists()


def test_addressees_are_added_and_removed(client, petition, organizer):
    client.force_login(organizer)
    url = reverse("petitions:addressees", args=[petition.pk])
    client.post(
        url,
        {"institution": "Bundestag, Petitionsausschuss", "postal_address": "Platz der Republik 1",
         "email": "", "language": "de", "name": ""},
    )  # fmt: skip
    assert petition.addressees.count() == 2
    client.post(url, {"remove": petition.addressees.last().pk})
    assert petition.addressees.count() == 1


def test_api_lists_public_petitions_without_signers(client, petition, initiative):
    from horizont.petitions.tests.conftest import make_petition

    make_petition(initiative, status="draft")
    data = client.get("/api/petitions/").json()
    assert [p["id"] for p in data] == [petition.pk]
    assert data[0]["signatures"] == 0 and set(data[0]["languages"]) == {"de", "en"}


def test_a_team_case_is_offered_only_with_two_factor(client, initiative, organizer_without_mfa):
    case = Case.objects.create(title="Team case")
    CaseMember.objects.create(
        case=case, user=organizer_without_mfa, role=CaseMember.Role.COORDINATOR
    )
    client.force_login(organizer_without_mfa)
    response = client.post(reverse("petitions:create"), _form(initiative, case=case.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not Petition.objects.exists()
