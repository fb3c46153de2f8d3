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
    "en": (
        "White-blue-white and white-red-white flags only",
        "At joint actions we carry the white-blue-white flag of the Russian anti-war "
        "movement and the white-red-white flag of the Belarusian democratic movement; "
        "no state tricolor.",
    ),
    "ru": (
        "Только бело-сине-белые и бело-красно-белые флаги",
        "На совместных акциях мы несём бело-сине-белый флаг российского антивоенного "
        "движения и бело-красно-белый флаг белорусского демократического движения; "
        "без государственного триколора.",
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

POLL_OPTIONS = [
    "White-blue-white and white-red-white flags",
    "No flags, only slogans and posters",
    "Any flag people bring, including the tricolor",
    "Flags of the host country and the EU",
]

# text, leaning of group 1, leaning of group 2 (1 agree, -1 disagree)
STATEMENTS = [
    ("We protest together against the war.", 1, 1),
    ("Political prisoners in Russia and Belarus must be freed.", 1, 1),
    ("Joint actions with the Belarusian diaspora make us stronger.", 1, 1),
    ("Every protest needs a clear message in the host country's language.", 1, 1),
    ("The tricolor belongs to the state that wages the war.", 1, -1),
    ("Banning a flag at a protest splits the diaspora.", -1, 1),
    ("The white-blue-white flag is the symbol of the anti-war Russia.", 1, -1),
    ("People should bring whatever flag they feel is theirs.", -1, 1),
    ("Organizers may ask people to roll up a flag.", 1, -1),
    ("A flag matters less than the number of people who come.", -1, 1),
    ("Belarusian partners should decide on flags at their own actions.", 1, 1),
    ("Slogans without flags are enough.", -1, 1),
    ("Photos of protests with the tricolor are used by state media.", 1, -1),
    ("New emigrants feel closer to the tricolor than to new symbols.", -1, 1),
    ("We should agree on flags before each joint action.", 1, 1),
    ("Flags of Ukraine are welcome at every joint protest.", 1, 1),
    ("A common position on flags is more important than unity at any price.", 1, -1),
    ("Host-country authorities do not care which flags we carry.", -1, 1),
    ("Symbols should be discussed in a moderated meeting, not online.", 1, 1),
    ("It is fine to stand next to someone with a different flag.", -1, 1),
]


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
            "name": "Belarusian House Warsaw (demo)",
            "description": "A fictional demo initiative of the Belarusian diaspora in Warsaw.",
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
            language="en",
            title=TEXTS["en"]["title"],
            body=TEXTS["en"]["body"],
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
            versions={
                "en": (
                    "No flags, only slogans",
                    "We leave all flags at home and speak through slogans and posters.",
                )
            },
        )
        services.proposal_create(
            author=voters[2],
            process=process,
            amends=proposal,
            versions={
                "en": (
                    "Amendment: Ukrainian flags are always welcome",
                    "Add: flags of Ukraine are welcome at every joint action.",
                )
            },
        )
        first = services.comment_add(
            author=voters[3],
            proposal=proposal,
            body="Our Warsaw members agree; we would add the Ukrainian flag.",
        )
        services.comment_add(
            author=voters[4],
            proposal=proposal,
            body="The Belarusian House supports it; see the amendment.",
            parent=first,
        )
        for voter in voters[:6]:
            services.support_toggle(user=voter, proposal=proposal)

        decision = services.decision_create(
            creator=organizer,
            process=process,
            proposal=proposal,
            title="Adopt: white-blue-white and white-red-white flags only",
            details="Proposal of the Berlin meeting, amended in the discussion.",
            closes_at=now + timedelta(days=7),
            quorum=8,
        )
        choices = ["agree"] * 4 + ["abstain", "disagree", "block"]
        reasons = {
            "block": "A ban on the tricolor would push away new emigrants; "
            "let us discuss it at the next meeting first.",
            "disagree": "People should bring the flag they feel is theirs.",
        }
        for voter, choice in zip(voters, choices, strict=False):
            Position.objects.create(
                decision=decision, user=voter, choice=choice, reason=reasons.get(choice, "")
            )
        assert Decision.objects.get(pk=decision.pk).positions.count() == len(choices)

        poll = Poll.objects.create(
            process=process,
            question="Which flags should we carry at joint protests? Rank the options.",
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
