"""The issue's "done when", in a real browser: a volunteer applies, takes the course,
fails and then passes the quiz, is assigned to a station abroad, sends the opening and
count reports and an incident with a photo, and enters a protocol copy; a second
volunteer enters the same protocol differently; a coordinator resolves the mismatch,
imports the official results through the elections app's import page and finds the
station in the differences table with a complaint draft."""

from __future__ import annotations

import csv
import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from horizont.elections.models import Election
from horizont.elections.tests.conftest import fast_engine  # noqa: F401 (a fixture)
from horizont.observers import services, training
from horizont.observers.models import (
    Course,
    Incident,
    IncidentPhoto,
    Lesson,
    ProtocolCopy,
    Report,
)
from horizont.observers.tests.conftest import DAY, PARTIES, make_election, make_volunteer
from horizont.testing.e2e import log_in
from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _answer(page, course: Course, *, right: bool) -> None:
    for question in course.questions.prefetch_related("choices"):
        for choice in question.choices.all():
            wanted = choice.correct if right else not choice.correct
            if question.kind == "multiple":
                box = page.get_by_label(choice.text, exact=True)
                box.set_checked(wanted)
            elif wanted:
                page.get_by_label(choice.text, exact=True).check()
                break
    page.get_by_role("button", name="Submit the answers").click()


def _fill_protocol(page, station_label: str, lines: dict) -> None:
    page.get_by_label("Polling station", exact=True).select_option(label=station_label)
    for name, label in (
        ("registered", "registered voters"),
        ("ballots_issued", "ballots issued"),
        ("ballots_cast", "ballots in the boxes"),
        ("invalid", "invalid ballots"),
        ("valid", "valid ballots"),
    ):
        page.get_by_label(label, exact=True).fill(str(lines[name]))
    for index, votes in enumerate(lines["votes"]):
        page.locator(f"#id_party{index}").fill(str(votes))
    page.get_by_role("button", name="Send the protocol").click()


#: The columns of the CEC's per-station results as in the shared 2021 file (the official
#: format the elections app reads), with the fictional election's two parties.
OFFICIAL_COLUMNS = (
    "level",
    "region",
    "oik",
    "tik",
    "uik",
    "Число избирателей, внесенных в список избирателей на момент окончания голосования",
    "Число избирательных бюллетеней, полученных участковой избирательной комиссией",
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
    "Число погашенных избирательных бюллетеней",
    "Число избирательных бюллетеней, содержащихся в переносных ящиках для голосования",
    "Число избирательных бюллетеней, содержащихся в стационарных ящиках для голосования",
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
    "Число утраченных избирательных бюллетеней",
    "Число избирательных бюллетеней, не учтенных при получении",
    *PARTIES,
)


def _official_results_file(tmp_path, election, *, shift: int):
    """A small results file in the official layout for the fictional election's stations,
    with ``shift`` votes moved from the second party to the first at every station.

    The shared 2021 file (96,325 stations) is not used: the programme's stations are
    fictional, and its import with the forensic report takes minutes; its layout is what
    this file copies."""
    path = tmp_path / "official-2030.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(OFFICIAL_COLUMNS)
        for station in election.station_set.order_by("row"):
            issued = station.ballots_issued
            writer.writerow(
                [
                    "ЦИК России",
                    station.region,
                    "ОИК №1",
                    station.tik,
                    f"УИК №{station.uik}",
                    station.registered,
                    issued + 100,
                    0,
                    issued,
                    0,
                    100,
                    0,
                    station.ballots_cast,
                    station.invalid,
                    station.valid,
                    0,
                    0,
                    station.votes[0] + shift,
                    station.votes[1] - shift,
                ]
            )
    return path


