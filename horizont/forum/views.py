from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.links import site_base_url
from horizont.core.moderation import ACTIONS, content_moderate, report_file
from horizont.core.ratelimit import rate_limited
from horizont.forum import services
from horizont.forum.forms import (
    BusinessProfileForm,
    ContactRequestForm,
    DirectorySearchForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from horizont.forum.models import (
    BusinessProfile,
    Category,
    ContactRequest,
    Post,
    Report,
    Subscription,
    Thread,
)
from horizont.forum.rules import MANAGED_CATEGORIES, MANAGED_THREAD_URLS

THREADS_PER_PAGE = 30
POSTS_PER_PAGE = 30
PROFILES_PER_PAGE = 30


def _require_moderator(request: HttpRequest) -> None:
    if not request.user.is_authenticated or not request.user.has_perm("forum.moderate"):
        raise PermissionDenied


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- Forum ----------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    categories = Category.objects.annotate(
        thread_count=Count("threads", distinct=True), last_post_at=Max("threads__last_post_at")
    )
    return render(
        request,
        "forum/index.html",
        {
            "categories": categories,
            "can_moderate": request.user.has_perm("forum.moderate"),
            "open_reports": Report.objects.filter(status=Report.Status.OPEN).count()
            if request.user.has_perm("forum.moderate")
            else 0,
        },
    )


def _is_subscribed(request: HttpRequest, **target: object) -> bool:
    return (
        request.user.is_authenticated
        and Subscription.objects.filter(user=request.user, **target).exists()
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    threads = (
        category.threads.select_related("author")
        .annotate(reply_count=Count("posts") - 1)
        .order_by("-last_post_at")
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "page": page,
            "query": "",
            "subscribed": _is_subscribed(request, category=category),
        },
    )


@login_required
@rate_limited("post")
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        thread = services.thread_create(
            author=request.user,
            category=category,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            subscribe=form.cleaned_data["subscribe"],
            base_url=site_base_url(request),
        )
        messages.success(request, _("Your thread was published."))
        return redirect(thread)
    return render(request, "forum/thread_form.html", {"category": category, "form": form})


def thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    posts = thread.posts.select_related("author")
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    # Threads another app manages are answered there (the form here would be refused).
    managed = thread.category.slug in MANAGED_CATEGORIES
    answer_url = MANAGED_THREAD_URLS.get(thread.category.slug, lambda t: None)(thread)
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "managed": managed,
            "answer_url": answer_url,
            "page": page,
            "query": "",
            "form": ReplyForm(),
            "subscribed": _is_subscribed(request, thread=thread),
            "can_moderate": request.user.has_perm("forum.moderate"),
        },
    )


@login_required
@rate_limited("post")
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_object_or_404(Thread, pk=pk)
    if not request.user.has_perm("forum.reply_thread", thread):
        raise PermissionDenied
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        post = services.post_reply(
            author=request.user,
            thread=thread,
            body=form.cleaned_data["body"],
            base_url=site_base_url(request),
        )
        messages.success(request, _("Your reply was published."))
        last_page = Paginator(thread.posts.all(), POSTS_PER_PAGE).num_pages
        suffix = f"?page={last_page}" if last_page > 1 else ""
        return redirect(f"{thread.get_absolute_url()}{suffix}#post-{post.pk}")
    return render(request, "forum/reply_form.html", {"thread": thread, "form": form})


