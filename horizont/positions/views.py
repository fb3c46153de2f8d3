from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from horizont.core.links import site_base_url
from horizont.core.moderation import ACTIONS, content_moderate, report_file
from horizont.core.ratelimit import rate_limited
from horizont.core.shortcuts import row_number_or_404
from horizont.lib import opinion
from horizont.positions import outcome, rules, services
from horizont.positions.forms import (
    CommentForm,
    DecisionForm,
    JoinForm,
    OutcomeForm,
    PollForm,
    PositionForm,
    ProcessForm,
    ProposalForm,
    ReportForm,
    StatementForm,
    StatementVoteForm,
    ballot_form,
)
from horizont.positions.models import (
    OpinionMapResult,
    Position,
    Process,
    Report,
    Statement,
    StatementVote,
)


def _get_process(request: HttpRequest, slug: str) -> Process:
    processes = Process.objects.select_related("initiative")
    user = request.user
    if user.is_authenticated:  # one query for the process and the user's membership
        processes = processes.annotate(viewer_is_member=rules.membership_of_viewer(user))
    process = get_object_or_404(processes, slug=slug)
    if user.is_authenticated:
        rules.remember_membership(process, user, process.viewer_is_member)  # type: ignore[attr-defined]
    if not request.user.has_perm("positions.view_process", process):
        raise Http404
    return process


def _require(request: HttpRequest, perm: str, process: Process) -> None:
    if not request.user.has_perm(perm, process):
        raise PermissionDenied


def _participation_context(
    request: HttpRequest, process: Process, participant: Any = False
) -> dict[str, Any]:
    """What every page of a process shows; ``participant`` (from :func:`_participant`)
    when the view has looked it up already, which spares the permission query."""
    can_participate = (
        request.user.has_perm("positions.participate", process)
        if participant is False
        else participant is not None
    )
    return {
        "process": process,
        "text": process.text(),
        "can_participate": can_participate,
        # Asked only by the pages that show facilitators' links (one query spared on the
        # others, the statements page among them).
        "can_facilitate": SimpleLazyObject(
            lambda: request.user.has_perm("positions.facilitate", process)
        ),
    }


def _participant(request: HttpRequest, process: Process) -> Any:
    """Who acts: the signed-in user who may take part, or the guest of a public process
    who confirmed an e-mail address in this browser session; else ``None``."""
    if request.user.is_authenticated:
        allowed = request.user.has_perm("positions.participate", process)
        return request.user if allowed else None
    if (
        process.participation == Process.Participation.PUBLIC
        and process.is_open
        and process.initiative.status == "approved"
    ):
        hashed = request.session.get(services.guest_session_key(process))
        if hashed:
            return services.Guest(hashed)
    return None


def _sign_in_url(request: HttpRequest, process: Process) -> str:
    if process.participation == Process.Participation.PUBLIC:
        return reverse("positions:join", args=[process.slug])
    return f"{reverse('account_login')}?next={request.path}"


def process_list(request: HttpRequest) -> HttpResponse:
    processes = Process.objects.filter(initiative__status="approved").select_related("initiative")
    return render(request, "positions/process_list.html", {"processes": processes})


@login_required
def process_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("positions.add_process"):
        raise PermissionDenied
    form = ProcessForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            process = services.process_create(
                creator=request.user, partners=list(data.pop("partners")), **data
            )
        except services.NotAllowed as error:
            form.add_error("partners", str(error))
        else:
            messages.success(request, _("The process has been created."))
            return redirect(process)
    return render(request, "positions/process_form.html", {"form": form})


