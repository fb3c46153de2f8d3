from __future__ import annotations

import mimetypes
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.links import site_base_url
from horizont.core.ratelimit import rate_limited
from horizont.network.models import Initiative
from horizont.petitions import services
from horizont.petitions.forms import (
    AddresseeForm,
    DeliveryForm,
    GuestSignatureForm,
    MemberSignatureForm,
    PetitionForm,
    PetitionTextForm,
    ReplyForm,
    UpdateForm,
    VoidForm,
    preset_addressee,
)
from horizont.petitions.models import Attachment, Petition, PetitionText, Signature
from horizont.sanctions.letters import LetterFontError

PUBLIC_SIGNERS = 50


def _get_petition(request: HttpRequest, pk: int) -> Petition:
    petition = get_object_or_404(Petition.objects.select_related("initiative"), pk=pk)
    if not request.user.has_perm("petitions.view_petition", petition):
        raise Http404
    return petition


def _get_petition_for_organizer(request: HttpRequest, pk: int, perm: str) -> Petition:
    petition = _get_petition(request, pk)
    if not request.user.has_perm(perm, petition):
        raise PermissionDenied
    return petition


def petition_list(request: HttpRequest) -> HttpResponse:
    petitions = (
        Petition.objects.public()
        .select_related("initiative")
        .prefetch_related("texts")
        .order_by("-created_at")[:100]
    )
    can_create = (
        request.user.is_authenticated and Initiative.objects.organized_by(request.user).exists()
    )
    return render(
        request, "petitions/list.html", {"petitions": petitions, "can_create": can_create}
    )


def _detail_context(request: HttpRequest, petition: Petition, **extra: Any) -> dict[str, Any]:
    texts = list(petition.texts.all())
    wanted = request.GET.get("lang") or translation.get_language()
    text = next((t for t in texts if t.language == wanted), None) or petition.text_for(wanted)
    public_signers = [
        s
        # Not through the related manager: it would load each row's petition id lazily.
        for s in Signature.objects.filter(petition_id=petition.pk, status="confirmed")
        .exclude(public_display=Signature.Public.NOTHING)
        .order_by("-confirmed_at")
        .only("name", "city", "public_display")[:PUBLIC_SIGNERS]
    ]
    own = None
    if request.user.is_authenticated:
        own = petition.signatures.filter(user=request.user).first()
    url = site_base_url(request) + petition.get_absolute_url()
    badge = site_base_url(request) + reverse("petitions:badge", args=[petition.pk])
    context = {
        "petition": petition,
        "text": text,
        "texts": texts,
        "public_signers": [s.public_label() for s in public_signers],
        "timeline": petition.timeline.all(),
        "own_signature": own,
        "collecting": petition.is_collecting(),
        "is_organizer": request.user.has_perm("petitions.change_petition", petition),
        "signing_form": (
            MemberSignatureForm() if request.user.is_authenticated else GuestSignatureForm()
        ),
        "share_url": url,
        "share_title": text.title if text else "",
        # Pasted into other sites: only a link and an image, the title escaped. A plain
        # str (not safe), so the page escapes the snippet once more to show it as text.
        "embed_snippet": str.__str__(
            format_html(
                '<a href="{}"><img src="{}" width="320" height="80" alt="{}"></a>',
                url,
                badge,
                text.title if text else "",
            )
        ),
    }
    context.update(extra)
    return context


def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition(request, pk)
    return render(request, "petitions/detail.html", _detail_context(request, petition))


@login_required
@rate_limited("post")
def petition_create(request: HttpRequest) -> HttpResponse:
    if not Initiative.objects.organized_by(request.user).exists():
        raise PermissionDenied
    if request.method == "POST":
        form = PetitionForm(request.POST, user=request.user)
    else:
        form = PetitionForm(initial={"default_language": "de", "goal": 1000}, user=request.user)
        # "Start from a sanctions case": its summary becomes the text, BAFA the addressee.
        case_pk = request.GET.get("case", "")
        case = (
            form.fields["case"].queryset.filter(pk=case_pk).first() if case_pk.isdigit() else None
        )
        if case is not None:
            form.initial.update(
                {"case": case, "title": case.title, "text": case.summary, "presets": ["bafa"]}
            )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not request.user.has_perm("petitions.add_petition", data["initiative"]):
            raise PermissionDenied
        petition = services.petition_create(
            initiative=data["initiative"],
            user=request.user,
            language=data["default_language"],
            title=data["title"],
            text=data["text"],
            goal=data["goal"],
            deadline=data["deadline"],
            case=data.get("case"),
            addressees=[preset_addressee(key) for key in data["presets"]],
        )
        messages.success(request, _("The petition was saved as a draft."))
        return redirect(petition)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "petition": None, "cases": form.fields["case"].queryset},
    )