# The import runs the forensic engine for real (fewer draws) and draws the real plots; only
# the HTML documents are stand-ins (as in the elections app's own browser test).
@pytest.mark.usefixtures("fast_engine")
def test_volunteer_to_complaint_draft(page, browser, live_server, tmp_path, settings):
    settings.ELECTIONS_UPLOAD_DIR = tmp_path / "uploads"
    settings.ELECTIONS_IMPORT_DIR = tmp_path / "imports"
    election = make_election()
    station = election.station_set.get(uik=8001)
    coordinator = make_user("coordinator@example.org", roles=("coordinator",), mfa=True)
    programme = services.programme_open(actor=coordinator, election=election, name="Watch 2030")
    course = Course.objects.create(
        programme=programme, title="Observer basics", required_for=["observer"], pass_mark=100
    )
    Lesson.objects.create(
        course=course, language="en", title="Your rights", body="You may **photograph** it."
    )
    training.question_add(
        actor=coordinator,
        course=course,
        text="May you photograph the protocol?",
        kind="single",
        explanation="Yes: the law allows it.",
        choices="*Yes\nNo",
    )
    for kind, title, definition in (
        ("opening", "Opening", "yesno: Ballot boxes sealed\ntime: Opened at"),
        ("closing", "Closing and count", "number: Ballots counted\ntext: Remarks"),
    ):
        services.checklist_save(
            actor=coordinator,
            programme=programme,
            kind=kind,
            title=title,
            fields=services.checklist_parse(definition),
        )
    # a second volunteer (mobile group: no course required) counts at the same station
    second = make_volunteer(programme, "boris@example.org", role="mobile")
    services.assignment_create(
        actor=coordinator, volunteer=second, station=station, day=DAY, shift="count"
    )
    make_user("anna@example.org", display_name="Anna")

    # a volunteer applies under a pseudonym
    log_in(page, "anna@example.org")
    page.goto(f"/en/observers/{programme.pk}/")
    page.get_by_label("Pseudonym", exact=True).fill("Swallow")
    page.get_by_label("Contact details", exact=True).fill("@swallow_signal")
    page.get_by_label("Role", exact=True).select_option("observer")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("A coordinator will answer your application")).to_be_visible()

    # the coordinator (with two-factor) accepts
    coordinator_context = browser.new_context(base_url=live_server.url, locale="en-US")
    coordinator_page = coordinator_context.new_page()
    log_in(coordinator_page, "coordinator@example.org", mfa=True)
    coordinator_page.goto(f"/en/observers/{programme.pk}/volunteers/")
    coordinator_page.get_by_role("button", name="Accept Swallow").click()
    expect(coordinator_page.get_by_role("cell", name="accepted").first).to_be_visible()

    # assignment is locked until the course is passed
    coordinator_page.goto(f"/en/observers/{programme.pk}/assignments/")
    coordinator_page.get_by_label("Volunteer", exact=True).select_option(label="Swallow")
    coordinator_page.get_by_label("Polling station number", exact=True).fill("8001")
    coordinator_page.get_by_label("Voting day", exact=True).fill(DAY.isoformat())
    coordinator_page.get_by_role("button", name="Assign").click()
    expect(coordinator_page.get_by_text("must pass the course")).to_be_visible()

    # the volunteer reads the lesson, fails, then passes the quiz
    page.goto(f"/en/observers/{programme.pk}/me/")
    page.get_by_role("link", name="Observer basics").click()
    expect(page.get_by_role("heading", name="Your rights")).to_be_visible()
    page.get_by_role("link", name="Take the quiz").click()
    _answer(page, course, right=False)
    expect(page.get_by_text("Not passed: 0%")).to_be_visible()
    expect(page.get_by_text("Yes: the law allows it.")).to_be_visible()
    page.get_by_role("link", name="Back to the course").click()
    page.get_by_role("link", name="Take the quiz").click()
    _answer(page, course, right=True)
    expect(page.get_by_text("Passed with 100%.")).to_be_visible()
    with page.expect_download() as certificate:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    with open(certificate.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    # now the coordinator assigns the volunteer to the station abroad
    coordinator_page.get_by_label("Volunteer", exact=True).select_option(label="Swallow")
    coordinator_page.get_by_label("Polling station number", exact=True).fill("8001")
    coordinator_page.get_by_label("Voting day", exact=True).fill(DAY.isoformat())
    coordinator_page.get_by_role("button", name="Assign").click()
    expect(coordinator_page.get_by_text("the volunteer was notified by e-mail")).to_be_visible()

    # election day: opening and count reports, an incident with a photo
    page.goto(f"/en/observers/{programme.pk}/me/")
    expect(page.get_by_text("№8001").first).to_be_visible()
    page.get_by_role("link", name="Opening").click()
    page.get_by_label("yes", exact=True).check()
    page.get_by_label("Opened at", exact=True).fill("08:00")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Report received.")).to_be_visible()
    page.get_by_role("link", name="Closing and count").click()
    page.get_by_label("Ballots counted", exact=True).fill("507")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Report received.")).to_be_visible()
    assert Report.objects.count() == 2

    photo = tmp_path / "box.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    page.get_by_role("link", name="Report an incident").click()
    page.get_by_label("Category", exact=True).select_option("stuffing")
    page.get_by_label("Time", exact=True).fill("14:05")
    page.get_by_label("What happened", exact=True).fill("A bundle of ballots went into the box.")
    page.get_by_label("Severity", exact=True).select_option("high")
    page.get_by_label("Photos", exact=True).set_input_files(str(photo))
    page.get_by_role("button", name="Send the incident").click()
    expect(page.get_by_text("Incident received.")).to_be_visible()
    assert Incident.objects.count() == 1 and IncidentPhoto.objects.count() == 1

    # the protocol copy: an inconsistent one is refused, then entered correctly
    lines = {
        "registered": station.registered,
        "ballots_issued": station.ballots_issued,
        "ballots_cast": station.ballots_cast,
        "invalid": station.invalid,
        "valid": station.valid,
        "votes": list(station.votes),
    }
    page.get_by_role("link", name="Enter the protocol copy").click()
    _fill_protocol(page, str(station), {**lines, "invalid": station.invalid + 1})
    expect(page.get_by_text("must equal valid")).to_be_visible()
    _fill_protocol(page, str(station), lines)
    expect(page.get_by_text("Protocol received.")).to_be_visible()

    # a second volunteer enters it differently
    second_context = browser.new_context(base_url=live_server.url, locale="en-US")
    second_page = second_context.new_page()
    log_in(second_page, "boris@example.org")
    second_page.goto(f"/en/observers/{programme.pk}/protocol/")
    _fill_protocol(second_page, str(station), {**lines, "registered": lines["registered"] + 10})
    expect(second_page.get_by_text("Protocol received.")).to_be_visible()
    assert ProtocolCopy.objects.get().status == "mismatch"

    # the coordinator resolves it
    coordinator_page.goto(f"/en/observers/{programme.pk}/protocols/")
    coordinator_page.get_by_role("link", name="Resolve the mismatch at №8001").click()
    expect(coordinator_page.get_by_text("registered voters").first).to_be_visible()
    coordinator_page.get_by_role("button", name="Save the agreed protocol").click()
    assert ProtocolCopy.objects.get().status == "agreed"

    # imports the official results through the elections app's import page
    official_file = _official_results_file(tmp_path, election, shift=9)
    coordinator_page.goto("/en/elections/")
    coordinator_page.get_by_role("link", name="Import an election").click()
    coordinator_page.get_by_label("Name of the election", exact=True).fill("Official results 2030")
    coordinator_page.get_by_label("Results file", exact=True).set_input_files(str(official_file))
    coordinator_page.get_by_role("button", name="Start the import").click()
    coordinator_page.wait_for_url(re.compile(r"/en/jobs/"))
    expect(coordinator_page.get_by_text("finished")).to_be_visible()
    assert Election.objects.filter(name="Official results 2030", stations=6).exists()

    # and finds the station in the differences table with a complaint draft
    coordinator_page.goto(f"/en/observers/{programme.pk}/protocols/")
    coordinator_page.get_by_label("Official results to compare with", exact=True).select_option(
        label="Official results 2030"
    )
    coordinator_page.get_by_role("button", name="Compare with these results").click()
    expect(coordinator_page.get_by_text("+9").first).to_be_visible()
    with coordinator_page.expect_download() as complaint:
        coordinator_page.get_by_role("link", name="Complaint draft for №8001 (PDF)").click()
    with open(complaint.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    # and sees the incident with its photo
    coordinator_page.goto(f"/en/observers/{programme.pk}/reports/")
    coordinator_page.get_by_role("link", name="ballot stuffing").click()
    expect(coordinator_page.get_by_role("img", name="Photo 1")).to_be_visible()
    coordinator_context.close()
    second_context.close()


def test_election_day_report_without_javascript_on_a_small_page(browser, live_server, settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    election = make_election()
    station = election.station_set.get(uik=8001)
    coordinator = make_user("coordinator@example.org", roles=("coordinator",), mfa=True)
    programme = services.programme_open(actor=coordinator, election=election, name="Watch")
    services.checklist_save(
        actor=coordinator,
        programme=programme,
        kind="turnout",
        title="Turnout at the hour",
        fields=services.checklist_parse("time: Hour\nnumber: Voters so far"),
    )
    volunteer = make_volunteer(programme, "anna@example.org")
    services.assignment_create(
        actor=coordinator, volunteer=volunteer, station=station, day=DAY, shift="all_day"
    )
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, "anna@example.org")
    # every election-day page, with all it loads (styles, images), stays under 100 KB
    for path in ("me/", "incident/", "protocol/"):
        loaded: list = []

        def record(response, loaded=loaded):
            loaded.append(response)

        page.on("response", record)
        page.goto(f"/en/observers/{programme.pk}/{path}")
        page.remove_listener("response", record)
        # Fetched again with the page's cookies: the browser may already have dropped the
        # buffered body of a response (Playwright then cannot read it).
        urls = {r.url for r in loaded if r.status < 300}
        total = sum(len(context.request.get(url).body()) for url in urls)
        assert 0 < total < 100_000, (path, total)
    page.goto(f"/en/observers/{programme.pk}/me/")
    with page.expect_response(re.compile(r"/report/$")) as form_page:
        page.get_by_role("link", name="Turnout at the hour").click()
    assert len(form_page.value.body()) < 100_000
    page.get_by_label("Hour", exact=True).fill("12:00")
    page.get_by_label("Voters so far", exact=True).fill("231")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("Report received.")).to_be_visible()
    assert Report.objects.get().answers == ["12:00", 231]
    context.close()