def process(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    context = _participation_context(request, process)
    context.update(
        proposals=process.proposals.filter(amends=None, is_hidden=False),
        decisions=process.decisions.all(),
        polls=process.polls.all(),
        statements=process.statements.filter(is_hidden=False).count(),
        phases=[
            (Process.Phase.COLLECT.label, process.collect_from),
            (Process.Phase.DISCUSS.label, process.discuss_from),
            (Process.Phase.DECIDE.label, process.decide_from),
            (Process.Phase.OUTCOME.label, process.outcome_from),
        ],
    )
    return render(request, "positions/process.html", context)


# --- Proposals ----------------------------------------------------------------------


@login_required
@rate_limited("post")
def proposal_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    _require(request, "positions.participate", process)
    amends = None
    if request.GET.get("amends") or request.POST.get("amends"):
        amends = get_object_or_404(
            process.proposals, pk=request.GET.get("amends") or request.POST.get("amends")
        )
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_create(
            author=request.user, process=process, versions=form.versions(), amends=amends
        )
        messages.success(request, _("Your proposal has been published."))
        return redirect(proposal)
    return render(
        request,
        "positions/proposal_form.html",
        {**_participation_context(request, process), "form": form, "amends": amends},
    )


def proposal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    proposal = get_object_or_404(process.proposals, pk=pk)
    context = _participation_context(request, process)
    context.update(
        proposal=proposal,
        proposal_text=proposal.text(),
        versions=[(code, proposal.texts[code]) for code in proposal.languages()],
        comments=services.comment_tree(proposal),
        supports=proposal.supports.count(),
        supported=request.user.is_authenticated
        and proposal.supports.filter(user=request.user).exists(),
        amendments=proposal.amendments.filter(is_hidden=False),
        comment_form=CommentForm(),
        can_moderate=request.user.has_perm("forum.moderate"),
        can_moderate_positions=request.user.has_perm("positions.moderate"),
    )
    return render(request, "positions/proposal.html", context)


@login_required
@require_POST
@rate_limited("post")
def comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    proposal = get_object_or_404(process.proposals.filter(is_hidden=False), pk=pk)
    _require(request, "positions.participate", process)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment first."))
        return redirect(proposal)
    parent = None
    if form.cleaned_data["parent"]:
        from horizont.forum.models import Post

        parent = get_object_or_404(Post, pk=form.cleaned_data["parent"], thread=proposal.thread)
    post = services.comment_add(
        author=request.user, proposal=proposal, body=form.cleaned_data["body"], parent=parent
    )
    return redirect(f"{proposal.get_absolute_url()}#comment-{post.pk}")


@login_required
@require_POST
def support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    proposal = get_object_or_404(process.proposals.filter(is_hidden=False), pk=pk)
    _require(request, "positions.participate", process)
    services.support_toggle(user=request.user, proposal=proposal)
    return redirect(proposal)


# --- Decisions ----------------------------------------------------------------------


@login_required
def decision_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    _require(request, "positions.facilitate", process)
    proposal = None
    if request.GET.get("proposal"):
        proposal = get_object_or_404(process.proposals, pk=request.GET["proposal"])
    initial = {"title": proposal.text()["title"]} if proposal else {}
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        decision = services.decision_create(
            creator=request.user,
            process=process,
            proposal=proposal,
            base_url=site_base_url(request),
            **form.cleaned_data,
        )
        return redirect(decision)
    return render(
        request,
        "positions/decision_form.html",
        {**_participation_context(request, process), "form": form, "proposal": proposal},
    )


@rate_limited("post")
def decision(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    decision = get_object_or_404(process.decisions.select_related("proposal"), pk=pk)
    context = _participation_context(request, process)
    form = PositionForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={decision.get_absolute_url()}")
        if not context["can_participate"]:
            messages.error(request, _("You cannot take part in this process."))
            return redirect(decision)
        if form.is_valid():
            try:
                services.position_take(
                    user=request.user,
                    decision=decision,
                    choice=form.cleaned_data["choice"],
                    reason=form.cleaned_data["reason"],
                )
            except services.NotAllowed as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your position has been recorded."))
            return redirect(decision)
    mine = (
        Position.objects.filter(decision=decision, user=request.user).first()
        if request.user.is_authenticated
        else None
    )
    context.update(
        decision=decision,
        summary=services.decision_summary(decision),
        positions=decision.positions.select_related("user"),
        mine=mine,
        form=form,
        outcome_form=OutcomeForm(),
    )
    return render(request, "positions/decision.html", context)


@login_required
@require_POST
def decision_outcome(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    decision = get_object_or_404(process.decisions, pk=pk)
    _require(request, "positions.facilitate", process)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the outcome statement."))
        return redirect(decision)
    try:
        services.decision_outcome_record(
            facilitator=request.user,
            decision=decision,
            statement=form.cleaned_data["statement"],
            base_url=site_base_url(request),
        )
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The outcome has been recorded and participants notified."))
    return redirect(decision)


# --- Polls --------------------------------------------------------------------------


@rate_limited("post")
def poll(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    poll = get_object_or_404(process.polls, pk=pk)
    options = list(poll.options.all())
    context = _participation_context(request, process)
    participant = _participant(request, process)
    context["can_participate"] = participant is not None
    form = ballot_form(poll, options, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if participant is None and not request.user.is_authenticated:
            return redirect(_sign_in_url(request, process))
        if participant is None:
            messages.error(request, _("You cannot take part in this process."))
            return redirect(poll)
        if form.is_valid():
            try:
                services.ballot_cast(
                    user=participant,
                    poll=poll,
                    answer=form.answer(),  # type: ignore[attr-defined]
                    text=form.cleaned_data.get("text", ""),
                )
            except services.NotAllowed as error:
                if error.code in ("closed", "twice"):
                    messages.error(request, str(error))
                    return redirect(poll)
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your answer has been recorded."))
                return redirect(poll)
    voted = (
        request.user.is_authenticated
        and poll.ballots.filter(
            voter_key=services.ballot_key(poll=poll, user=request.user)
        ).exists()
    )
    results = services.poll_results(poll) if poll.results_visible else None
    context.update(poll=poll, form=form, voted=voted, results=results, options=options)
    return render(request, "positions/poll.html", context)


def poll_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    process = _get_process(request, slug)
    poll = get_object_or_404(process.polls, pk=pk)
    if not (poll.results_visible or request.user.has_perm("positions.facilitate", process)):
        raise PermissionDenied
    response = HttpResponse(services.poll_csv(poll), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="poll-{poll.pk}.csv"'
    return response


@login_required
def poll_create(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    _require(request, "positions.facilitate", process)
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("options_text")
        poll = services.poll_create(
            creator=request.user,
            process=process,
            options=data.pop("options"),
            base_url=site_base_url(request),
            **data,
        )
        messages.success(request, _("The poll has been opened."))
        return redirect(poll)
    return render(
        request,
        "positions/poll_form.html",
        {**_participation_context(request, process), "form": form},
    )


# --- Opinion map --------------------------------------------------------------------


@rate_limited("vote")
def statements(request: HttpRequest, slug: str) -> HttpResponse:
    """Vote on the statement offered, or add one of your own."""
    process = _get_process(request, slug)
    statement_form = StatementForm()
    # The vote path is the hottest of the app: only the one permission it needs.
    participant = _participant(request, process)
    status = 200
    if request.method == "POST" and participant is None:
        if not request.user.is_authenticated:
            return redirect(_sign_in_url(request, process))
        # Refused, with the reason on the page; nothing is saved.
        status = 403
        if process.phase == Process.Phase.OUTCOME:
            messages.error(request, _("Taking part in this process has ended."))
        else:
            messages.error(request, _("You cannot take part in this process."))
    elif request.method == "POST":
        if "text" in request.POST:
            statement_form = StatementForm(request.POST)
            if statement_form.is_valid():
                try:
                    services.statement_add(
                        user=participant, process=process, text=statement_form.cleaned_data["text"]
                    )
                except services.NotAllowed as error:
                    statement_form.add_error("text", str(error))
                else:
                    messages.success(request, _("Your statement has been added."))
                    return redirect("positions:statements", process.slug)
        else:
            vote_form = StatementVoteForm(request.POST)
            if vote_form.is_valid():
                try:
                    services.statement_vote_record(
                        user=participant,
                        process=process,
                        statement_id=vote_form.cleaned_data["statement"],
                        value=vote_form.cleaned_data["value"],
                    )
                except Statement.DoesNotExist:
                    raise Http404 from None
                except services.NotAllowed as error:
                    messages.error(request, str(error))
                else:
                    services.opinion_map_refresh_later(process=process)
            else:
                messages.error(request, _("Choose agree, disagree or pass."))
            return redirect("positions:statements", process.slug)
    context = _participation_context(request, process, participant)
    offered = None
    voted = 0
    if participant is not None:
        offered, voted = services.statement_offer(user=participant, process=process)
    context.update(
        offered=offered,
        voted=voted,
        statement_form=statement_form,
        vote_choices=StatementVote.Value.choices,
    )
    return render(request, "positions/statements.html", context, status=status)


@login_required
@rate_limited("post")
def report(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """Report a proposal or a statement to the moderators (as posts in the forum)."""
    process = _get_process(request, slug)
    if kind not in ("proposals", "statements"):
        raise Http404
    model = process.proposals if kind == "proposals" else process.statements
    target = get_object_or_404(model, pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_file(
            target=target,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
            process=process,
        )
        messages.success(request, _("Thank you. Moderators will look at it."))
        if kind == "proposals":
            return redirect(target)
        return redirect("positions:statements", process.slug)
    return render(
        request,
        "positions/report_form.html",
        {**_participation_context(request, process), "form": form, "target": target, "kind": kind},
    )


@login_required
def moderation_overview(request: HttpRequest) -> HttpResponse:
    """Moderators: the processes with open reports of proposals or statements."""
    if not request.user.has_perm("positions.moderate"):
        raise PermissionDenied
    from django.db.models import Count, Q

    processes = (
        Process.objects.annotate(
            open_reports=Count("reports", filter=Q(reports__status=Report.Status.OPEN))
        )
        .filter(open_reports__gt=0)
        .order_by("-open_reports")
    )
    return render(request, "positions/moderation_overview.html", {"processes": processes})


@login_required
def statements_moderate(request: HttpRequest, slug: str) -> HttpResponse:
    """Moderators: open reports of proposals and statements of a process, every statement
    and the hidden proposals; hide, restore, or dismiss the reports."""
    process = _get_process(request, slug)
    if not request.user.has_perm("positions.moderate"):
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("proposal"):
            number = row_number_or_404(request.POST.get("proposal"))
            target: Any = get_object_or_404(process.proposals, pk=number)
        else:
            number = row_number_or_404(request.POST.get("statement"))
            target = get_object_or_404(process.statements, pk=number)
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            raise Http404
        content_moderate(
            moderator=request.user,
            target=target,
            action=action,
            audit=services.AUDIT_NAMES[type(target)],
        )
        messages.success(request, _("Done. The action is in the audit log."))
        return redirect("positions:moderation", process.slug)
    reports = process.reports.filter(status=Report.Status.OPEN).select_related(
        "proposal", "statement", "reporter"
    )
    return render(
        request,
        "positions/statements_moderate.html",
        {
            **_participation_context(request, process),
            "reports": reports,
            "statements": process.statements.all(),
            "hidden_proposals": process.proposals.filter(is_hidden=True),
        },
    )


def _group_names(count: int) -> tuple[str, ...]:
    return tuple(_("Group %(letter)s") % {"letter": chr(ord("A") + i)} for i in range(count))


def opinion_map(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    context = _participation_context(request, process)
    if services.opinion_map_is_stale(process):
        # Votes came in since the last computation: start one now (it runs in the
        # background; the page shows the latest finished map meanwhile).
        services.opinion_map_refresh_later(process=process, min_interval=0)
    stored = OpinionMapResult.objects.filter(process=process).first()
    groups: list[dict[str, Any]] = []
    consensus: list[Statement] = []
    if stored is not None:
        data = stored.data
        texts = {s.pk: s for s in process.statements.filter(is_hidden=False)}
        names = _group_names(len(data["groups"]))
        for position, group in enumerate(data["groups"]):
            groups.append(
                {
                    "name": names[position],
                    "size": group["size"],
                    "representative": [
                        {**r, "statement": texts[r["statement"]]}
                        for r in group["representative"]
                        if r["statement"] in texts
                    ],
                }
            )
        consensus = [texts[pk] for pk in data["consensus"] if pk in texts]
    participant = _participant(request, process)
    mine = services.user_group(process, participant) if stored and participant else None
    context.update(
        stored=stored,
        groups=groups,
        consensus=consensus,
        my_group=groups[mine]["name"] if mine is not None else None,
        participants=len(stored.data["participants"]) if stored else 0,
    )
    return render(request, "positions/opinion_map.html", context)


def opinion_map_svg(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    stored = get_object_or_404(OpinionMapResult, process=process)
    result = services.map_from_json(stored.data)
    highlight = None
    participant = _participant(request, process)
    if participant is not None:
        key = services.participant_key(process=process, user=participant)
        if key in stored.data["participants"]:
            highlight = stored.data["participants"].index(key)
    svg = opinion.render_svg(
        result,
        highlight=highlight,
        title=_("Opinion map: %(title)s") % {"title": process.text()["title"]},
        group_names=_group_names(len(result.groups)),
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=0"
    return response


@login_required
@require_POST
def opinion_map_refresh(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    _require(request, "positions.facilitate", process)
    services.opinion_map_compute(process=process)
    messages.success(request, _("The opinion map has been recomputed."))
    return redirect("positions:map", process.slug)


# --- Guests of public processes ----------------------------------------------------


@rate_limited("post")
def join(request: HttpRequest, slug: str) -> HttpResponse:
    """A public process: take part with a confirmed e-mail address, without an account."""
    process = _get_process(request, slug)
    if process.participation != Process.Participation.PUBLIC:
        raise Http404
    form = JoinForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        services.guest_invite(
            process=process, email=form.cleaned_data["email"], base_url=site_base_url(request)
        )
        sent = True
    return render(
        request,
        "positions/join.html",
        {**_participation_context(request, process), "form": form, "sent": sent},
    )


def join_confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link from the e-mail; a button confirms, so that link scanners do not."""
    process = _get_process(request, slug)
    guest = services.guest_from_token(process=process, token=token)
    if guest is None:
        return render(
            request,
            "positions/join.html",
            {**_participation_context(request, process), "invalid": True},
            status=400,
        )
    if request.method == "POST":
        request.session[services.guest_session_key(process)] = guest.email_hash
        messages.success(request, _("Your e-mail address is confirmed: you can take part now."))
        return redirect("positions:statements", process.slug)
    return render(request, "positions/join_confirm.html", _participation_context(request, process))


def mute(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The link in every e-mail about a process: no more e-mails about it (a POST confirms;
    works without signing in)."""
    process = _get_process(request, slug)
    user = services.mute_from_token(process=process, token=token)
    if user is None:
        return render(
            request,
            "positions/mute.html",
            {**_participation_context(request, process), "invalid": True},
            status=400,
        )
    done = False
    if request.method == "POST":
        services.mute(process=process, user=user)
        done = True
    return render(
        request, "positions/mute.html", {**_participation_context(request, process), "done": done}
    )


# --- Outcome ------------------------------------------------------------------------


@login_required
@require_POST
def outcome_publish(request: HttpRequest, slug: str) -> HttpResponse:
    process = _get_process(request, slug)
    _require(request, "positions.facilitate", process)
    article = outcome.outcome_publish(facilitator=request.user, process=process)
    messages.success(request, _("The outcome has been published in four languages."))
    return redirect(article)
