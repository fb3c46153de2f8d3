from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.ratelimit import rate_limited
from horizont.network.models import Initiative
from horizont.publications import services
from horizont.publications.forms import ArticleForm, FilterForm, TranslationForm
from horizont.publications.models import LANGUAGE_CODES, Article, ArticleTranslation

PER_PAGE = 20


def _articles() -> QuerySet[Article]:
    return Article.objects.select_related("initiative").prefetch_related("translations", "tags")


def _get_article_for_reader(request: HttpRequest, pk: int) -> Article:
    """The article, or 404 for drafts the user may not see (their existence stays hidden)."""
    article = get_object_or_404(_articles(), pk=pk)
    if not request.user.has_perm("publications.view_article", article):
        raise Http404
    return article


def _get_article_for_organizer(request: HttpRequest, pk: int) -> Article:
    article = _get_article_for_reader(request, pk)
    if not request.user.has_perm("publications.change_article", article):
        raise PermissionDenied
    return article


def _filtered_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def article_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    articles = _articles().published()
    current_tag = current_initiative = None
    if form.is_valid():
        if form.cleaned_data["tag"]:
            articles = articles.filter(tags__slug=form.cleaned_data["tag"])
            current_tag = form.cleaned_data["tag"]
        if form.cleaned_data["initiative"]:
            articles = articles.filter(initiative__slug=form.cleaned_data["initiative"])
            current_initiative = Initiative.objects.filter(
                slug=form.cleaned_data["initiative"]
            ).first()
        if form.cleaned_data["language"]:
            articles = articles.filter(translations__language=form.cleaned_data["language"])
    page = Paginator(articles.distinct(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "publications/list.html",
        {
            "form": form,
            "page": page,
            "query": _filtered_query(request),
            "current_tag": current_tag,
            "current_initiative": current_initiative,
            "can_write": request.user.has_perm("publications.add_article"),
        },
    )


@login_required
def my_articles(request: HttpRequest) -> HttpResponse:
    """Every article (drafts too) of the initiatives the user organizes."""
    initiatives = Initiative.objects.organized_by(request.user)
    articles = _articles().filter(initiative__in=initiatives)
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "publications/mine.html",
        {"page": page, "query": "", "can_write": request.user.has_perm("publications.add_article")},
    )


def _render_article(
    request: HttpRequest, article: Article, version: ArticleTranslation
) -> HttpResponse:
    others = [v for v in article.versions() if v.language != version.language]
    return render(
        request,
        "publications/article.html",
        {
            "article": article,
            "version": version,
            "other_versions": others,
            "can_edit": request.user.has_perm("publications.change_article", article),
        },
    )


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = _get_article_for_reader(request, pk)
    version = article.version(get_language())
    if version is None:
        raise Http404
    return _render_article(request, article, version)


def article_version(request: HttpRequest, pk: int, language: str, slug: str) -> HttpResponse:
    article = _get_article_for_reader(request, pk)
    version = next((v for v in article.versions() if v.language == language), None)
    if version is None:
        raise Http404
    if slug != version.slug:
        return redirect(version, permanent=True)
    return _render_article(request, article, version)


@login_required
@rate_limited("post")
def article_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("publications.add_article"):
        raise PermissionDenied
    form = ArticleForm(request.POST or None, request.FILES or None, user=request.user)
    version_form = TranslationForm(
        request.POST or None, prefix="version", initial={"language": get_language()}
    )
    if request.method == "POST" and form.is_valid() & version_form.is_valid():
        data, text = form.cleaned_data, version_form.cleaned_data
        article = services.article_create(
            author=request.user,
            initiative=data["initiative"],
            kind=data["kind"],
            status=data["status"],
            tags_text=data["tags"],
            language=text["language"],
            title=text["title"],
            summary=text["summary"],
            body=text["body"],
            image=data["image"],
            image_alt=data["image_alt"],
        )
        messages.success(request, _("The article was saved."))
        return redirect(article)
    return render(
        request, "publications/article_form.html", {"form": form, "version_form": version_form}
    )


@login_required
@rate_limited("post")
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _get_article_for_organizer(request, pk)
    form = ArticleForm(
        request.POST or None, request.FILES or None, user=request.user, article=article
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.article_update(
            article=article,
            kind=data["kind"],
            status=data["status"],
            tags_text=data["tags"],
            image=data["image"],
            image_alt=data["image_alt"],
            remove_image=data.get("remove_image", False),
        )
        messages.success(request, _("The article was saved."))
        return redirect(article)
    return render(request, "publications/article_form.html", {"form": form, "article": article})


@login_required
@rate_limited("post")
def version_edit(request: HttpRequest, pk: int, language: str | None = None) -> HttpResponse:
    """Add a language version (no ``language``) or edit an existing one."""
    article = _get_article_for_organizer(request, pk)
    instance = None
    if language is not None:
        instance = get_object_or_404(ArticleTranslation, article=article, language=language)
    present = {v.language for v in article.versions()}
    missing = [code for code in LANGUAGE_CODES if code not in present]
    initial = {"language": missing[0]} if instance is None and missing else None
    form = TranslationForm(
        request.POST or None, instance=instance, article=article, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        version = services.translation_save(
            article=article,
            language=instance.language if instance else form.cleaned_data["language"],
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            body=form.cleaned_data["body"],
        )
        messages.success(request, _("The language version was saved."))
        return redirect(version)
    return render(
        request,
        "publications/version_form.html",
        {"form": form, "article": article, "version": instance},
    )


@login_required
@require_POST
def version_delete(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    article = _get_article_for_organizer(request, pk)
    version = get_object_or_404(ArticleTranslation, article=article, language=language)
    if language == article.original_language:
        messages.error(request, _("The original version cannot be removed."))
    else:
        services.translation_delete(version=version)
        messages.success(request, _("The language version was removed."))
    return redirect(article)
