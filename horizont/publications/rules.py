"""Who may write and read articles.

Only organizers of the publishing initiative write and edit its articles; drafts (and
articles of an initiative that is not public) are visible only to them.
"""

from __future__ import annotations

from typing import Any

import rules

from horizont.network.models import Initiative
from horizont.network.rules import is_initiative_organizer


@rules.predicate
def organizes_a_public_initiative(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return Initiative.objects.organized_by(user).public().exists()


@rules.predicate
def organizes_publishing_initiative(user: Any, article: Any) -> bool:
    return article is not None and is_initiative_organizer(user, article.initiative)


@rules.predicate
def is_public_article(user: Any, article: Any) -> bool:
    return bool(article is not None and article.is_published and article.initiative.is_public)


rules.add_perm("publications.add_article", organizes_a_public_initiative)
rules.add_perm("publications.change_article", organizes_publishing_initiative)
rules.add_perm("publications.view_article", is_public_article | organizes_publishing_initiative)
