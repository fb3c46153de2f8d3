"""Demo initiatives: fictional groups in several countries, with confirmed links.

Every name here is invented. Running ``load()`` twice changes nothing.
"""

from __future__ import annotations

from django.utils import timezone, translation

from horizont.network import gazetteer
from horizont.network.models import (
    TOPIC_LABELS,
    Initiative,
    InitiativeLanguage,
    InitiativeTranslation,
    Link,
    Membership,
    Topic,
)

DEMO_ORGANIZER_EMAIL = "organizer@example.org"
DEMO_ORGANIZER_PASSWORD = "horizont-demo"  # noqa: S105 - a fictional demo account

# slug, name, language, country, city, topics, working languages, description
INITIATIVES = [
    (
        "demo-berlin-open-house",
        "Open House Berlin (demo)",
        "ru",
        "DE",
        "Berlin",
        ["culture", "refugees"],
        ["ru", "de", "en"],
        "Вымышленная демо-инициатива: культурный центр и помощь новоприбывшим в Берлине.",
    ),
    (
        "demo-berlin-free-word",
        "Free Word Berlin (demo)",
        "de",
        "DE",
        "Berlin",
        ["media", "education"],
        ["de", "ru"],
        "Fiktive Demo-Initiative: Lesungen, Podcasts und politische Bildung.",
    ),
    (
        "demo-berlin-observers",
        "Berlin Election Watch (demo)",
        "en",
        "DE",
        "Berlin",
        ["elections"],
        ["ru", "en"],
        "A fictional demo group that trains election observers for polling stations abroad.",
    ),
    (
        "demo-potsdam-garden",
        "Potsdam Garden Circle (demo)",
        "de",
        "DE",
        "Potsdam",
        ["culture", "youth"],
        ["de", "ru"],
        "Fiktiver Demo-Verein: Garten, Musik und Gespräche.",
    ),
    (
        "demo-munich-bridge",
        "Munich Bridge (demo)",
        "de",
        "DE",
        "Munich",
        ["refugees", "legal"],
        ["de", "ru", "uk"],
        "Fiktive Demo-Initiative: Rechtsberatung und Begleitung zu Behörden.",
    ),
    (
        "demo-munich-choir",
        "Munich Choir of Freedom (demo)",
        "ru",
        "DE",
        "Munich",
        ["culture"],
        ["ru"],
        "Вымышленный демо-хор: песни и концерты в поддержку политзаключённых.",
    ),
    (
        "demo-hamburg-harbour",
        "Harbour Talks Hamburg (demo)",
        "en",
        "DE",
        "Hamburg",
        ["education", "anti-war"],
        ["en", "de", "ru"],
        "A fictional demo discussion club.",
    ),
    (
        "demo-cologne-letters",
        "Letters to Prisoners Cologne (demo)",
        "de",
        "DE",
        "Cologne",
        ["political-prisoners"],
        ["de", "ru"],
        "Fiktive Demo-Gruppe: Briefe an politische Gefangene.",
    ),
    (
        "demo-leipzig-youth",
        "Leipzig Youth Forum (demo)",
        "en",
        "DE",
        "Leipzig",
        ["youth", "education"],
        ["en", "ru"],
        "A fictional demo youth forum.",
    ),
    (
        "demo-warsaw-partner",
        "Warsaw Partner House (demo)",
        "pl",
        "PL",
        "Warsaw",
        ["culture", "refugees"],
        ["pl", "ru", "en"],
        "Fikcyjna inicjatywa demonstracyjna: dom kultury i pomoc dla nowo przybyłych.",
    ),
    (
        "demo-warsaw-observers",
        "Obserwatorzy Warszawa (demo)",
        "pl",
        "PL",
        "Warsaw",
        ["elections"],
        ["pl", "ru"],
        "Fikcyjna grupa demonstracyjna obserwatorów wyborów.",
    ),
    (
        "demo-warsaw-business",
        "Warsaw Entrepreneurs Club (demo)",
        "en",
        "PL",
        "Warsaw",
        ["business"],
        ["en", "pl", "ru"],
        "A fictional demo club for entrepreneurs who moved.",
    ),
    (
        "demo-krakow-library",
        "Kraków Free Library (demo)",
        "pl",
        "PL",
        "Kraków",
        ["culture", "education"],
        ["pl", "ru"],
        "Fikcyjna biblioteka demonstracyjna.",
    ),
    (
        "demo-krakow-legal",
        "Kraków Legal Aid (demo)",
        "ru",
        "PL",
        "Kraków",
        ["legal"],
        ["ru", "pl"],
        "Вымышленная демо-инициатива юридической помощи.",
    ),
    (
        "demo-gdansk-sea",
        "Gdańsk Sea Circle (demo)",
        "pl",
        "PL",
        "Gdańsk",
        ["culture"],
        ["pl", "ru"],
        "Fikcyjny klub demonstracyjny.",
    ),
    (
        "demo-prague-voice",
        "Prague Voice (demo)",
        "en",
        "CZ",
        "Prague",
        ["media", "anti-war"],
        ["cs", "ru", "en"],
        "A fictional demo media project.",
    ),
    (
        "demo-prague-school",
        "Prague Sunday School (demo)",
        "ru",
        "CZ",
        "Prague",
        ["education", "youth"],
        ["ru", "cs"],
        "Вымышленная демо-школа выходного дня.",
    ),
    (
        "demo-brno-help",
        "Brno Help Desk (demo)",
        "en",
        "CZ",
        "Brno",
        ["refugees"],
        ["cs", "ru"],
        "A fictional demo help desk.",
    ),
    (
        "demo-vilnius-forum",
        "Vilnius Forum (demo)",
        "en",
        "LT",
        "Vilnius",
        ["education", "human-rights"],
        ["lt", "ru", "en"],
        "A fictional demo forum.",
    ),
    (
        "demo-vilnius-media",
        "Vilnius Independent Radio (demo)",
        "ru",
        "LT",
        "Vilnius",
        ["media"],
        ["ru", "lt"],
        "Вымышленное демо-радио.",
    ),
    (
        "demo-riga-coalition",
        "Riga Coalition (demo)",
        "en",
        "LV",
        "Riga",
        ["protest", "anti-war"],
        ["lv", "ru", "en"],
        "A fictional demo coalition.",
    ),
    (
        "demo-tallinn-culture",
        "Tallinn Culture Club (demo)",
        "en",
        "EE",
        "Tallinn",
        ["culture"],
        ["et", "ru"],
        "A fictional demo culture club.",
    ),
    (
        "demo-tbilisi-house",
        "Tbilisi House (demo)",
        "ru",
        "GE",
        "Tbilisi",
        ["refugees", "culture"],
        ["ka", "ru", "en"],
        "Вымышленный демо-дом для переехавших.",
    ),
    (
        "demo-tbilisi-rights",
        "Tbilisi Rights Lab (demo)",
        "en",
        "GE",
        "Tbilisi",
        ["human-rights", "legal"],
        ["en", "ru", "ka"],
        "A fictional demo human-rights lab.",
    ),
    (
        "demo-batumi-sea",
        "Batumi Seaside Talks (demo)",
        "en",
        "GE",
        "Batumi",
        ["education"],
        ["ru", "ka"],
        "A fictional demo discussion club.",
    ),
    (
        "demo-paris-dialogue",
        "Paris Dialogue (demo)",
        "en",
        "FR",
        "Paris",
        ["education", "human-rights"],
        ["fr", "ru", "en"],
        "A fictional demo dialogue circle.",
    ),
    (
        "demo-paris-cinema",
        "Paris Free Cinema (demo)",
        "ru",
        "FR",
        "Paris",
        ["culture"],
        ["ru", "fr"],
        "Вымышленный демо-киноклуб.",
    ),
    (
        "demo-vienna-salon",
        "Vienna Salon (demo)",
        "de",
        "AT",
        "Vienna",
        ["culture", "education"],
        ["de", "ru"],
        "Fiktiver Demo-Salon.",
    ),
    (
        "demo-amsterdam-bikes",
        "Amsterdam Bike Rally (demo)",
        "en",
        "NL",
        "Amsterdam",
        ["protest"],
        ["en", "ru"],
        "A fictional demo rally group.",
    ),
    (
        "demo-london-letters",
        "London Letter Writers (demo)",
        "en",
        "GB",
        "London",
        ["political-prisoners"],
        ["en", "ru"],
        "A fictional demo letter-writing group.",
    ),
    (
        "demo-helsinki-north",
        "Helsinki North Circle (demo)",
        "en",
        "FI",
        "Helsinki",
        ["culture", "youth"],
        ["ru", "en"],
        "A fictional demo youth circle.",
    ),
    (
        "demo-yerevan-bridge",
        "Yerevan Bridge (demo)",
        "ru",
        "AM",
        "Yerevan",
        ["refugees", "business"],
        ["ru", "en"],
        "Вымышленный демо-мост для переехавших.",
    ),
]

