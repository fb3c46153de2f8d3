"""Demo forum: categories, threads with replies and a few businesses. All fictional."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from horizont.forum.models import BusinessProfile, Category, Post, Thread

PEOPLE = {
    "anya": "Anya (demo)",
    "boris": "Boris (demo)",
    "vera": "Vera (demo)",
    "gleb": "Gleb (demo)",
}

CATEGORIES = [
    ("life-abroad", "Жизнь за рубежом · Life abroad", "Documents, flats, schools, doctors."),
    ("initiatives", "Инициативы · Initiatives", "Volunteering, events and cooperation."),
    ("business", "Бизнес и работа · Business and work", "For entrepreneurs who left."),
    ("culture", "Культура · Culture", "Books, films, concerts and exhibitions."),
]
# The categories' names and descriptions per interface language (Category.label).
CATEGORY_TRANSLATIONS = {
    "life-abroad": {
        "name": {"en": "Life abroad", "ru": "Жизнь за рубежом", "de": "Leben im Ausland",
                 "pl": "Życie za granicą"},
        "description": {"en": "Documents, flats, schools, doctors.",
                        "ru": "Документы, квартиры, школы, врачи.",
                        "de": "Dokumente, Wohnungen, Schulen, Ärzte.",
                        "pl": "Dokumenty, mieszkania, szkoły, lekarze."},
    },
    "initiatives": {
        "name": {"en": "Initiatives", "ru": "Инициативы", "de": "Initiativen", "pl": "Inicjatywy"},
        "description": {"en": "Volunteering, events and cooperation.",
                        "ru": "Волонтёрство, мероприятия и сотрудничество.",
                        "de": "Ehrenamt, Veranstaltungen und Zusammenarbeit.",
                        "pl": "Wolontariat, wydarzenia i współpraca."},
    },
    "business": {
        "name": {"en": "Business and work", "ru": "Бизнес и работа", "de": "Unternehmen und Arbeit",
                 "pl": "Biznes i praca"},
        "description": {"en": "For entrepreneurs who left.",
                        "ru": "Для предпринимателей, которые уехали.",
                        "de": "Für Unternehmerinnen und Unternehmer, die ausgewandert sind.",
                        "pl": "Dla przedsiębiorców, którzy wyjechali."},
    },
    "culture": {
        "name": {"en": "Culture", "ru": "Культура", "de": "Kultur", "pl": "Kultura"},
        "description": {"en": "Books, films, concerts and exhibitions.",
                        "ru": "Книги, фильмы, концерты и выставки.",
                        "de": "Bücher, Filme, Konzerte und Ausstellungen.",
                        "pl": "Książki, filmy, koncerty i wystawy."},
    },
}  # fmt: skip

THREADS = [
    (
        "life-abroad",
        "anya",
        "Residence permit renewal: what to bring? (demo)",
        "My permit runs out in spring. Which papers did you need for the renewal?",
        [
            ("boris", "Bring the rental contract and proof of income, that was enough for me."),
            ("vera", "Book the appointment **early**, the queue is about six weeks."),
        ],
    ),
    (
        "initiatives",
        "vera",
        "Looking for volunteers for a children's theatre (demo)",
        "Our fictional theatre group needs two people for the costumes and one for the light.",
        [("gleb", "I can help with the light on weekends.")],
    ),
    (
        "business",
        "gleb",
        "Invoicing clients in two countries (demo)",
        "How do you handle VAT when your clients are in Germany and Poland?",
        [
            ("anya", "Ask a tax adviser, but the reverse-charge rule usually applies."),
            ("boris", "The directory has a fictional accountant who speaks Russian."),
        ],
    ),
    (
        "culture",
        "boris",
        "Films for an autumn film night (demo)",
        "Which documentaries would you show to an audience of 40?",
        [("vera", "Something short, with subtitles in two languages.")],
    ),
]

BUSINESSES = [
    (
        "anya",
        "Birch Bakery (demo)",
        BusinessProfile.Sector.FOOD,
        "DE",
        "Leipzig",
        "Rye bread, pies and catering for events.",
        "A partner for deliveries in Saxony.",
    ),
    (
        "boris",
        "Vistula Accounting (demo)",
        BusinessProfile.Sector.FINANCE,
        "PL",
        "Warsaw",
        "Bookkeeping for small firms, in Russian, Polish and English.",
        "Clients among newly arrived entrepreneurs.",
    ),
    (
        "gleb",
        "Northern Code (demo)",
        BusinessProfile.Sector.IT,
        "DE",
        "Berlin",
        "Web sites and online shops for small businesses.",
        "A designer for a shared project.",
    ),
    (
        "vera",
        "Linden Language School (demo)",
        BusinessProfile.Sector.EDUCATION,
        "CZ",
        "Prague",
        "Czech and German courses for adults and children.",
        "Rooms for evening classes.",
    ),
]


def _people() -> dict[str, Any]:
    users = {}
    for key, name in PEOPLE.items():
        user, created = get_user_model().objects.get_or_create(
            email=f"forum-{key}@example.org", defaults={"display_name": name}
        )
        if created:
            user.set_unusable_password()
            user.save()
        users[key] = user
    return users


def load() -> str:
    people = _people()
    categories = {}
    for position, (slug, name, description) in enumerate(CATEGORIES):
        translations = {
            f"{field}_{lang}": text
            for field, texts in CATEGORY_TRANSLATIONS.get(slug, {}).items()
            for lang, text in texts.items()
        }
        category, created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "position": position,
                **translations,
            },
        )
        missing = {k: v for k, v in translations.items() if not getattr(category, k)}
        if missing and not created:
            Category.objects.filter(pk=category.pk).update(**missing)
        categories[slug] = category
    now = timezone.now()
    new_threads = 0
    for index, (category, author, title, body, replies) in enumerate(THREADS):
        if Thread.objects.filter(title=title).exists():
            continue
        started = now - timedelta(days=10 - index, hours=3)
        thread = Thread.objects.create(
            category=categories[category],
            title=title,
            author=people[author],
            last_post_at=started,
        )
        post = Post.objects.create(thread=thread, author=people[author], body=body)
        Post.objects.filter(pk=post.pk).update(created_at=started)
        for hours, (who, text) in enumerate(replies, start=1):
            reply = Post.objects.create(thread=thread, author=people[who], body=text)
            when = started + timedelta(hours=hours * 5)
            Post.objects.filter(pk=reply.pk).update(created_at=when)
            Thread.objects.filter(pk=thread.pk).update(last_post_at=when)
        new_threads += 1
    new_profiles = 0
    for owner, name, sector, country, city, offers, seeks in BUSINESSES:
        _profile, created = BusinessProfile.objects.get_or_create(
            name=name,
            defaults={
                "owner": people[owner],
                "sector": sector,
                "country": country,
                "city": city,
                "offers": offers,
                "seeks": seeks,
                "contact": f"{owner}-business@example.org",
            },
        )
        new_profiles += created
    return f"{len(categories)} categories, {new_threads} new threads, {new_profiles} new businesses"
