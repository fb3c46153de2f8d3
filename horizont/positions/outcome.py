"""Publishing the outcome of a process as an article in the four site languages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from horizont.audit.services import audit_record
from horizont.lib import opinion
from horizont.lib.images import clean_image
from horizont.positions import services
from horizont.positions.models import OpinionMapResult, Process


def _context(process: Process, language: str) -> dict[str, Any]:
    decisions = [
        (decision, services.decision_summary(decision)) for decision in process.decisions.all()
    ]
    polls = [(poll, services.poll_results(poll)) for poll in process.polls.all()]
    stored = OpinionMapResult.objects.filter(process=process).first()
    consensus: list[str] = []
    groups: list[int] = []
    if stored is not None:
        texts = dict(process.statements.values_list("pk", "text"))
        consensus = [texts[pk] for pk in stored.data["consensus"] if pk in texts]
        groups = [group["size"] for group in stored.data["groups"]]
    return {
        "process": process,
        "text": process.text(language),
        "decisions": decisions,
        "polls": polls,
        "consensus": consensus,
        "groups": groups,
        "letters": "ABCDE",
        "process_url": process.get_absolute_url(),
    }


@transaction.atomic
def outcome_publish(*, facilitator: Any, process: Process) -> Any:
    """Create (or renew) the outcome article of ``process`` with a version in every site
    language: the final tallies of decisions and polls, the consensus statements, and the
    opinion map as its image."""
    from horizont.publications.models import Article
    from horizont.publications.services import (
        article_create,
        article_image_set,
        translation_save,
    )

    stored = OpinionMapResult.objects.filter(process=process).first()
    image = None
    if stored is not None and stored.data.get("groups"):
        image = clean_image(opinion.render_png(services.map_from_json(stored.data)))
    versions = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            context = _context(process, code)
            title = _("Outcome: %(title)s") % {"title": context["text"]["title"]}
            body = render_to_string("positions/outcome_article_md.txt", context)
            summary = _("The results of the joint process, with the final tallies.")
            alt = _("Opinion map of the process")
        versions[code] = (title[:200], summary, body, alt)
    first = process.original_language
    title, summary, body, alt = versions[first]
    article = process.outcome_article
    if article is None:
        article = article_create(
            author=facilitator,
            initiative=process.initiative,
            kind=Article.Kind.REPORT,
            status=Article.Status.PUBLISHED,
            tags_text="",
            language=first,
            title=title,
            summary=summary,
            body=body,
            image=image,
            image_alt=alt,
        )
        process.outcome_article = article
        process.save(update_fields=["outcome_article"])
    elif image is not None:
        article_image_set(article=article, image=image, alt=alt)
    for code, (title, summary, body, _alt) in versions.items():
        translation_save(article=article, language=code, title=title, summary=summary, body=body)
    audit_record(actor=facilitator, action="positions.outcome_publish", target=process)
    return article
