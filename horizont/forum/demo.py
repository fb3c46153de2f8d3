"""Demo forum: categories, threads with replies and a few businesses. All fictional."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from horizont.core.demo_keys import demo_object, demo_remember
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

# Threads, replies and businesses are written by people, each in a language of the
# diaspora (Russian, German or Polish), as they would be on a real forum. The first item
# of each is its key: it finds the thread or business again on a later run, whatever its
# title or name has become.
THREADS = [
    (
        "residence-permit",
        "life-abroad",
        "anya",
        "Продление вида на жительство: что взять с собой? (демо)",
        "Мой вид на жительство истекает весной. Какие бумаги вам понадобились для продления?",
        [
            ("boris", "Договор аренды и подтверждение дохода — мне этого хватило."),
            ("vera", "Записывайтесь на приём **заранее**, очередь около шести недель."),
        ],
    ),
    (
        "childrens-theatre",
        "initiatives",
        "vera",
        "Wir suchen Freiwillige für ein Kindertheater (Demo)",
        "Unsere erfundene Theatergruppe braucht zwei Leute für die Kostüme und eine Person "
        "für das Licht.",
        [("gleb", "Am Wochenende kann ich beim Licht helfen.")],
    ),
    (
        "invoicing-two-countries",
        "business",
        "gleb",
        "Faktury dla klientów w dwóch krajach (demo)",
        "Jak rozliczacie VAT, gdy klienci są w Niemczech i w Polsce?",
        [
            ("anya", "Najlepiej zapytać doradcę podatkowego; zwykle działa odwrotne obciążenie."),
            ("boris", "W katalogu jest fikcyjna księgowa, która mówi po rosyjsku."),
        ],
    ),
    (
        "autumn-films",
        "culture",
        "boris",
        "Фильмы для осеннего киновечера (демо)",
        "Какие документальные фильмы вы бы показали зрителям, человек сорок?",
        [("vera", "Что-нибудь короткое, с субтитрами на двух языках.")],
    ),
]

BUSINESSES = [
    (
        "birch-bakery",
        "anya",
        "Bäckerei Birke (Demo)",
        BusinessProfile.Sector.FOOD,
        "DE",
        "Leipzig",
        "Roggenbrot, Piroggen und Catering für Veranstaltungen.",
        "Einen Partner für Lieferungen in Sachsen.",
    ),
    (
        "vistula-accounting",
        "boris",
        "Biuro rachunkowe Wisła (demo)",
        BusinessProfile.Sector.FINANCE,
        "PL",
        "Warsaw",
        "Księgowość dla małych firm po rosyjsku, polsku i angielsku.",
        "Klientów wśród nowo przybyłych przedsiębiorców.",
    ),
    (
        "northern-code",
        "gleb",
        "Северный код (демо)",
        BusinessProfile.Sector.IT,
        "DE",
        "Berlin",
        "Сайты и интернет-магазины для малого бизнеса.",
        "Дизайнера для совместного проекта.",
    ),
    (
        "linden-school",
        "vera",
        "Языковая школа «Липа» (демо)",
        BusinessProfile.Sector.EDUCATION,
        "CZ",
        "Prague",
        "Курсы чешского и немецкого для взрослых и детей.",
        "Помещения для вечерних занятий.",
    ),
]

#: Titles and names earlier versions gave (in English, before demo keys): a database
#: they filled is recognized once, and its threads and businesses get their keys.
OLDER_TEXTS = {
    "residence-permit": ["Residence permit renewal: what to bring? (demo)"],
    "childrens-theatre": ["Looking for volunteers for a children's theatre (demo)"],
    "invoicing-two-countries": ["Invoicing clients in two countries (demo)"],
    "autumn-films": ["Films for an autumn film night (demo)"],
    "birch-bakery": ["Birch Bakery (demo)"],
    "vistula-accounting": ["Vistula Accounting (demo)"],
    "northern-code": ["Northern Code (demo)"],
    "linden-school": ["Linden Language School (demo)"],
}


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
    for index, (key, category, author, title, body, replies) in enumerate(THREADS):
        older = Thread.objects.filter(title__in=[title, *OLDER_TEXTS.get(key, [])])
        if demo_object(Thread, f"forum:{key}", legacy=older) is not None:
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
        demo_remember(thread, f"forum:{key}")
        new_threads += 1
    new_profiles = 0
    for key, owner, name, sector, country, city, offers, seeks in BUSINESSES:
        older = BusinessProfile.objects.filter(name__in=[name, *OLDER_TEXTS.get(key, [])])
        if demo_object(BusinessProfile, f"forum:{key}", legacy=older) is not None:
            continue
        profile = BusinessProfile.objects.create(
            name=name,
            owner=people[owner],
            sector=sector,
            country=country,
            city=city,
            offers=offers,
            seeks=seeks,
            contact=f"{owner}-business@example.org",
        )
        demo_remember(profile, f"forum:{key}")
        new_profiles += 1
    return f"{len(categories)} categories, {new_threads} new threads, {new_profiles} new businesses"
