import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from horizont.petitions import services
from horizont.petitions.models import Petition
from horizont.petitions.storage import private_root
from horizont.petitions.tests.conftest import make_petition, make_signature

pytestmark = pytest.mark.django_db

ORGANIZER_PAGES = ["petitions:edit", "petitions:addressees"]
SIGNER_DATA_PAGES = ["petitions:signatures", "petitions:export", "petitions:deliver"]


def test_anyone_reads_a_public_petition(client, petition):
    response = client.get(reverse("petitions:detail", args=[petition.pk]))
    assert response.status_code == 200
    assert "Ground the jet" in response.content.decode()


def test_draft_is_hidden_from_outsiders_but_shown_to_its_organizer(
    client, initiative, organizer, outsider
):
    draft = make_petition(initiative, status=Petition.Status.DRAFT)
    url = reverse("petitions:detail", args=[draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(organizer)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ORGANIZER_PAGES + SIGNER_DATA_PAGES)
def test_outsider_and_other_organizer_are_refused(
    client, petition, outsider, other_organizer, name
):
    url = reverse(name, args=[petition.pk])
    for user in (outsider, other_organizer):
        client.force_login(user)
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("name", SIGNER_DATA_PAGES)
def test_organizer_without_two_factor_cannot_see_signers(
    client, petition, organizer_without_mfa, name
):
    client.force_login(organizer_without_mfa)
    assert client.get(reverse(name, args=[petition.pk])).status_code == 403
    # … but runs the petition otherwise.
    assert client.get(reverse("petitions:edit", args=[petition.pk])).status_code == 200


def test_organizer_without_two_factor_cannot_download_the_package(
    client, petition, organizer_without_mfa, organizer
):
    addressee = petition.addressees.get()
    url = reverse("petitions:package", args=[petition.pk, addressee.pk])
    client.force_login(organizer_without_mfa)
    assert client.get(url).status_code == 403
    client.force_login(organizer)
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_outsider_cannot_void_or_publish(client, petition, outsider):
    signature = make_signature(petition, "Anna", "anna@example.org")
    client.force_login(outsider)
    void = reverse("petitions:void", args=[petition.pk, signature.pk])
    assert client.post(void, {"reason": "spam"}).status_code == 403
    signature.refresh_from_db()
    assert signature.status == "confirmed"
    draft = make_petition(petition.initiative, status=Petition.Status.DRAFT)
    assert client.post(reverse("petitions:open", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_outsider_cannot_start_a_petition(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("petitions:create")).status_code == 403


def test_private_files_live_outside_media_and_need_the_organizer(
    client, settings, petition, organizer, outsider, organizer_without_mfa
):
    delivery = services.delivery_record(
        petition=petition,
        actor=organizer,
        addressee=petition.addressees.get(),
        method="email",
        delivered_on=petition.created_at.date(),
        files=[SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt", "application/pdf")],
    )
    attachment = delivery.attachments.get()
    path = attachment.file.path
    assert path.startswith(str(private_root()))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    url = reverse("petitions:file", args=[petition.pk, attachment.pk])
    assert client.get(url).status_code == 302  # to the login page
    for user in (outsider, organizer_without_mfa):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(organizer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 receipt"