@login_required
@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    """Switch the e-mail subscription to a thread or a category on or off."""
    kind, pk = request.POST.get("kind"), request.POST.get("id", "")
    if kind not in ("thread", "category") or not pk.isdigit():
        raise Http404
    target = get_object_or_404(Thread if kind == "thread" else Category, pk=int(pk))
    existing = Subscription.objects.filter(user=request.user, **{kind: target})
    if existing.exists():
        existing.delete()
        messages.success(request, _("You will no longer get e-mails about this."))
    else:
        Subscription.objects.create(user=request.user, **{kind: target})
        if kind == "thread":
            messages.success(request, _("You will get an e-mail when someone replies."))
        else:
            messages.success(request, _("You will get an e-mail when a new thread starts here."))
    return redirect(target)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every notification: works without signing in; a POST confirms."""
    subscription = services.subscription_from_token(token)
    if request.method == "POST":
        if subscription is not None:
            target = subscription.target
            subscription.delete()
            messages.success(request, _("You will no longer get e-mails about this."))
            return redirect(target)
        return redirect("forum:index")
    return render(request, "forum/unsubscribe.html", {"subscription": subscription})


@login_required
@rate_limited("post")
def report(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_file(target=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you. Moderators will look at this post."))
        return redirect(post)
    return render(request, "forum/report_form.html", {"post": post, "form": form})


def moderation(request: HttpRequest) -> HttpResponse:
    _require_moderator(request)
    reported = (
        Post.objects.filter(reports__status=Report.Status.OPEN)
        .select_related("thread", "author")
        .prefetch_related("reports__reporter")
        .annotate(open_reports=Count("reports", filter=Q(reports__status=Report.Status.OPEN)))
        .order_by("-open_reports", "created_at")
        .distinct()
    )
    hidden = Post.objects.filter(is_hidden=True).select_related("thread", "author", "hidden_by")
    return render(
        request,
        "forum/moderation.html",
        {"reported": reported, "hidden": hidden.order_by("-hidden_at")[:50]},
    )


@require_POST
def moderate_post(request: HttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    post = get_object_or_404(Post, pk=pk)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        raise Http404
    content_moderate(moderator=request.user, target=post, action=action, audit=services.POST_AUDIT)
    done = {
        "hide": _("The post is hidden."),
        "restore": _("The post is visible again."),
        "dismiss": _("The reports were dismissed."),
    }
    messages.success(request, done[action])
    if request.POST.get("next") == "thread":
        return redirect(post)
    return redirect("forum:moderation")


# --- Entrepreneurs' directory ---------------------------------------------------------


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectorySearchForm(request.GET or None)
    profiles = BusinessProfile.objects.all()
    if form.is_valid():
        data = form.cleaned_data
        if data["sector"]:
            profiles = profiles.filter(sector=data["sector"])
        if data["country"]:
            profiles = profiles.filter(country=data["country"])
        if data["city"]:
            profiles = profiles.filter(city__icontains=data["city"].strip())
        for word in data["q"].split()[:8]:
            profiles = profiles.filter(
                Q(name__icontains=word) | Q(offers__icontains=word) | Q(seeks__icontains=word)
            )
    page = Paginator(profiles.defer("contact"), PROFILES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/directory.html",
        {"form": form, "page": page, "query": _query_without_page(request)},
    )


def profile(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(BusinessProfile, pk=pk)
    user = request.user
    own_request = None
    if user.is_authenticated:
        own_request = profile.contact_requests.filter(requester=user).first()
    return render(
        request,
        "forum/profile.html",
        {
            "profile": profile,
            "can_edit": user.has_perm("forum.change_businessprofile", profile),
            "can_view_contact": user.has_perm("forum.view_contact", profile),
            "can_request": user.has_perm("forum.request_contact", profile) and own_request is None,
            "own_request": own_request,
            "form": ContactRequestForm(),
        },
    )


@login_required
def profile_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = None
    if pk is not None:
        instance = get_object_or_404(BusinessProfile, pk=pk)
        if not request.user.has_perm("forum.change_businessprofile", instance):
            raise PermissionDenied
    form = BusinessProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        if instance is None:
            profile.owner = request.user
        profile.save()
        messages.success(request, _("The business profile was saved."))
        return redirect(profile)
    return render(request, "forum/profile_form.html", {"form": form, "profile": instance})


@login_required
def profile_delete(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(BusinessProfile, pk=pk)
    if not request.user.has_perm("forum.change_businessprofile", profile):
        raise PermissionDenied
    if request.method == "POST":
        profile.delete()
        messages.success(request, _("The business profile was deleted."))
        return redirect("forum:directory")
    return render(request, "forum/profile_delete.html", {"profile": profile})


@login_required
@rate_limited("post")
@require_POST
def contact_request(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(BusinessProfile, pk=pk)
    if not request.user.has_perm("forum.request_contact", profile):
        raise PermissionDenied
    form = ContactRequestForm(request.POST)
    if form.is_valid():
        services.contact_request_create(
            requester=request.user,
            profile=profile,
            message=form.cleaned_data["message"],
            base_url=site_base_url(request),
        )
        messages.success(
            request, _("Your request was sent. The owner decides whether to share the contact.")
        )
    return redirect(profile)


@login_required
def contact_requests(request: HttpRequest) -> HttpResponse:
    """Requests for the contact of the user's own businesses, and the user's business list."""
    incoming = ContactRequest.objects.filter(profile__owner=request.user).select_related(
        "profile", "requester"
    )
    return render(
        request,
        "forum/contact_requests.html",
        {
            "incoming": incoming,
            "own_profiles": request.user.business_profiles.defer("contact"),
        },
    )


@login_required
@require_POST
def contact_request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    contact_request = get_object_or_404(
        ContactRequest.objects.select_related("profile", "requester"), pk=pk
    )
    if not request.user.has_perm("forum.change_businessprofile", contact_request.profile):
        raise PermissionDenied
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        raise Http404
    services.contact_request_decide(
        request=contact_request, approve=decision == "approve", base_url=site_base_url(request)
    )
    if decision == "approve":
        messages.success(request, _("The contact is now visible to this person."))
    else:
        messages.success(request, _("The request was declined."))
    return redirect("forum:contact_requests")
