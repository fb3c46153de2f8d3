"""Demo: the fictional joint process "Flags at our protests" (idempotent).

Led by Open House Berlin with the Warsaw partner and a fictional Belarusian partner in
Warsaw; proposals in four languages, a ranked poll, a decision with one block and an
opinion map of 300 simulated participants in two opinion groups.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone

PROCESS_SLUG = "demo-flags-at-our-protests"
MEMBER_EMAIL = "member.demo@example.org"
MEMBER_PASSWORD = "horizont-demo-member"  # noqa: S105 - printed to the person running the demo
BELARUSIAN_SLUG = "demo-warsaw-belarusian-house"
BERLIN_SLUG = "demo-berlin-open-house"
WARSAW_SLUG = "demo-warsaw-partner"

TEXTS = {
    "en": {
        "title": "Flags at our protests",
        "body": "Which flags do we carry at joint protests of the Russian and Belarusian "
        "diaspora? Collect proposals, discuss them, rank the options and decide together.",
    },
    "ru": {
        "title": "Флаги на наших акциях",
        "body": "С какими флагами мы выходим на совместные акции российской и белорусской "
        "диаспоры? Собираем предложения, обсуждаем, ранжируем варианты и решаем вместе.",
    },
    "de": {
        "title": "Flaggen auf unseren Kundgebungen",
        "body": "Welche Flaggen tragen wir bei gemeinsamen Kundgebungen der russischen und "
        "belarussischen Diaspora? Vorschläge sammeln, diskutieren, Optionen ordnen, "
        "gemeinsam entscheiden.",
    },
    "pl": {
        "title": "Flagi na naszych protestach",
        "body": "Z jakimi flagami wychodzimy na wspólne protesty diaspory rosyjskiej i "
        "białoruskiej? Zbieramy propozycje, dyskutujemy, układamy opcje i decydujemy razem.",
    },
}

PROPOSAL = {
    "ru": (
        "Только бело-сине-белые и бело-красно-белые флаги",
        "На совместных акциях мы несём бело-сине-белый флаг российского антивоенного "
        "движения и бело-красно-белый флаг белорусского демократического движения; "
        "без государственного триколора.",
    ),
    "en": (
        "White-blue-white and white-red-white flags only",
        "At joint actions we carry the white-blue-white flag of the Russian anti-war "
        "movement and the white-red-white flag of the Belarusian democratic movement; "
        "no state tricolor.",
    ),
    "de": (
        "Nur weiß-blau-weiße und weiß-rot-weiße Flaggen",
        "Bei gemeinsamen Aktionen tragen wir die weiß-blau-weiße Flagge der russischen "
        "Antikriegsbewegung und die weiß-rot-weiße Flagge der belarussischen "
        "Demokratiebewegung; keine staatliche Trikolore.",
    ),
    "pl": (
        "Tylko flagi biało-niebiesko-białe i biało-czerwono-białe",
        "Na wspólnych akcjach niesiemy biało-niebiesko-białą flagę rosyjskiego ruchu "
        "antywojennego i biało-czerwono-białą flagę białoruskiego ruchu demokratycznego; "
        "bez państwowego trójkoloru.",
    ),
}

# Poll options, statements, the decision, reasons and comments have one text field each:
# they are written in the process's original language, Russian (the Berlin house's).
POLL_OPTIONS = [
    "Бело-сине-белые и бело-красно-белые флаги",
    "Без флагов, только лозунги и плакаты",
    "Любые флаги, которые люди принесут, включая триколор",
    "Флаги страны пребывания и ЕС",
]

# text, leaning of group 1, leaning of group 2 (1 agree, -1 disagree)
STATEMENTS = [
    ("Мы вместе выступаем против войны.", 1, 1),
    ("Политзаключённые в России и Беларуси должны быть освобождены.", 1, 1),
    ("Совместные акции с белорусской диаспорой делают нас сильнее.", 1, 1),
    ("Каждой акции нужен ясный призыв на языке страны пребывания.", 1, 1),
    ("Триколор принадлежит государству, которое ведёт войну.", 1, -1),
    ("Запрет флага на акции раскалывает диаспору.", -1, 1),
    ("Бело-сине-белый флаг — символ антивоенной России.", 1, -1),
    ("Пусть каждый приносит тот флаг, который считает своим.", -1, 1),
    ("Организаторы вправе попросить свернуть флаг.", 1, -1),
    ("Флаг важен меньше, чем число пришедших людей.", -1, 1),
    ("О флагах на своих акциях пусть решают белорусские партнёры.", 1, 1),
    ("Лозунгов без флагов достаточно.", -1, 1),
    ("Фото акций с триколором используют государственные СМИ.", 1, -1),
    ("Новым эмигрантам триколор ближе, чем новые символы.", -1, 1),
    ("О флагах нужно договариваться перед каждой совместной акцией.", 1, 1),
    ("Флагам Украины рады на каждой совместной акции.", 1, 1),
    ("Общая позиция по флагам важнее единства любой ценой.", 1, -1),
    ("Властям страны пребывания всё равно, какие у нас флаги.", -1, 1),
    ("Символы стоит обсуждать на модерируемой встрече, а не в интернете.", 1, 1),
    ("Нормально стоять рядом с человеком под другим флагом.", -1, 1),
]

SECOND_PROPOSAL = {
    "ru": ("Без флагов, только лозунги",
           "Оставляем все флаги дома и говорим лозунгами и плакатами."),
    "en": ("No flags, only slogans",
           "We leave all flags at home and speak through slogans and posters."),
    "de": ("Keine Flaggen, nur Parolen",
           "Wir lassen alle Flaggen zu Hause und sprechen mit Parolen und Plakaten."),
    "pl": ("Bez flag, tylko hasła",
           "Zostawiamy wszystkie flagi w domu i mówimy hasłami i plakatami."),
}  # fmt: skip
AMENDMENT = {
    "ru": ("Поправка: украинским флагам рады всегда",
           "Добавить: флагам Украины рады на каждой совместной акции."),
    "en": ("Amendment: Ukrainian flags are always welcome",
           "Add: flags of Ukraine are welcome at every joint action."),
    "de": ("Änderung: Ukrainische Flaggen sind immer willkommen",
           "Ergänzen: Flaggen der Ukraine sind bei jeder gemeinsamen Aktion willkommen."),
    "pl": ("Poprawka: flagi Ukrainy są zawsze mile widziane",
           "Dodać: flagi Ukrainy są mile widziane na każdej wspólnej akcji."),
}  # fmt: skip


def _user(email: str, name: str, password: str | None = None) -> Any:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": name}
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _belarusian_partner(organizer: Any, berlin: Any, warsaw: Any) -> Any:
    from horizont.network.models import Initiative, Link, Membership

    partner, created = Initiative.objects.get_or_create(
        slug=BELARUSIAN_SLUG,
        defaults={
            "name": "Белорусский дом в Варшаве (демо)",
            "description": "Вымышленная демо-инициатива белорусской диаспоры в Варшаве.",
            "language": "ru",
            "country": "PL",
            "city": "Warsaw",
            "latitude": 52.2297,
            "longitude": 21.0122,
            "status": Initiative.Status.APPROVED,
            "created_by": organizer,
            "reviewed_at": timezone.now(),
        },
    )
    if created:
        Membership.objects.create(
            initiative=partner,
            user=organizer,
            role=Membership.Role.ORGANIZER,
            status=Membership.Status.ACTIVE,
        )
    for other in (berlin, warsaw):
        Link.objects.get_or_create(
            source=other,
            target=partner,
            kind=Link.Kind.PARTNER,
            defaults={
                "status": Link.Status.CONFIRMED,
                "proposed_by": organizer,
                "confirmed_by": organizer,
                "confirmed_at": timezone.now(),
            },
        )
    return partner


def _simulated_votes(statements: list[Any], seed: int = 16) -> list[Any]:
    """300 simulated participants in two camps; each votes on ~60 % of the statements."""
    from horizont.positions.models import StatementVote

    rng = np.random.default_rng(seed)
    votes = []
    for person in range(300):
        camp = person % 2
        key = f"demo-simulated-{person:03d}"
        for statement, (_text, first, second) in zip(statements, STATEMENTS, strict=True):
            if rng.random() > 0.6:
                continue
            leaning = first if camp == 0 else second
            roll = rng.random()
            value = 0 if roll < 0.08 else (-leaning if roll < 0.2 else leaning)
            votes.append(StatementVote(statement=statement, participant_key=key, value=value))
    return votes


def load() -> str:
    from horizont.network import demo as network_demo
    from horizont.network.models import Initiative, Membership
    from horizont.positions import services
    from horizont.positions.models import (
        Ballot,
        Decision,
        Poll,
        PollOption,
        Position,
        Process,
        Statement,
        StatementVote,
    )

    if Process.objects.filter(slug=PROCESS_SLUG).exists():
        return f"process {PROCESS_SLUG} already there; member {MEMBER_EMAIL} / {MEMBER_PASSWORD}"
    if not Initiative.objects.filter(slug__in=[BERLIN_SLUG, WARSAW_SLUG]).count() == 2:
        network_demo.load()  # `horizont demo` has loaded it already; alone, we need it
    organizer = network_demo._organizer()
    berlin = Initiative.objects.get(slug=BERLIN_SLUG)
    warsaw = Initiative.objects.get(slug=WARSAW_SLUG)
    now = timezone.now()
    with transaction.atomic():
        belarusian = _belarusian_partner(organizer, berlin, warsaw)
        member = _user(MEMBER_EMAIL, "Anna (demo)", MEMBER_PASSWORD)
        Membership.objects.get_or_create(
            initiative=berlin,
            user=member,
            defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.ACTIVE},
        )
        process = services.process_create(
            creator=organizer,
            initiative=berlin,
            partners=[warsaw, belarusian],
            slug=PROCESS_SLUG,
            language="ru",
            title=TEXTS["ru"]["title"],
            body=TEXTS["ru"]["body"],
            participation=Process.Participation.MEMBERS,
            collect_from=now - timedelta(days=21),
            discuss_from=now - timedelta(days=14),
            decide_from=now - timedelta(days=3),
            outcome_from=now + timedelta(days=14),
        )
        process.texts = TEXTS
        process.save(update_fields=["texts"])
        voters = []
        for number, initiative in enumerate([berlin, warsaw, belarusian] * 3):
            voter = _user(f"participant{number + 1}.demo@example.org", f"Participant {number + 1}")
            Membership.objects.get_or_create(
                initiative=initiative,
                user=voter,
                defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.ACTIVE},
            )
            voters.append(voter)
        proposal = services.proposal_create(author=voters[0], process=process, versions=PROPOSAL)
        services.proposal_create(
            author=voters[1],
            process=process,
            versions=SECOND_PROPOSAL,
        )
        services.proposal_create(
            author=voters[2],
            process=process,
            amends=proposal,
            versions=AMENDMENT,
        )
        first = services.comment_add(
            author=voters[3],
            proposal=proposal,
            body="Наши варшавские участники согласны; мы бы добавили украинский флаг.",
        )
        services.comment_add(
            author=voters[4],
            proposal=proposal,
            body="Белорусский дом поддерживает; см. поправку.",
            parent=first,
        )
        for voter in voters[:6]:
            services.support_toggle(user=voter, proposal=proposal)

        decision = services.decision_create(
            creator=organizer,
            process=process,
            proposal=proposal,
            title="Принять: только бело-сине-белые и бело-красно-белые флаги",
            details="Предложение берлинской встречи с поправками из обсуждения.",
            closes_at=now + timedelta(days=7),
            quorum=8,
        )
        choices = ["agree"] * 4 + ["abstain", "disagree", "block"]
        reasons = {
            "block": "Запрет триколора оттолкнёт новых эмигрантов; "
            "давайте сначала обсудим это на следующей встрече.",
            "disagree": "Пусть люди приносят флаг, который считают своим.",
        }
        for voter, choice in zip(voters, choices, strict=False):
            Position.objects.create(
                decision=decision, user=voter, choice=choice, reason=reasons.get(choice, "")
            )
        assert Decision.objects.get(pk=decision.pk).positions.count() == len(choices)

        poll = Poll.objects.create(
            process=process,
            question="С какими флагами нам выходить на совместные акции? Расставьте варианты.",
            kind=Poll.Kind.RANKED,
            anonymous=True,
            results=Poll.Results.LIVE,
            closes_at=now + timedelta(days=10),
        )
        PollOption.objects.bulk_create(
            PollOption(poll=poll, label=label, position=i) for i, label in enumerate(POLL_OPTIONS)
        )
        rng = np.random.default_rng(7)
        weights = np.array([0.4, 0.25, 0.25, 0.1])
        ballots = []
        for number in range(120):
            keys = np.log(weights) + rng.gumbel(size=len(weights))
            ranking = [int(o) for o in np.argsort(-keys)][: rng.integers(1, 5)]
            ballots.append(Ballot(poll=poll, voter_key=f"demo-ballot-{number}", answer=ranking))
        Ballot.objects.bulk_create(ballots)

        statements = Statement.objects.bulk_create(
            Statement(process=process, author_key=f"demo-simulated-{i:03d}", text=text)
            for i, (text, _a, _b) in enumerate(STATEMENTS)
        )
        StatementVote.objects.bulk_create(_simulated_votes(statements), batch_size=2000)
    stored = services.opinion_map_compute(process=process)
    groups = ", ".join(str(g["size"]) for g in stored.data["groups"])
    return (
        f"process {PROCESS_SLUG}: opinion map with groups of {groups} and "
        f"{len(stored.data['consensus'])} consensus statements; "
        f"member {MEMBER_EMAIL} / {MEMBER_PASSWORD}"
    )
