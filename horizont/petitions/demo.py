"""Demo content: a fictional petition to BAFA and BMWE, linked to the demo aircraft case."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from horizont.core.demo_keys import demo_object, demo_remember
from horizont.network.models import Initiative
from horizont.petitions import services
from horizont.petitions.forms import preset_addressee
from horizont.petitions.models import Petition, PetitionText, Signature
from horizont.sanctions.demo import demo_case

DEMO_INITIATIVE = "demo-berlin-free-word"
DEMO_ORGANIZER_EMAIL = "organizer@example.org"
TITLE_DE = "Demo: Sanktionierten Business-Jet RA-02791 festsetzen (fiktiv)"
PETITION_KEY = "petitions:jet-petition"
TEXT_DE = (
    "Fiktives Beispiel für die Demo. Ein auf der OFAC-SDN-Liste geführter Business-Jet "
    "stand mehrere Tage zur Wartung auf einem deutschen Flughafen. Wir fordern das BAFA "
    "und das BMWE auf, den Vorgang zu prüfen, das Luftfahrzeug gegebenenfalls "
    "festzusetzen und öffentlich über das Ergebnis zu berichten."
)
TITLE_EN = "Demo: ground the sanctioned business jet RA-02791 (fictional)"
TEXT_EN = (
    "Fictional example for the demo. A business jet on the OFAC SDN list stood in a "
    "maintenance hangar at a German airport for several days. We call on BAFA and BMWE "
    "to examine the case, to ground the aircraft where the law requires it, and to "
    "report the outcome publicly."
)
TITLE_RU = "Демо: задержать самолёт RA-02791 под санкциями (вымышленный пример)"
TEXT_RU = (
    "Вымышленный пример для демо. Бизнес-джет из списка OFAC SDN несколько дней стоял на "
    "техобслуживании в немецком аэропорту. Мы призываем BAFA и BMWE проверить это, при "
    "необходимости задержать самолёт и публично сообщить о результате."
)
DEMO_SIGNERS = [
    ("Demo signer Anna", "Hamburg", "name_city", "name"),
    ("Demo signer Boris", "Köln", "count", "first_name_city"),
    ("Demo signer Clara", "Warszawa", "count", "nothing"),
]


def load() -> str:
    initiative = Initiative.objects.filter(slug=DEMO_INITIATIVE).first()
    organizer = get_user_model().objects.filter(email=DEMO_ORGANIZER_EMAIL).first()
    if initiative is None or organizer is None:
        return "no demo initiative or organizer, no demo petition"
    older = Petition.objects.filter(texts__title__in=[TITLE_DE, TITLE_EN, TITLE_RU]).distinct()
    petition = demo_object(Petition, PETITION_KEY, legacy=older)
    if petition is None:
        petition = services.petition_create(
            initiative=initiative,
            user=organizer,
            language="de",
            title=TITLE_DE,
            text=TEXT_DE,
            goal=500,
            deadline=timezone.now() + dt.timedelta(days=60),
            case=demo_case(),
            addressees=[preset_addressee("bafa"), preset_addressee("bmwk")],
        )
        demo_remember(petition, PETITION_KEY)
        PetitionText.objects.create(petition=petition, language="en", title=TITLE_EN, text=TEXT_EN)
        PetitionText.objects.create(petition=petition, language="ru", title=TITLE_RU, text=TEXT_RU)
        petition = services.petition_open(petition=petition, actor=organizer)
        for number, (name, city, to_addressee, public) in enumerate(DEMO_SIGNERS):
            signature = Signature.objects.create(
                petition=petition,
                name=name,
                email=f"demo-signer-{number}@example.org",
                email_digest=services.email_digest(f"demo-signer-{number}@example.org"),
                city=city,
                country="DE",
                language="de",
                public_display=public,
                addressee_display=to_addressee,
            )
            services.signature_confirm(signature=signature)
    elif petition.case is None:
        petition.case = demo_case()
        petition.save(update_fields=["case"])
    linked = "linked to the demo aircraft case" if petition.case_id else "no demo case to link"
    count = petition.signatures.confirmed().count()
    return f"petition #{petition.pk} with {count} signatures, {linked}"
