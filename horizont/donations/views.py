from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.ratelimit import rate_limited
from horizont.donations import payments, services
from horizont.donations.forms import (
    AmountForm,
    BankAccountForm,
    BookEntryForm,
    StatementImportForm,
    YearForm,
)
from horizont.donations.models import BankAccount, BookEntry
from horizont.donations.statements import StatementError
from horizont.network.models import Initiative

PRESET_AMOUNTS = {"EUR": ("10", "25", "50", "100"), "PLN": ("20", "50", "100", "200")}


def _get_initiative(request: HttpRequest, slug: str) -> Initiative:
    initiative = get_object_or_404(Initiative, slug=slug)
    if not request.user.has_perm("donations.view_donations", initiative):
        raise Http404
    return initiative


def _get_initiative_for(request: HttpRequest, slug: str, perm: str) -> Initiative:
    initiative = _get_initiative(request, slug)
    if not request.user.has_perm(perm, initiative):
        raise PermissionDenied
    return initiative


def _language() -> str:
    return (get_language() or "en")[:2]


def _chosen_amount(request: HttpRequest, account: BankAccount) -> tuple[AmountForm, Decimal | None]:
    """The donor's amount for ``account`` from the query string (other accounts: none)."""
    data = request.GET if request.GET.get("account") == str(account.pk) else None
    form = AmountForm(data, currency=account.currency, initial={"account": account.pk})
    if data is not None and form.is_valid():
        return form, form.cleaned_data["amount"]
    return form, None


def donation_page(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative(request, slug)
    language = _language()
    accounts = []
    for account in initiative.bank_accounts.active():
        form, amount = _chosen_amount(request, account)
        accounts.append(
            {
                "account": account,
                "purpose": account.purpose_for(language),
                "form": form,
                "amount": amount,
                "presets": PRESET_AMOUNTS.get(account.currency, ()),
                "shows_code": account.code_kind == "zbp"
                or (account.code_kind == "epc" and amount is not None),
            }
        )
    return render(
        request,
        "donations/page.html",
        {
            "initiative": initiative,
            "accounts": accounts,
            "can_manage": request.user.has_perm("donations.manage_accounts", initiative),
        },
    )


def payment_code(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The QR code of one account as SVG; ``?amount=`` puts the amount into it."""
    initiative = _get_initiative(request, slug)
    account = get_object_or_404(initiative.bank_accounts.active(), pk=pk)
    amount = None
    if request.GET.get("amount"):
        form = AmountForm(
            {"account": account.pk, "amount": request.GET["amount"]}, currency=account.currency
        )
        if not form.is_valid():
            return HttpResponse(
                " ".join(form.errors.get("amount", [])),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        amount = form.cleaned_data["amount"]
    code = account.payment_code(amount=amount, language=_language())
    if code is None:
        raise Http404
    title = _("Payment code for %(holder)s") % {"holder": account.holder}
    response = HttpResponse(payments.svg_bytes(code, title=title), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=300"
    return response


def yearly_report(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative(request, slug)
    form = YearForm(request.GET or None)
    year = services.current_year()
    if form.is_valid() and form.cleaned_data.get("year"):
        year = form.cleaned_data["year"]
    report = services.yearly_report(initiative=initiative, year=year)
    return render(
        request,
        "donations/report.html",
        {
            "initiative": initiative,
            "report": report,
            "chart_width": services.CHART_WIDTH,
            "chart_height": services.CHART_HEIGHT,
            "can_record": request.user.has_perm("donations.record_entries", initiative),
        },
    )


# --- organizers -----------------------------------------------------------------------


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.manage_accounts")
    user = request.user
    return render(
        request,
        "donations/manage.html",
        {
            "initiative": initiative,
            "accounts": initiative.bank_accounts.all(),
            "can_view_transactions": user.has_perm("donations.view_transactions", initiative),
        },
    )


@login_required
@rate_limited("post")
def account_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.manage_accounts")
    account = get_object_or_404(initiative.bank_accounts, pk=pk) if pk else None
    form = BankAccountForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        services.bank_account_save(form=form, initiative=initiative, actor=request.user)
        messages.success(request, _("The bank account is saved."))
        return redirect("donations:manage", initiative.slug)
    return render(
        request,
        "donations/account_form.html",
        {"initiative": initiative, "form": form, "account": account},
    )


@login_required
@require_POST
def account_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.manage_accounts")
    account = get_object_or_404(initiative.bank_accounts, pk=pk)
    services.bank_account_delete(account=account, actor=request.user)
    messages.success(request, _("The bank account is removed."))
    return redirect("donations:manage", initiative.slug)


@login_required
def books(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.view_transactions")
    entries = initiative.book_entries.select_related("account")[:500]
    return render(request, "donations/books.html", {"initiative": initiative, "entries": entries})


@login_required
@rate_limited("post")
def entry_add(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.record_entries")
    form = BookEntryForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        services.book_entry_record(form=form, initiative=initiative, actor=request.user)
        messages.success(request, _("The entry is recorded."))
        if request.user.has_perm("donations.view_transactions", initiative):
            return redirect("donations:books", initiative.slug)
        return redirect("donations:report", initiative.slug)
    return render(request, "donations/entry_form.html", {"initiative": initiative, "form": form})


@login_required
@rate_limited("post")
def entry_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.view_transactions")
    entry = get_object_or_404(BookEntry, initiative=initiative, pk=pk)
    form = BookEntryForm(request.POST or None, instance=entry, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        services.book_entry_record(form=form, initiative=initiative, actor=request.user)
        messages.success(request, _("The entry is saved."))
        return redirect("donations:books", initiative.slug)
    return render(
        request,
        "donations/entry_form.html",
        {"initiative": initiative, "form": form, "entry": entry},
    )


@login_required
@require_POST
def entry_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.view_transactions")
    entry = get_object_or_404(BookEntry, initiative=initiative, pk=pk)
    services.book_entry_delete(entry=entry, actor=request.user)
    messages.success(request, _("The entry is deleted."))
    return redirect("donations:books", initiative.slug)


@login_required
@rate_limited("post")
def statement_import(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _get_initiative_for(request, slug, "donations.import_statement")
    form = StatementImportForm(request.POST or None, request.FILES or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["statement"].read()
        try:
            result = services.statement_import(
                initiative=initiative,
                account=form.cleaned_data["account"],
                data=data,
                default_currency=form.cleaned_data["currency"],
                actor=request.user,
            )
        except StatementError as error:
            form.add_error("statement", str(error))
        else:
            messages.success(
                request,
                _("%(created)s bookings added, %(skipped)s already in the books.")
                % {"created": result.created, "skipped": result.skipped},
            )
            return redirect("donations:books", initiative.slug)
    return render(request, "donations/import.html", {"initiative": initiative, "form": form})
