"""Demo content, plainly fictional: a programme for the stations abroad of the demo's
imported election (the real 2021 results where present, else the fictional election),
a course in four languages with a quiz, volunteers with pseudonyms, assignments, reports,
incidents, and protocol copies of which a few differ from the official results."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

from django.contrib.auth import get_user_model

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.elections.demo import fictional_election, real_2021_election
from horizont.elections.models import Election, Station
from horizont.observers import services, training
from horizont.observers.models import Course, Lesson, Programme, ProtocolCopy

# The programme's own texts are in Russian, the language of the voters and observers at
# Russian stations abroad (its model has one text field, not one per site language).
NAME = "Демо: наблюдение на участках за рубежом (вымышленная программа)"
PROGRAMME_KEY = "observers:programme"
#: The programme's name in earlier versions (before demo keys), to recognize it once.
OLDER_NAMES = ["Demo: observation at stations abroad (fictional programme)"]
DEMO_ADMIN_EMAIL = "admin@example.org"
STATIONS = 6
#: Hourly turnout the demo observers report, as shares of the station's final count.
TURNOUT_HOURS = ((10, 0.2), (12, 0.45), (15, 0.7), (18, 0.9))

LESSONS = {
    "ru": (
        "Права наблюдателя",
        "Наблюдатель вправе **фотографировать** итоговый протокол и получить заверенную копию.",
    ),
    "en": (
        "Your rights as an observer",
        "An observer may **photograph** the final protocol and receive a certified copy.",
    ),
    "de": (
        "Ihre Rechte als Beobachter",
        "Beobachter dürfen das Schlussprotokoll **fotografieren** und eine Kopie erhalten.",
    ),
    "pl": (
        "Prawa obserwatora",
        "Obserwator może **fotografować** protokół końcowy i otrzymać jego kopię.",
    ),
}

QUESTIONS = (
    ("May an observer photograph the final protocol?", "single", "*Yes\nNo",
     "Yes: the law allows it, and the photo backs a complaint."),
    ("Which lines must add up to the ballots in the boxes?", "multiple",
     "*Valid ballots\n*Invalid ballots\nBallots received",
     "Ballots in the boxes = valid + invalid."),
    ("Whom do you call first when removed from the station?", "single",
     "*The programme's lawyer or hotline\nThe commission chair's friends",
     "The hotline records the removal and helps with a complaint."),
)  # fmt: skip

#: The quiz in the other site languages: question, answers (same order), explanation.
QUESTION_TRANSLATIONS = {
    "ru": (
        ("Может ли наблюдатель фотографировать итоговый протокол?", "Да\nНет",
         "Да: закон это разрешает, а фото подкрепляет жалобу."),
        ("Какие строки в сумме дают число бюллетеней в ящиках?",
         "Действительные бюллетени\nНедействительные бюллетени\nПолученные бюллетени",
         "Бюллетени в ящиках = действительные + недействительные."),
        ("Кому вы звоните первым, если вас удалили с участка?",
         "Юристу программы или на горячую линию\nДрузьям председателя комиссии",
         "Горячая линия фиксирует удаление и помогает с жалобой."),
    ),
    "de": (
        ("Darf ein Beobachter das Schlussprotokoll fotografieren?", "Ja\nNein",
         "Ja: Das Gesetz erlaubt es, und das Foto stützt eine Beschwerde."),
        ("Welche Zeilen ergeben zusammen die Stimmzettel in den Urnen?",
         "Gültige Stimmzettel\nUngültige Stimmzettel\nErhaltene Stimmzettel",
         "Stimmzettel in den Urnen = gültige + ungültige."),
        ("Wen rufen Sie zuerst an, wenn Sie aus dem Wahllokal verwiesen werden?",
         "Die Juristin oder die Hotline des Programms\nDie Freunde des Kommissionsvorsitzenden",
         "Die Hotline hält den Verweis fest und hilft bei der Beschwerde."),
    ),
    "pl": (
        ("Czy obserwator może fotografować protokół końcowy?", "Tak\nNie",
         "Tak: prawo na to pozwala, a zdjęcie wspiera skargę."),
        ("Które wiersze sumują się do liczby kart w urnach?",
         "Karty ważne\nKarty nieważne\nKarty otrzymane",
         "Karty w urnach = ważne + nieważne."),
        ("Do kogo dzwonisz najpierw, gdy usunięto cię z lokalu?",
         "Do prawnika programu lub na infolinię\nDo znajomych przewodniczącego komisji",
         "Infolinia odnotowuje usunięcie i pomaga w skardze."),
    ),
}  # fmt: skip


def _consistent(station: Station) -> bool:
    return (
        station.ballots_cast == station.valid + station.invalid
        and sum(station.votes) == station.valid
        and station.ballots_issued <= station.registered
        and len(station.votes) >= 2
    )


def _lines(station: Station, moved: int = 0) -> dict[str, object]:
    votes = list(station.votes)
    leader = max(range(len(votes)), key=lambda i: votes[i])
    other = 1 if leader == 0 else 0
    votes[leader] -= moved
    votes[other] += moved
    return {
        "registered": station.registered,
        "ballots_issued": station.ballots_issued,
        "ballots_cast": station.ballots_cast,
        "invalid": station.invalid,
        "valid": station.valid,
        "votes": votes,
    }


def load() -> str:
    older = Programme.objects.filter(name__in=[NAME, *OLDER_NAMES])
    if demo_object(Programme, PROGRAMME_KEY, legacy=older) is not None:
        return "observer programme already loaded"
    election = real_2021_election() or fictional_election()
    admin = get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).first()
    if election is None or admin is None:
        return "no demo election or administrator: no observer programme"
    stations = [
        s
        for s in Station.objects.filter(election=election, abroad=True).order_by("uik")[:200]
        if _consistent(s) and s.valid >= 100  # votes are moved from the leader
    ][:STATIONS]
    day = election.date or dt.date(2030, 9, 15)
    programme = services.programme_open(
        actor=admin,
        election=election,
        name=NAME,
        description="ДЕМО-ДАННЫЕ: все волонтёры, отчёты и копии протоколов здесь выдуманы.",
        ends_on=day + dt.timedelta(days=30),
    )
    demo_remember(programme, PROGRAMME_KEY)
    course = Course.objects.create(
        programme=programme, title="Demo: observer basics", required_for=["observer"], pass_mark=70
    )
    for language, (title, body) in LESSONS.items():
        Lesson.objects.create(course=course, language=language, title=title, body=body)
    for number, (text, kind, choices, explanation) in enumerate(QUESTIONS):
        training.question_add(
            actor=admin,
            course=course,
            text=text,
            kind=kind,
            explanation=explanation,
            choices=choices,
            translations={
                language: dict(zip(("text", "choices", "explanation"), rows[number], strict=True))
                for language, rows in QUESTION_TRANSLATIONS.items()
            },
        )
    correct = {
        q.pk: [c.pk for c in q.choices.all() if c.correct]
        for q in course.questions.prefetch_related("choices")
    }
    users = get_user_model().objects
    volunteers = []
    for number in range(1, 2 * len(stations) + 1):
        email = f"demo-observer-{number}@example.org"
        user = users.filter(email=email).first() or users.create_user(email, None)
        volunteer = services.volunteer_apply(
            user=user,
            programme=programme,
            pseudonym=f"Demo observer {number}",
            contact=f"@demo_observer_{number} (fictional)",
            role="observer",
            consent=number % 2 == 1,
        )
        services.volunteer_decide(actor=admin, volunteer=volunteer, accept=True)
        attempt = training.attempt_start(volunteer=volunteer, course=course)
        training.attempt_submit(attempt=attempt, answers=correct)
        volunteers.append(volunteer)
    lawyer_user = users.filter(email="demo-lawyer@example.org").first() or users.create_user(
        "demo-lawyer@example.org", None
    )
    lawyer = services.volunteer_apply(
        user=lawyer_user,
        programme=programme,
        pseudonym="Demo lawyer",
        contact="demo hotline (fictional)",
        role="lawyer",
        consent=False,
    )
    services.volunteer_decide(actor=admin, volunteer=lawyer, accept=True)
    opening = services.checklist_save(
        actor=admin,
        programme=programme,
        kind="opening",
        title="Demo: opening",
        fields=services.checklist_parse(
            "yesno: Ballot boxes empty and sealed\ntime: Station opened at\n"
            "choice: Observers admitted | without problems | after a delay | refused"
        ),
    )
    turnout = services.checklist_save(
        actor=admin,
        programme=programme,
        kind="turnout",
        title="Demo: turnout at the hour",
        fields=services.checklist_parse("time: Hour\nnumber: Voters so far"),
    )
    closing = services.checklist_save(
        actor=admin,
        programme=programme,
        kind="closing",
        title="Demo: closing and count",
        fields=services.checklist_parse(
            "yesno: Unused ballots cancelled before the count\nyesno: Copy of the protocol received"
        ),
    )
    differing = 0
    for index, station in enumerate(stations):
        first, second = volunteers[2 * index], volunteers[2 * index + 1]
        for volunteer, shift in ((first, "all_day"), (second, "count")):
            services.assignment_create(
                actor=admin, volunteer=volunteer, station=station, day=day, shift=shift
            )
        services.report_submit(
            volunteer=first,
            station=station,
            form=opening,
            answers=["yes", "08:00", "without problems"],
            key=uuid.uuid4(),
        )
        for hour, share in TURNOUT_HOURS:
            services.report_submit(
                volunteer=first,
                station=station,
                form=turnout,
                answers=[f"{hour:02d}:00", round(station.ballots_issued * share)],
                key=uuid.uuid4(),
            )
        services.report_submit(
            volunteer=second,
            station=station,
            form=closing,
            answers=["yes", "yes"],
            key=uuid.uuid4(),
        )
        moved = 12 * index if index in (1, 2) else 0  # two copies differ from the official
        differing += bool(moved)
        lines = _lines(station, moved)
        services.protocol_enter(
            volunteer=first, user=first.user, station=station, lines=lines, key=uuid.uuid4()
        )
        if index == len(stations) - 1:  # one copy typed differently: waits for a third person
            lines = {**lines, "registered": lines["registered"] + 10}
        services.protocol_enter(
            volunteer=second, user=second.user, station=station, lines=lines, key=uuid.uuid4()
        )
        if index == 0:
            incident, _created = services.incident_submit(
                volunteer=first,
                station=station,
                key=uuid.uuid4(),
                photos=[],
                category="obstruction",
                occurred_at=dt.time(9, 30),
                description="DEMO: the observer was asked to stand three metres from the table.",
                severity="medium",
            )
            services.incident_update(
                actor=admin, incident=incident, status="verified", text="Demo.", lawyer=lawyer
            )
    placed = _place_stations(election, stations, day)
    # published, so that the public version can be seen (it withholds what rests on fewer
    # than five stations)
    programme.public_dashboard = True
    programme.save(update_fields=["public_dashboard"])
    mismatches = ProtocolCopy.objects.filter(programme=programme, status="mismatch").count()
    return (
        f"programme '{NAME}' on {election.name}: {len(volunteers) + 1} volunteers, "
        f"{len(stations)} stations abroad, {differing} copies differing from the official "
        f"results, {mismatches} double-entry mismatch, {placed} stations on the coverage map"
    )


def _place_stations(election: Election, stations: list[Station], day: dt.date) -> int:
    """Put the programme's stations abroad on the coverage map.

    The map places a station where the votes-abroad app has it, and the official results
    say nothing of where a station abroad is: the real 2021 stations abroad, imported by
    the votes-abroad demo, have no address, and the fictional election's stations belong
    to no vote abroad. So the demo places them, in a vote abroad of its own marked as demo
    data, in the embassy and consulate cities of the votes-abroad demo (coordinates from
    the offline gazetteer), with that demo's "check the address with the consulate" text.
    The real stations' rows stay untouched.
    """
    from horizont.abroad import demo as abroad_demo
    from horizont.abroad.models import Station as AbroadStation
    from horizont.abroad.models import Vote
    from horizont.network import gazetteer

    vote = Vote.objects.create(
        name=f"Демо: места участков для карты наблюдателей — {election.name}",
        slug=f"demo-observers-{election.pk}",
        first_day=day,
        last_day=day,
        results=election,
        is_demo=True,
    )
    placed = 0
    cities = itertools.cycle(abroad_demo.STATIONS)
    for station, (_number, city, country, host, zone) in zip(stations, cities, strict=False):
        place = gazetteer.find_city(city, country)
        AbroadStation.objects.create(
            vote=vote,
            number=station.uik,
            slug=f"{vote.slug}-{station.uik}",
            city=city,
            country=country,
            host=host,
            timezone=zone,
            address=abroad_demo.DEMO_ADDRESS[country],
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            region=station.region,
            official=station,
        )
        if place is not None:
            placed += 1
    return placed