@login_required
@rate_limited("post")
def petition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    form = PetitionForm(request.POST or None, instance=petition, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The petition was saved."))
        return redirect(petition)
    return render(request, "petitions/form.html", {"form": form, "petition": petition})


@login_required
@rate_limited("post")
def petition_text(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    """Add or edit the petition in one language."""
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    if language not in dict(settings.LANGUAGES):
        raise Http404
    instance = PetitionText.objects.filter(petition=petition, language=language).first()
    form = PetitionTextForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        text = form.save(commit=False)
        text.petition = petition
        text.language = language
        text.save()
        messages.success(request, _("The text was saved."))
        return redirect(f"{petition.get_absolute_url()}?lang={language}")
    return render(
        request,
        "petitions/text_form.html",
        {"form": form, "petition": petition, "language": language},
    )


@login_required
@rate_limited("post")
def addressees(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    form = AddresseeForm(request.POST or None)
    if request.method == "POST" and "remove" in request.POST:
        petition.addressees.filter(pk=request.POST.get("remove")).delete()
        messages.success(request, _("The addressee was removed."))
        return redirect("petitions:addressees", pk=petition.pk)
    if request.method == "POST" and form.is_valid():
        addressee = form.save(commit=False)
        addressee.petition = petition
        addressee.save()
        messages.success(request, _("The addressee was added."))
        return redirect("petitions:addressees", pk=petition.pk)
    return render(
        request,
        "petitions/addressees.html",
        {"form": form, "petition": petition, "addressees": petition.addressees.all()},
    )


@login_required
@require_POST
@rate_limited("post")
def petition_open(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    services.petition_open(petition=petition, actor=request.user)
    messages.success(request, _("The petition is published and collects signatures."))
    return redirect(petition)


@login_required
@require_POST
@rate_limited("post")
def petition_close(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    services.petition_close(
        petition=petition, actor=request.user, note=request.POST.get("note", "")
    )
    messages.success(request, _("The petition is closed."))
    return redirect(petition)


# --- signing -----------------------------------------------------------------------------


@require_POST
@rate_limited("signature")
def petition_sign(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition(request, pk)
    if not request.user.has_perm("petitions.sign_petition", petition):
        raise PermissionDenied
    member = request.user.is_authenticated
    form = (MemberSignatureForm if member else GuestSignatureForm)(request.POST)
    if not form.is_valid():
        return render(
            request,
            "petitions/detail.html",
            _detail_context(request, petition, signing_form=form),
            status=400,
        )
    data = form.cleaned_data
    choices = {
        "public_display": data["public_display"],
        "addressee_display": data["addressee_display"],
        "wants_updates": data["wants_updates"],
    }
    try:
        if member:
            services.signature_sign_member(
                petition=petition,
                user=request.user,
                city=data["city"],
                country=data["country"],
                **choices,
            )
            messages.success(request, _("Thank you! Your signature counts."))
            return redirect(petition)
        services.signature_sign_guest(
            petition=petition,
            name=data["name"],
            email=data["email"],
            country=data["country"],
            city=data["city"],
            base_url=site_base_url(request),
            **choices,
        )
    except services.PetitionClosed:
        messages.error(request, _("This petition no longer accepts signatures."))
        return redirect(petition)
    except services.AlreadySigned:
        messages.info(request, _("You have already signed this petition."))
        return redirect(petition)
    except services.DisposableAddress:
        form.add_error("email", _("Please use a permanent e-mail address, not a throw-away one."))
        return render(
            request,
            "petitions/detail.html",
            _detail_context(request, petition, signing_form=form),
            status=400,
        )
    except services.TooManyAttempts:
        return render(request, "429.html", status=429)
    return render(request, "petitions/check_mail.html", {"petition": petition})


def _signature_or_invalid(token: str, purpose: str) -> Signature | None:
    try:
        return services.signature_from_token(token, purpose=purpose)
    except services.BadToken:
        return None


@rate_limited("signature")
def signature_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm on POST only: mail scanners that open links must not sign for anyone."""
    signature = _signature_or_invalid(token, "confirm")
    if signature is None or signature.status == Signature.Status.VOIDED:
        return render(request, "petitions/bad_link.html", status=400)
    petition = signature.petition
    if request.method == "POST":
        try:
            confirmed = services.signature_confirm(signature=signature)
        except services.PetitionClosed:
            messages.error(request, _("This petition no longer accepts signatures."))
            return redirect(petition)
        if confirmed:
            messages.success(request, _("Thank you! Your signature is confirmed and counts."))
        else:
            messages.info(request, _("Your signature was already confirmed."))
        return redirect(petition)
    return render(request, "petitions/confirm.html", {"signature": signature, "petition": petition})


def signature_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    signature = _signature_or_invalid(token, "unsubscribe")
    if signature is None:
        return render(request, "petitions/bad_link.html", status=400)
    if request.method == "POST":
        services.signature_unsubscribe(signature=signature)
        messages.success(request, _("You will get no more news about this petition."))
        return redirect(signature.petition)
    return render(request, "petitions/unsubscribe.html", {"petition": signature.petition})


# --- organizers: signatures, delivery, replies -----------------------------------------


@login_required
def signature_list(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.view_signatures")
    signatures = petition.signatures.order_by("-created_at")[:500]
    return render(
        request,
        "petitions/signatures.html",
        {"petition": petition, "signatures": signatures, "void_form": VoidForm()},
    )


@login_required
@require_POST
@rate_limited("post")
def signature_void(request: HttpRequest, pk: int, signature_pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.void_signature")
    signature = get_object_or_404(Signature, petition=petition, pk=signature_pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for voiding a signature."))
        return redirect("petitions:signatures", pk=petition.pk)
    services.signature_void(
        signature=signature, actor=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The signature was voided."))
    return redirect("petitions:signatures", pk=petition.pk)


@login_required
def signatures_export(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.export_signatures")
    data = services.signatures_export_csv(petition=petition, actor=request.user)
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="petition-{petition.pk}-signatures.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delivery_package(request: HttpRequest, pk: int, addressee_pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.deliver_petition")
    addressee = get_object_or_404(petition.addressees, pk=addressee_pk)
    try:
        pdf = services.delivery_package_make(
            petition=petition, addressee=addressee, actor=request.user
        )
    except LetterFontError as error:
        messages.error(
            request,
            _(
                "The PDF cannot show these characters: %(chars)s. Replace them in the letter "
                "and download it again."
            )
            % {"chars": " ".join(error.missing)},
        )
        return redirect("petitions:deliver", petition.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="petition-{petition.pk}-{addressee.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def deliver(request: HttpRequest, pk: int) -> HttpResponse:
    """The delivery desk: packages per addressee, recorded deliveries and replies."""
    petition = _get_petition_for_organizer(request, pk, "petitions.deliver_petition")
    form = DeliveryForm(request.POST or None, request.FILES or None, petition=petition)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.delivery_record(
            petition=petition,
            actor=request.user,
            addressee=data["addressee"],
            method=data["method"],
            delivered_on=data["delivered_on"],
            note=data["note"],
            files=data["files"],
        )
        messages.success(request, _("The delivery was recorded."))
        return redirect("petitions:deliver", pk=petition.pk)
    return _deliver_page(
        request, petition, form=form, status=400 if request.method == "POST" else 200
    )


def _deliver_page(
    request: HttpRequest,
    petition: Petition,
    *,
    form: DeliveryForm | None = None,
    reply_form: ReplyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The delivery desk, with the delivery or the reply form that failed (if any)."""
    return render(
        request,
        "petitions/deliver.html",
        {
            "petition": petition,
            "form": form or DeliveryForm(petition=petition),
            "reply_form": reply_form or ReplyForm(petition=petition, prefix="reply"),
            "update_form": UpdateForm(prefix="update"),
            "addressees": petition.addressees.all(),
            "deliveries": petition.deliveries.select_related("addressee").prefetch_related(
                "attachments"
            ),
            "replies": petition.replies.select_related("addressee").prefetch_related("attachments"),
        },
        status=status,
    )


@login_required
@require_POST
@rate_limited("post")
def reply_add(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.deliver_petition")
    form = ReplyForm(request.POST, request.FILES, petition=petition, prefix="reply")
    if not form.is_valid():
        return _deliver_page(request, petition, reply_form=form, status=400)
    data = form.cleaned_data
    services.reply_record(
        petition=petition,
        actor=request.user,
        addressee=data["addressee"],
        received_on=data["received_on"],
        text=data["text"],
        public=data["public"],
        files=data["files"],
    )
    messages.success(request, _("The reply was recorded."))
    return redirect("petitions:deliver", pk=petition.pk)


@login_required
@require_POST
@rate_limited("post")
def update_add(request: HttpRequest, pk: int) -> HttpResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.change_petition")
    form = UpdateForm(request.POST, prefix="update")
    if not form.is_valid():
        messages.error(request, _("An update needs a headline and a text."))
        return redirect(petition)
    services.update_post(petition=petition, actor=request.user, **form.cleaned_data)
    messages.success(request, _("The update was published and sent to subscribed signers."))
    return redirect(petition)


@login_required
def private_file(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    petition = _get_petition_for_organizer(request, pk, "petitions.view_private_files")
    attachment = get_object_or_404(Attachment, petition=petition, pk=attachment_pk)
    content_type = attachment.content_type or mimetypes.guess_type(attachment.original_name)[0]
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- reach: badge image and feed ---------------------------------------------------------


def badge(request: HttpRequest, pk: int) -> HttpResponse:
    """An SVG image with title, count and progress: the only thing the embed loads."""
    petition = get_object_or_404(Petition.objects.public(), pk=pk)
    text = petition.text_for(translation.get_language())
    response = render(
        request,
        "petitions/badge.svg",
        {"petition": petition, "title": text.title if text else "", "bar": petition.percent * 3},
        content_type="image/svg+xml",
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def feed(request: HttpRequest, pk: int) -> HttpResponse:
    from horizont.petitions.feeds import PetitionFeed

    petition = get_object_or_404(Petition.objects.public(), pk=pk)
    return PetitionFeed()(request, petition=petition)