TRANSLATIONS = {
    "demo-berlin-open-house": {
        "en": (
            "Open House Berlin (demo)",
            "A fictional demo initiative: a cultural centre and help for newcomers in Berlin.",
        ),
        "de": (
            "Offenes Haus Berlin (Demo)",
            "Eine fiktive Demo-Initiative: Kulturzentrum und Hilfe für Neuankömmlinge in Berlin.",
        ),
        "pl": (
            "Otwarty Dom Berlin (demo)",
            "Fikcyjna inicjatywa demonstracyjna: centrum "
            "kultury i pomoc dla nowo przybyłych w Berlinie.",
        ),
    },
    "demo-warsaw-partner": {
        "en": (
            "Warsaw Partner House (demo)",
            "A fictional demo initiative: a cultural house and help for newcomers.",
        ),
        "de": (
            "Partnerhaus Warschau (Demo)",
            "Eine fiktive Demo-Initiative: Kulturhaus und Hilfe für Neuankömmlinge.",
        ),
        "ru": (
            "Дом партнёров Варшава (демо)",
            "Вымышленная демо-инициатива: дом культуры и помощь новоприбывшим.",
        ),
    },
}

# source, target, kind
LINKS = [
    ("demo-berlin-open-house", "demo-warsaw-partner", "partner"),
    ("demo-berlin-observers", "demo-warsaw-observers", "coalition"),
    ("demo-berlin-free-word", "demo-prague-voice", "partner"),
    ("demo-potsdam-garden", "demo-berlin-open-house", "chapter_of"),
    ("demo-munich-choir", "demo-cologne-letters", "supports"),
    ("demo-munich-bridge", "demo-berlin-open-house", "partner"),
    ("demo-hamburg-harbour", "demo-berlin-free-word", "partner"),
    ("demo-leipzig-youth", "demo-berlin-free-word", "supports"),
    ("demo-warsaw-business", "demo-warsaw-partner", "partner"),
    ("demo-krakow-library", "demo-warsaw-partner", "chapter_of"),
    ("demo-krakow-legal", "demo-munich-bridge", "partner"),
    ("demo-gdansk-sea", "demo-warsaw-partner", "partner"),
    ("demo-prague-school", "demo-prague-voice", "partner"),
    ("demo-brno-help", "demo-prague-school", "supports"),
    ("demo-vilnius-media", "demo-prague-voice", "coalition"),
    ("demo-vilnius-forum", "demo-riga-coalition", "coalition"),
    ("demo-tallinn-culture", "demo-riga-coalition", "coalition"),
    ("demo-tbilisi-house", "demo-tbilisi-rights", "partner"),
    ("demo-batumi-sea", "demo-tbilisi-house", "chapter_of"),
    ("demo-yerevan-bridge", "demo-tbilisi-house", "partner"),
    ("demo-paris-dialogue", "demo-vilnius-forum", "partner"),
    ("demo-paris-cinema", "demo-munich-choir", "supports"),
    ("demo-vienna-salon", "demo-munich-bridge", "partner"),
    ("demo-amsterdam-bikes", "demo-riga-coalition", "supports"),
    ("demo-london-letters", "demo-cologne-letters", "coalition"),
    ("demo-helsinki-north", "demo-tallinn-culture", "partner"),
    ("demo-warsaw-observers", "demo-vilnius-forum", "partner"),
]


