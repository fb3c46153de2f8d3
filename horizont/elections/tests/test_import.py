"""Importing an election: who may, what is refused, and that nothing is half-stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from horizont.audit.models import AuditEntry
from horizont.elections import services
from horizont.elections.models import Election, ForensicReport, ReportDocument, ReportPlot, Station
from horizont.elections.synthetic import REGISTERED
from horizont.jobs.models import Job

pytestmark = pytest.mark.django_db

URL = reverse("elections:import")


def _form(upload=None, server_file="", name="Fictional assembly") -> dict:
    data = {"name": name, "date": "2030-09-15", "kind": "parliament", "country": "ru"}
    if upload is not None:
        data["upload"] = upload
    if server_file:
        data["server_file"] = server_file
    return data


def _upload(text: str, name: str = "results.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["member", "outsider", "moderator"])
def test_users_without_the_coordinator_role_are_refused(client, request, persona, synthetic_text):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    response = client.post(URL, _form(_upload(synthetic_text)))
    assert response.status_code == 403
    assert not Election.objects.exists()
    assert not Job.objects.exists()


def test_coordinator_without_two_factor_is_refused(client, synthetic_text):
    from horizont.testing.personas import make_user

    client.force_login(make_user("c-nomfa@example.org", roles=("coordinator",)))
    assert client.post(URL, _form(_upload(synthetic_text))).status_code == 403
    assert not Election.objects.exists()


def test_site_admin_without_two_factor_is_refused(client, site_admin_without_mfa):
    client.force_login(site_admin_without_mfa)
    assert client.get(URL).status_code == 403


def test_coordinator_uploads_and_the_job_stores_everything(
    client, coordinator, synthetic_text, fast_engine, settings
):
    client.force_login(coordinator)
    assert client.get(URL).status_code == 200
    response = client.post(URL, _form(_upload(synthetic_text)))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.DONE, job.error
    election = Election.objects.get()
    assert job.result["url"] == election.get_absolute_url()
    assert election.name == "Fictional assembly"
    assert election.country == "RU"
    assert election.created_by == coordinator
    assert election.source_name == "results.csv"
    assert len(election.source_sha256) == 64
    assert election.stations == Station.objects.filter(election=election).count() == 180
    assert election.registered == sum(Station.objects.values_list("registered", flat=True))
    assert election.leader == '1. Партия "Утренняя роса"'
    assert election.abroad["abroad"]["stations"] == 8
    assert Station.objects.filter(abroad=True).count() == 8
    assert Station.objects.flagged().exists()
    report = ForensicReport.objects.get(election=election, region="")
    assert report.data["totals"]["stations"] == 180
    assert report.data["source"] == "results.csv"
    assert ReportPlot.objects.filter(report=report).count() == 5 * 4
    assert ReportDocument.objects.filter(report=report).count() == 4
    entry = AuditEntry.objects.get(action="elections.import")
    assert entry.actor == coordinator
    assert entry.details["stations"] == 180
    # the uploaded copy is removed once imported
    assert not any(Path(settings.ELECTIONS_UPLOAD_DIR).rglob("*.csv"))
    # the progress page shows the finished job with a link to the election
    page = client.get(job.get_absolute_url())
    assert election.get_absolute_url() in page.content.decode()


def test_site_admin_with_two_factor_imports_a_file_from_the_server(
    client, site_admin, synthetic_text, fast_engine, settings
):
    (Path(settings.ELECTIONS_IMPORT_DIR) / "duma.csv").write_text(synthetic_text, "utf-8")
    client.force_login(site_admin)
    assert "duma.csv" in client.get(URL).content.decode()
    response = client.post(URL, _form(server_file="duma.csv"))
    assert response.status_code == 302
    assert Job.objects.get().status == Job.Status.DONE
    assert Election.objects.get().source_name == "duma.csv"
    # a server file is kept
    assert (Path(settings.ELECTIONS_IMPORT_DIR) / "duma.csv").exists()


def test_paths_outside_the_import_folder_are_refused(settings, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("region,uik\n", "utf-8")
    for name in ("../secret.csv", str(secret), "../../etc/passwd"):
        with pytest.raises(services.ImportFailed):
            services.server_file_resolve(name)


def test_a_server_file_not_offered_is_refused_by_the_form(client, coordinator):
    client.force_login(coordinator)
    response = client.post(URL, _form(server_file="../secret.csv"))
    assert response.status_code == 200
    assert response.context["form"].errors["server_file"]
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("results.pdf", b"%PDF-1.4 not results"), ("results.exe", b"MZ\x90\x00")],
)
def test_files_that_are_not_results_are_refused(client, coordinator, name, content):
    client.force_login(coordinator)
    upload = SimpleUploadedFile(name, content)
    response = client.post(URL, _form(upload))
    assert response.status_code == 200
    assert "upload" in response.context["form"].errors
    assert not Job.objects.exists()
    assert not Election.objects.exists()


def test_binary_content_named_csv_is_refused_in_the_users_language(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("results.csv", b"\x00\x01\x02binary")
    response = client.post(reverse("elections:import").replace("/ru/", "/de/"), _form(upload))
    assert response.status_code == 200
    assert "Dies ist keine Textdatei (CSV)." in response.content.decode()


def test_neither_upload_nor_server_file_is_an_error(client, coordinator):
    client.force_login(coordinator)
    response = client.post(URL, _form())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_missing_required_column_fails_the_job_with_the_engines_message(
    client, coordinator, synthetic_text
):
    broken = synthetic_text.replace(REGISTERED, "Что-то другое")
    client.force_login(coordinator)
    response = client.post(URL.replace("/ru/", "/en/"), _form(_upload(broken, "broken.csv")))
    job = Job.objects.get()
    assert response.status_code == 302
    assert job.status == Job.Status.FAILED
    assert "broken.csv" in job.error
    assert "registered voters" in job.error
    assert "Row 1." in job.error
    assert not Election.objects.exists()
    assert not Station.objects.exists()
    assert AuditEntry.objects.filter(action="elections.import_failed").exists()
    page = client.get(job.get_absolute_url())
    assert "registered voters" in page.content.decode()


def test_a_non_numeric_count_names_row_and_column(client, coordinator, synthetic_text):
    lines = synthetic_text.splitlines()
    fields = lines[5].split(",")
    fields[4] = "много"
    lines[5] = ",".join(fields)
    client.force_login(coordinator)
    client.post(URL.replace("/ru/", "/en/"), _form(_upload("\n".join(lines) + "\n")))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "Row 6." in job.error
    assert REGISTERED in job.error
    assert not Election.objects.exists()


def test_a_failure_while_storing_leaves_no_election(
    coordinator, synthetic_file, fast_engine, monkeypatch
):
    def broken_store(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_report_store", broken_store)
    with pytest.raises(RuntimeError):
        services.election_import(
            path=synthetic_file,
            info=services.ElectionInfo(name="F", source_name="f.csv"),
            created_by=coordinator,
        )
    assert not Election.objects.exists()
    assert not Station.objects.exists()
    assert not AuditEntry.objects.filter(action="elections.import").exists()


def test_results_rebuilt_from_stations_match_the_file(election, synthetic_file):
    from horizont.forensics.io import read_results

    original = read_results(synthetic_file)
    rebuilt = services.results_from_stations(election)
    assert len(rebuilt) == len(original)
    assert (rebuilt.registered == original.registered).all()
    assert (rebuilt.issued == original.issued).all()
    assert (rebuilt.cast == original.cast).all()
    assert (rebuilt.votes == original.votes).all()
    assert (rebuilt.abroad == original.abroad).all()
    assert rebuilt.party_names == original.party_names


def _zip_bytes(member: str, data: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_with_a_clear_message_and_audited(client, coordinator):
    bomb = _zip_bytes("results.csv", b"0" * (64 << 20))  # 64 KB packed, 64 MB inflated
    client.force_login(coordinator)
    upload = SimpleUploadedFile("bomb.zip", bomb, content_type="application/zip")
    client.post(URL.replace("/ru/", "/en/"), _form(upload))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "bomb.zip" in job.error and "ZIP bomb" in job.error
    assert "Traceback" not in job.error
    entry = AuditEntry.objects.get(action="elections.import_refused")
    assert entry.details["code"] == "zip_bomb"
    assert not Election.objects.exists()


def test_a_file_cut_mid_row_is_refused_in_the_users_language(client, coordinator, synthetic_text):
    cut = synthetic_text[: len(synthetic_text) - 25]  # the last row loses its tail
    client.force_login(coordinator)
    client.post(URL, _form(_upload(cut, "cut.csv")))  # the Russian interface
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "cut.csv" in job.error
    assert "обрыв" in job.error or "середине строки" in job.error
    assert not Election.objects.exists()
    assert not Station.objects.exists()


def test_a_row_with_extra_fields_names_the_row(client, coordinator, synthetic_text):
    lines = synthetic_text.splitlines()
    lines[3] += ",1,2"
    client.force_login(coordinator)
    client.post(URL.replace("/ru/", "/en/"), _form(_upload("\n".join(lines) + "\n")))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "Row 4." in job.error
    assert "fields" in job.error and "polars" not in job.error.lower()


def test_a_damaged_archive_is_refused_in_the_users_language(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "broken.zip", b"PK\x03\x04 not really", content_type="application/zip"
    )
    client.post(URL, _form(upload))  # the Russian interface
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "broken.zip" in job.error and "архив повреждён" in job.error
    assert "File is not a zip file" not in job.error
