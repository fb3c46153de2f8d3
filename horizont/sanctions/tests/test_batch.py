"""Batch screening of an uploaded CSV file as a background task."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from horizont.jobs.models import Job


def _csv(text: str, name: str = "names.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


pytestmark = pytest.mark.django_db


def test_anonymous_visitor_cannot_upload(client, real_lists):
    response = client.post(reverse("sanctions:batch"), {"file": _csv("name\nPrigozhin\n")})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Job.objects.exists()


def test_member_uploads_names_and_downloads_the_result(client, member, real_lists):
    client.force_login(member)
    upload = _csv("name;city\nJewgeni Prigoschin;Berlin\nAnna Beispiel;Hamburg\nRA02791;\n")
    response = client.post(reverse("sanctions:batch"), {"file": upload})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.status == "done", job.error
    assert job.owner == member
    assert job.total == 3 and job.done == 3
    assert job.result["alerts"] == 2
    page = client.get(job.result["url"])
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in page.content.decode()
    download = client.get(job.result["url"], {"format": "csv"})
    assert download["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert [r["query"] for r in rows] == ["Jewgeni Prigoschin", "Anna Beispiel", "RA02791"]
    assert rows[0]["caption"] == "PRIGOZHIN, Yevgeniy Viktorovich"
    assert rows[2]["entity_id"] == "us-ofac-sdn:27197"


def test_result_is_private_to_the_uploader(client, member, outsider, real_lists):
    client.force_login(member)
    client.post(reverse("sanctions:batch"), {"file": _csv("Prigozhin\n")})
    job = Job.objects.get()
    client.force_login(outsider)
    assert client.get(reverse("sanctions:batch_result", args=[job.pk])).status_code == 404
    response = client.get(reverse("sanctions:batch_result", args=[job.pk]), {"format": "csv"})
    assert response.status_code == 404


def test_binary_file_is_refused(client, member, real_lists):
    client.force_login(member)
    upload = SimpleUploadedFile("names.csv", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "text/csv")
    response = client.post("/en/sanctions/batch/", {"file": upload})
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode() or "not a CSV" in response.content.decode()
    assert not Job.objects.exists()


def test_file_without_names_is_refused(client, member, real_lists):
    client.force_login(member)
    response = client.post("/en/sanctions/batch/", {"file": _csv("name\n\n ;\n")})
    assert response.status_code == 400
    assert "no names" in response.content.decode()
    assert not Job.objects.exists()