def _organizer():  # type: ignore[no-untyped-def]
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user, created = get_user_model().objects.get_or_create(
        email=DEMO_ORGANIZER_EMAIL, defaults={"display_name": "Demo organizer"}
    )
    if created:
        user.set_password(DEMO_ORGANIZER_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=DEMO_ORGANIZER_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


def load() -> str:
    organizer = _organizer()
    now = timezone.now()
    with translation.override("en"):
        topics = {
            slug: Topic.objects.get_or_create(slug=slug, defaults={"name": str(label)})[0]
            for slug, label in TOPIC_LABELS.items()
        }
    by_slug: dict[str, Initiative] = {}
    created = 0
    for slug, name, language, country, city, topic_slugs, codes, description in INITIATIVES:
        place = gazetteer.find_city(city, country)
        initiative, was_created = Initiative.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "language": language,
                "country": country,
                "city": place.name if place else city,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "status": Initiative.Status.APPROVED,
                "created_by": organizer,
                "reviewed_at": now,
                "contact": f"{slug}@example.org",
                "contact_visibility": Initiative.ContactVisibility.SIGNED_IN,
            },
        )
        by_slug[slug] = initiative
        if not was_created:
            continue
        created += 1
        initiative.topics.set([topics[t] for t in topic_slugs if t in topics])
        InitiativeLanguage.objects.bulk_create(
            InitiativeLanguage(initiative=initiative, code=code) for code in codes
        )
        Membership.objects.get_or_create(
            initiative=initiative,
            user=organizer,
            defaults={"role": Membership.Role.ORGANIZER, "status": Membership.Status.ACTIVE},
        )
        for code, (t_name, t_description) in TRANSLATIONS.get(slug, {}).items():
            InitiativeTranslation.objects.get_or_create(
                initiative=initiative,
                language=code,
                defaults={"name": t_name, "description": t_description},
            )
    links = 0
    for source, target, kind in LINKS:
        _link, was_created = Link.objects.get_or_create(
            source=by_slug[source],
            target=by_slug[target],
            kind=kind,
            defaults={
                "status": Link.Status.CONFIRMED,
                "proposed_by": organizer,
                "confirmed_by": organizer,
                "confirmed_at": now,
            },
        )
        links += int(was_created)
    return (
        f"{created} new initiatives ({len(INITIATIVES)} in all), {links} new links; "
        f"organizer {DEMO_ORGANIZER_EMAIL} / {DEMO_ORGANIZER_PASSWORD}"
    )
