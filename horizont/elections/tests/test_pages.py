"""Public pages of an imported election, in the four interface languages, and downloads."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from horizont.elections.models import Election, ForensicReport, Station
from horizont.forensics.explanations import explanation

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "en", "de", "pl")


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(f"elections:{name}", args=args)


def test_list_shows_published_elections_to_everyone(client, election):
    response = client.get(_url("list", "en"))
    assert response.status_code == 200
    assert "Fictional assembly" in response.content.decode()
    assert "Import an election" not in response.content.decode()


def test_list_offers_import_to_a_coordinator(client, election, coordinator):
    client.force_login(coordinator)
    assert "Import an election" in client.get(_url("list", "en")).content.decode()


def test_hidden_election_is_not_shown_to_the_public(client, election, member, coordinator):
    Election.objects.filter(pk=election.pk).update(status=Election.Status.HIDDEN)
    client.force_login(member)
    assert "Fictional assembly" not in client.get(_url("list", "en")).content.decode()
    assert client.get(_url("detail", "en", election.pk)).status_code == 404
    assert client.get(_url("report", "en", election.pk)).status_code == 404
    assert client.get(f"/api/elections/{election.pk}").status_code == 404
    client.force_login(coordinator)
    assert client.get(_url("detail", "en", election.pk)).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_election_page_shows_totals_parties_and_abroad(client, election, language):
    response = client.get(_url("detail", language, election.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert 'Партия "Утренняя роса"'.replace('"', "&quot;") in html
    assert response.context["abroad"]["stations"] == 8
    assert response.context["home"]["stations"] == 172
    assert "Вымышленная область" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_page_explains_every_test_in_the_language(client, election, language):
    response = client.get(_url("report", language, election.pk))
    assert response.status_code == 200
    html = response.content.decode()
    for test_id in ("comet", "integer", "regional", "excess", "fingerprint", "digits", "flags"):
        text = explanation(test_id, language)
        assert escape(text.title) in html
        assert escape(text.cannot_prove) in html
    assert "<script" not in html.split("</footer>")[0]
    assert " style=" not in html


def test_plots_are_served_as_svg_in_the_language(client, election):
    report = ForensicReport.objects.get(election=election, region="")
    response = client.get(_url("plot", "de", election.pk, report.pk, "comet"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert f'<title id="plot-comet-title">{escape(explanation("comet", "de").title)}' in svg
    assert "Beteiligung, %" in svg and "Turnout" not in svg
    assert client.get(_url("plot", "de", election.pk, report.pk, "nothing")).status_code == 404


def test_a_hidden_elections_plot_is_not_kept_by_shared_caches(client, election, coordinator):
    """Only people allowed to see hidden elections get its plots: a proxy must not keep
    one and hand it to anyone who asks for the same address."""
    report = ForensicReport.objects.get(election=election, region="")
    url = _url("plot", "en", election.pk, report.pk, "comet")
    assert "public" in client.get(url)["Cache-Control"]
    Election.objects.filter(pk=election.pk).update(status=Election.Status.HIDDEN)
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def _refuse(*args, **kwargs):
    raise AssertionError("analysed or drawn on a visit")


def test_region_reports_and_plots_are_built_during_the_import(
    client, election, fast_engine, monkeypatch
):
    regions = set(Station.objects.values_list("region", flat=True))
    stored = ForensicReport.objects.filter(election=election).exclude(region="")
    assert set(stored.values_list("region", flat=True)) == regions
    report = stored.get(region="Республика Примерная")
    assert report.data["totals"]["stations"] == 60
    assert report.plots.count() == 5 * len(LANGUAGES)

    # The page and its plots are reads: nothing is analysed or drawn.
    monkeypatch.setattr("horizont.elections.services.build_report", _refuse)
    monkeypatch.setattr("horizont.elections.services.plots_render", _refuse)
    response = client.get(_url("region", "pl", election.pk, "Республика Примерная"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 50
    for name in ("comet", "integer", "regional", "excess", "fingerprint"):
        svg = client.get(_url("plot", "pl", election.pk, report.pk, name))
        assert svg.status_code == 200
        assert svg.content.startswith(b"<svg")
    assert ForensicReport.objects.filter(election=election).count() == len(regions) + 1


def test_region_reports_build_skips_regions_stored_already(election, fast_engine):
    ForensicReport.objects.filter(election=election).exclude(region="").delete()
    from horizont.elections import services

    assert services.region_reports_build(election=election) == 3
    report = ForensicReport.objects.get(election=election, region="Тестовый край")
    assert set(report.plots.values_list("language", flat=True)) == set(LANGUAGES)
    assert services.region_reports_build(election=election) == 0  # nothing twice


def test_region_of_an_older_import_is_analysed_on_first_visit(client, election, fast_engine):
    ForensicReport.objects.filter(election=election, region="Тестовый край").delete()
    response = client.get(_url("region", "pl", election.pk, "Тестовый край"))
    assert response.status_code == 200
    report = ForensicReport.objects.get(election=election, region="Тестовый край")
    assert report.plots.count() == 5 * len(LANGUAGES)
    client.get(_url("region", "pl", election.pk, "Тестовый край"))
    assert ForensicReport.objects.filter(election=election, region="Тестовый край").count() == 1


def test_plots_missing_from_an_older_import_are_drawn_at_once(client, election, fast_engine):
    report = ForensicReport.objects.get(election=election, region="Тестовый край")
    report.plots.exclude(language="pl").delete()
    svg = client.get(_url("plot", "ru", election.pk, report.pk, "excess"))
    assert svg.status_code == 200
    assert "Явка, %" in svg.content.decode()
    assert report.plots.count() == 5 * len(LANGUAGES)  # one analysis, every plot
    report.plots.filter(language="de").delete()
    # the PDF draws the plots it lacks too
    pdf = client.get(_url("report_pdf", "de", election.pk) + "?region=Тестовый край")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert report.plots.filter(language="de").count() == 5


def test_analyses_started_by_page_visits_are_rate_limited(client, election, settings):
    ForensicReport.objects.filter(election=election, region="Республика Примерная").delete()
    settings.HORIZONT_RATE_LIMITS = {**settings.HORIZONT_RATE_LIMITS, "analysis": (0, 3600)}
    response = client.get(_url("region", "de", election.pk, "Республика Примерная"))
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert not ForensicReport.objects.filter(election=election, region="Республика Примерная")


def test_unknown_region_is_404(client, election):
    assert client.get(_url("region", "en", election.pk, "Atlantis")).status_code == 404


def test_station_list_filters_and_station_page(client, election):
    url = _url("stations", "en", election.pk)
    assert client.get(url).context["page"].paginator.count == 180
    flagged = client.get(url, {"flagged": "1"}).context["page"]
    assert flagged.paginator.count == Station.objects.flagged().count() > 0
    abroad = client.get(url, {"abroad": "1"}).context["page"]
    assert abroad.paginator.count == 8
    region = client.get(url, {"region": "Тестовый край"}).context["page"]
    assert region.paginator.count == 60
    station = Station.objects.flagged().first()
    page = client.get(_url("station", "ru", election.pk, station.pk))
    assert page.status_code == 200
    assert str(station.registered) in page.content.decode().replace("\xa0", "")


def test_station_list_shows_the_most_flagged_first_as_its_caption_says(client, election):
    response = client.get(_url("stations", "en", election.pk))
    assert "Most flagged stations first" in response.content.decode()
    shown = [(s.flag_count, s.row) for s in response.context["page"].object_list]
    assert shown == sorted(shown, key=lambda item: (-item[0], item[1]))
    assert shown[0][0] == max(Station.objects.values_list("flag_count", flat=True)) > 0


def test_station_list_filters_by_station_number(client, election):
    station = Station.objects.order_by("-row").first()
    url = _url("stations", "en", election.pk)
    found = client.get(url, {"station": str(station.uik)}).context["page"].object_list
    assert [s.uik for s in found] == [station.uik] * len(found) and len(found) >= 1
    assert station in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_station_number_that_is_not_a_number_is_explained(client, election, language):
    response = client.get(_url("stations", language, election.pk), {"station": "12a"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    with translation.override(language):
        expected = translation.gettext("A station number is a whole number, for example 1234.")
    assert escape(expected) in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_station_of_another_election_is_404(client, election):
    other = Election.objects.create(name="Other", source_name="o.csv", source_sha256="0" * 64)
    station = Station.objects.first()
    assert client.get(_url("station", "en", other.pk, station.pk)).status_code == 404


def test_flagged_stations_download_as_csv(client, election):
    response = client.get(_url("flagged_csv", "en", election.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["row", "region", "oik", "tik", "uik"]
    assert len(rows) - 1 == Station.objects.flagged().count()
    only = client.get(_url("flagged_csv", "en", election.pk), {"region": "Тестовый край"})
    assert all(
        r[1] == "Тестовый край"
        for r in csv.reader(io.StringIO(only.content.decode()))
        if r[0] != "row"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_downloads_as_html_in_the_language(client, election, language):
    response = client.get(_url("report_html", language, election.pk))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert f'<html lang="{language}"'.encode() in response.content


@pytest.mark.parametrize("language", ["ru", "de"])
def test_report_downloads_as_pdf(client, election, language):
    response = client.get(_url("report_pdf", language, election.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000


def test_region_report_downloads(client, election):
    url = _url("report_pdf", "en", election.pk)
    response = client.get(url, {"region": "Тестовый край"})
    assert response.content.startswith(b"%PDF")
    html = client.get(_url("report_html", "en", election.pk), {"region": "Тестовый край"})
    assert html.status_code == 200


WORDING_2004 = {
    "Число избирателей, включенных в список избирателей": "Число избирателей,\n внесенных в список",
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно": (
        "Число избирательных бюллетеней,\n выданных  досрочно"
    ),
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования": (
        "Число избирательных бюллетеней,\n выданных в день голосования"
    ),
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования": (
        "Число избирательных бюллетеней,\n выданных вне помещения"
    ),
}


def _import(tmp_path, text: str, coordinator, name: str):
    from horizont.elections import services

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return services.election_import(
        path=path,
        info=services.ElectionInfo(name=name, source_name=name),
        created_by=coordinator,
        mc_draws=20,
    )


def test_detail_shows_the_column_mapping_of_a_2004_file(
    client, tmp_path, synthetic_text, fast_engine, coordinator
):
    text = synthetic_text
    for new, old in WORDING_2004.items():
        text = text.replace(new, old)
    election = _import(tmp_path, text, coordinator, "2004.csv")
    html = client.get(_url("detail", "en", election.pk)).content.decode()
    assert "Columns of the file used for each protocol line" in html
    assert "выданных досрочно" in html  # the double space shown as one
    assert "выданных в день голосования" in html
    rows = {
        r["label"]: r["columns"]
        for r in client.get(_url("detail", "en", election.pk)).context["column_mapping"]
    }
    assert rows["ballots issued outside the premises"] == [
        "Число избирательных бюллетеней, выданных вне помещения"
    ]
    assert election.ballots_issued > 0.3 * election.registered


def test_detail_shows_the_column_mapping_of_the_2020_vote(
    client, tmp_path, fast_engine, coordinator
):
    header = [
        "name", "region", "tik", "uik",
        "Число участников голосования, включенных в список участников голосования",
        "Число бюллетеней, выданных участникам голосования",
        "Число бюллетеней, содержащихся в ящиках для голосования",
        "Число недействительных бюллетеней", "ДА", "НЕТ",
    ]  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for i in range(1, 61):
        issued = 400 + 7 * i
        yes = int(issued * 0.7)
        writer.writerow(["Голосование", f"Область {i % 3}", "ТИК", f"УИК №{i}", 1000, issued,
                         issued, 5, yes, issued - 5 - yes])  # fmt: skip
    election = _import(tmp_path, out.getvalue(), coordinator, "2020.csv")
    response = client.get(_url("detail", "ru", election.pk))
    html = response.content.decode()
    assert "Число бюллетеней, выданных участникам голосования" in html
    assert "ДА" in election.leader
    labels = [r["label"] for r in response.context["column_mapping"]]
    assert "выдано бюллетеней (одна строка)" in labels


def test_implausible_figures_are_shown_first_in_the_users_language(
    client, tmp_path, synthetic_text, fast_engine, coordinator
):
    rows = list(csv.reader(io.StringIO(synthetic_text)))
    premises = next(i for i, h in enumerate(rows[0]) if "в помещении" in h)
    for row in rows[1:]:
        row[premises] = "0"  # ballots issued on the premises lost: turnout about 3 %
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    election = _import(tmp_path, out.getvalue(), coordinator, "misread.csv")
    html = client.get(_url("detail", "ru", election.pk)).content.decode()
    alert = html.index('role="alert"')
    assert alert < html.index("totals-heading")
    assert "Общая явка" in html and "лежит вне диапазона 20" in html
    assert "выдано меньше бюллетеней, чем найдено в ящиках" in html
    report = client.get(_url("report", "de", election.pk)).content.decode()
    assert "Die Gesamtbeteiligung von" in report
    from pypdf import PdfReader

    pdf = client.get(_url("report_pdf", "pl", election.pk)).content
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Nieprawdopodobne liczby" in first_page
