"""Workflows of joint processes: taking part, deciding, polling, the opinion map, outcomes."""

from __future__ import annotations

import hashlib
import hmac
import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from horizont import tasks
from horizont.audit.services import audit_record
from horizont.core import moderation
from horizont.lib import opinion, voting
from horizont.lib.csvsafe import SafeCsvWriter
from horizont.positions.models import (
    LANGUAGE_CODES,
    Ballot,
    CommentReply,
    Decision,
    Mute,
    OpinionMapResult,
    Poll,
    Position,
    Process,
    Proposal,
    Report,
    Statement,
    StatementVote,
    Support,
)


class NotAllowed(Exception):
    """A participation refused for a reason the user is told (already translated).

    ``code`` says which: ``closed`` (deadline passed), ``twice`` (already voted) or
    ``invalid`` (the answer itself is wrong)."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


# --- Pseudonymous keys --------------------------------------------------------------


@dataclass(frozen=True)
class Guest:
    """A visitor of a public process who confirmed an e-mail address, without an account.

    Only a keyed hash of the address is kept (in the visitor's session), never the address.
    """

    email_hash: str
    is_authenticated = False


def email_hash(email: str) -> str:
    secret = hashlib.sha256(f"positions-email:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(secret, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:40]


def _identity(process: Process, user: Any) -> str:
    # In public processes a person is their confirmed e-mail address, whether they come
    # as a guest or with an account, so nobody votes twice by signing up.
    if isinstance(user, Guest):
        return f"email:{user.email_hash}"
    if process.participation == Process.Participation.PUBLIC:
        return f"email:{email_hash(user.email)}"
    return f"user:{user.pk}"


def participant_key(*, process: Process, user: Any) -> str:
    """The participant's pseudonym in ``process``: a keyed hash, different in every process.

    Votes and statements are stored under it, never under the account; without the
    server's secret key a database copy does not tell whose they are.
    """
    secret = hashlib.sha256(f"positions:{settings.SECRET_KEY}".encode()).digest()
    message = f"process:{process.pk}:{_identity(process, user)}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:40]


def ballot_key(*, poll: Poll, user: Any) -> str:
    secret = hashlib.sha256(f"positions-ballot:{settings.SECRET_KEY}".encode()).digest()
    message = f"poll:{poll.pk}:{_identity(poll.process, user)}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:40]


# --- Guests of public processes -------------------------------------------------------

GUEST_SALT = "horizont.positions.guest"
GUEST_LINK_DAYS = 2


def guest_session_key(process: Process) -> str:
    return f"positions-guest-{process.pk}"


def guest_invite(*, process: Process, email: str, base_url: str = "") -> None:
    """Mail a link that lets the owner of ``email`` take part in the public process."""
    token = signing.dumps({"p": process.pk, "e": email_hash(email)}, salt=GUEST_SALT)
    url = f"{base_url}{reverse('positions:join_confirm', args=[process.slug, token])}"
    context = {"process": process, "text": process.text(), "url": url, "days": GUEST_LINK_DAYS}
    subject = render_to_string("positions/email/join_subject.txt", context)
    body = render_to_string("positions/email/join.txt", context)
    send_mail(" ".join(subject.split()), body, None, [email], fail_silently=True)


def guest_from_token(*, process: Process, token: str) -> Guest | None:
    try:
        data = signing.loads(token, salt=GUEST_SALT, max_age=GUEST_LINK_DAYS * 86400)
    except signing.BadSignature:
        return None
    if data.get("p") != process.pk:
        return None
    return Guest(str(data["e"]))


# --- Processes and proposals --------------------------------------------------------


def process_create(
    *,
    creator: Any,
    initiative: Any,
    partners: list[Any],
    slug: str,
    language: str,
    title: str,
    body: str,
    participation: str,
    collect_from: Any,
    discuss_from: Any,
    decide_from: Any,
    outcome_from: Any,
) -> Process:
    """A process led by ``initiative``; every partner must have a confirmed link with it."""
    from horizont.network.models import Link

    for partner in partners:
        linked = (
            Link.objects.confirmed()
            .filter(
                source__in=[initiative, partner],
                target__in=[initiative, partner],
            )
            .exclude(source=initiative, target=initiative)
            .exists()
        )
        if not linked or partner.pk == initiative.pk:
            raise NotAllowed(
                _("%(name)s is not linked with the leading initiative.") % {"name": partner.name}
            )
    with transaction.atomic():
        process = Process.objects.create(
            slug=slug,
            initiative=initiative,
            original_language=language,
            texts={language: {"title": title, "body": body}},
            participation=participation,
            facilitator=creator,
            collect_from=collect_from,
            discuss_from=discuss_from,
            decide_from=decide_from,
            outcome_from=outcome_from,
        )
        process.partners.set(partners)
        audit_record(actor=creator, action="positions.process_create", target=process)
    return process


COMMENTS_CATEGORY = "positions"


def _texts(versions: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {
        code: {"title": title.strip(), "body": body.strip()}
        for code, (title, body) in versions.items()
        if code in LANGUAGE_CODES and title.strip()
    }


def _comments_category_names() -> dict[str, str]:
    """The forum category of proposal comments, named in each site language."""
    names = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names[f"name_{code}"] = str(_("Positions"))
    return {"name": names.get("name_en", "Positions"), **names}


def proposal_create(
    *,
    author: Any,
    process: Process,
    versions: dict[str, tuple[str, str]],
    amends: Proposal | None = None,
) -> Proposal:
    """A proposal (or an amendment) with a title and text in one to four languages."""
    from horizont.forum.models import Category, Thread

    texts = _texts(versions)
    if not texts:
        raise ValueError("a proposal needs a title in at least one language")
    original = next(code for code in versions if code in texts)
    with transaction.atomic():
        category, _created = Category.objects.get_or_create(
            slug=COMMENTS_CATEGORY, defaults={"position": 1000, **_comments_category_names()}
        )
        thread = Thread.objects.create(
            category=category,
            title=texts[original]["title"][:200],
            author=author,
            last_post_at=timezone.now(),
        )
        return Proposal.objects.create(
            process=process,
            author=author,
            amends=amends,
            original_language=original,
            texts=texts,
            thread=thread,
        )


def comment_add(*, author: Any, proposal: Proposal, body: str, parent: Any = None) -> Any:
    """A comment on a proposal: a forum post in the proposal's thread (replying to
    ``parent``, a post of the same thread) so that the forum's reports and moderation
    apply to it."""
    from horizont.forum.services import post_reply

    if proposal.thread is None:
        raise ValueError("proposal without a comment thread")
    if parent is not None and parent.thread_id != proposal.thread_id:
        raise ValueError("the answered comment belongs to another proposal")
    with transaction.atomic():
        post = post_reply(author=author, thread=proposal.thread, body=body)
        if parent is not None:
            CommentReply.objects.create(post=post, parent=parent)
    return post


def proposal_url_of_thread(thread: Any) -> str | None:
    """The proposal page where the comments of ``thread`` are written (for the forum)."""
    proposal = Proposal.objects.select_related("process").filter(thread=thread).first()
    return proposal.get_absolute_url() if proposal is not None else None


def comment_tree(proposal: Proposal) -> list[tuple[Any, int]]:
    """The comments of a proposal in reading order, each with its depth (0 … 4)."""
    if proposal.thread is None:
        return []
    posts = list(proposal.thread.posts.select_related("author"))
    parents = dict(CommentReply.objects.filter(post__in=posts).values_list("post_id", "parent_id"))
    children: dict[int | None, list[Any]] = {}
    for post in posts:
        children.setdefault(parents.get(post.pk), []).append(post)
    ordered: list[tuple[Any, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for post in children.get(parent, []):
            ordered.append((post, min(depth, 4)))
            walk(post.pk, depth + 1)

    walk(None, 0)
    return ordered


def support_toggle(*, user: Any, proposal: Proposal) -> bool:
    """Support the proposal, or withdraw support; returns whether the user supports it."""
    deleted, _rows = Support.objects.filter(proposal=proposal, user=user).delete()
    if deleted:
        return False
    Support.objects.create(proposal=proposal, user=user)
    return True


# --- Decisions ----------------------------------------------------------------------


def decision_create(
    *,
    creator: Any,
    process: Process,
    proposal: Proposal | None,
    title: str,
    details: str,
    closes_at: Any,
    quorum: int,
    base_url: str = "",
) -> Decision:
    decision = Decision.objects.create(
        process=process,
        proposal=proposal,
        title=title,
        details=details,
        closes_at=closes_at,
        quorum=quorum,
        created_by=creator,
    )
    audit_record(actor=creator, action="positions.decision_create", target=decision)
    notify_later(
        process=process, kind="decision", pk=decision.pk, author=creator, base_url=base_url
    )
    return decision


def position_take(*, user: Any, decision: Decision, choice: str, reason: str) -> Position:
    """Record the user's position; one per person, only while the decision is open."""
    if not decision.is_open:
        raise NotAllowed(_("This decision is closed."), "closed")
    if choice not in Decision.Choice.values:
        raise NotAllowed(_("Choose a position."))
    if choice == Decision.Choice.BLOCK and not reason.strip():
        raise NotAllowed(_("A block needs a reason."))
    try:
        with transaction.atomic():
            return Position.objects.create(
                decision=decision, user=user, choice=choice, reason=reason.strip()
            )
    except IntegrityError:
        raise NotAllowed(
            _("You have already taken a position on this decision."), "twice"
        ) from None


def decision_summary(decision: Decision) -> dict[str, Any]:
    tally = decision.tally()
    total = sum(tally.values())
    return {
        "tally": tally,
        "total": total,
        "quorum_reached": total >= decision.quorum,
        "blocked": tally[Decision.Choice.BLOCK] > 0,
    }


def decision_outcome_record(
    *, facilitator: Any, decision: Decision, statement: str, base_url: str = ""
) -> Decision:
    """The facilitator closes the decision with an outcome statement; participants get mail."""
    if decision.outcome_recorded_at is not None:
        raise NotAllowed(_("The outcome has already been recorded."))
    with transaction.atomic():
        decision.outcome = statement.strip()
        decision.outcome_recorded_at = timezone.now()
        decision.save(update_fields=["outcome", "outcome_recorded_at"])
        audit_record(actor=facilitator, action="positions.outcome_record", target=decision)
    transaction.on_commit(
        lambda: tasks.enqueue(
            notify_outcome,
            label=f"positions: outcome of decision {decision.pk}",
            decision_id=decision.pk,
            base_url=base_url,
            actor_id=facilitator.pk,
        )
    )
    return decision


@tasks.task
def notify_outcome(
    progress: Any, *, decision_id: int, base_url: str = "", actor_id: int | None = None
) -> dict[str, int]:
    """Mail the outcome to the process's participants, each in their own language."""
    decision = Decision.objects.select_related("process").get(pk=decision_id)
    summary = decision_summary(decision)
    return _mail_participants(
        progress,
        process=decision.process,
        template="outcome",
        context={"decision": decision, "summary": summary},
        url=f"{base_url}{decision.get_absolute_url()}",
        base_url=base_url,
        also=[p.user for p in decision.positions.select_related("user")],
        exclude=actor_id,
    )


# --- Notifications ------------------------------------------------------------------

MUTE_SALT = "horizont.positions.mute"


def recipients(process: Process, also: list[Any] | None = None) -> list[Any]:
    """Who hears of new decisions, polls and outcomes: accounts that are active members of
    the process's initiatives or that took part under their name (proposals, support,
    positions, named ballots), plus ``also``; without those who muted the
    process. Guests and pseudonymous statement votes are never traced back to anyone."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    users = get_user_model().objects.filter(is_active=True)
    initiatives = [process.initiative_id, *process.partners.values_list("pk", flat=True)]
    took_part = (
        Q(memberships__initiative_id__in=initiatives, memberships__status="active")
        | Q(positions_proposals__process=process)
        | Q(positions_supports__proposal__process=process)
        | Q(positions_positions__decision__process=process)
        | Q(positions_ballots__poll__process=process)
    )
    chosen = {u.pk: u for u in users.filter(took_part).distinct()}
    for user in also or []:
        if user is not None and user.is_active:
            chosen.setdefault(user.pk, user)
    muted = set(Mute.objects.filter(process=process).values_list("user_id", flat=True))
    return [user for pk, user in sorted(chosen.items()) if pk not in muted]


def mute_token(*, process: Process, user: Any) -> str:
    return signing.dumps({"p": process.pk, "u": user.pk}, salt=MUTE_SALT)


def mute_from_token(*, process: Process, token: str) -> Any:
    """The account a mute link was made for, or ``None`` (links do not expire)."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=MUTE_SALT)
    except signing.BadSignature:
        return None
    if data.get("p") != process.pk:
        return None
    return get_user_model().objects.filter(pk=data.get("u")).first()


def mute(*, process: Process, user: Any) -> None:
    Mute.objects.get_or_create(process=process, user=user)


def _mail_participants(
    progress: Any,
    *,
    process: Process,
    template: str,
    context: dict[str, Any],
    url: str,
    base_url: str,
    also: list[Any] | None = None,
    exclude: int | None = None,
) -> dict[str, int]:
    people = [u for u in recipients(process, also) if u.pk != exclude]
    sent = 0
    for done, user in enumerate(people):
        mute_url = base_url + reverse(
            "positions:mute", args=[process.slug, mute_token(process=process, user=user)]
        )
        with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            full = {
                **context,
                "process": process,
                "title": process.text(translation.get_language())["title"],
                "url": url,
                "mute_url": mute_url,
            }
            subject = render_to_string(f"positions/email/{template}_subject.txt", full)
            body = render_to_string(f"positions/email/{template}.txt", full)
        sent += send_mail(" ".join(subject.split()), body, None, [user.email], fail_silently=True)
        progress.update(done + 1, len(people))
    return {"sent": sent}


def notify_later(*, process: Process, kind: str, pk: int, author: Any, base_url: str = "") -> None:
    """After the commit, mail the participants of ``process`` about a new decision or poll."""
    transaction.on_commit(
        lambda: tasks.enqueue(
            notify_new,
            label=f"positions: new {kind} {pk}",
            kind=kind,
            pk=pk,
            author_id=getattr(author, "pk", None),
            base_url=base_url,
        )
    )


@tasks.task
def notify_new(
    progress: Any, *, kind: str, pk: int, author_id: int | None = None, base_url: str = ""
) -> dict[str, int]:
    """Mail the participants of a process that a decision or a poll was opened."""
    model = Decision if kind == "decision" else Poll
    item = model.objects.select_related("process").get(pk=pk)
    return _mail_participants(
        progress,
        process=item.process,
        template=f"new_{kind}",
        context={"item": item},
        url=f"{base_url}{item.get_absolute_url()}",
        base_url=base_url,
        exclude=author_id,
    )


# --- Reports and moderation ---------------------------------------------------------


def _audit_names(content: str) -> moderation.AuditNames:
    return moderation.AuditNames(
        hide=f"positions.{content}_hide",
        restore=f"positions.{content}_restore",
        dismiss=f"positions.{content}_reports_dismiss",
    )


#: Reports go through ``horizont.core.moderation``; these are the audit entries here.
AUDIT_NAMES = {Proposal: _audit_names("proposal"), Statement: _audit_names("statement")}


# --- Polls --------------------------------------------------------------------------


def poll_create(
    *, creator: Any, process: Process, options: list[str], base_url: str = "", **fields: Any
) -> Poll:
    """A poll with its options, in the given order."""
    from horizont.positions.models import PollOption

    with transaction.atomic():
        poll = Poll.objects.create(process=process, **fields)
        PollOption.objects.bulk_create(
            PollOption(poll=poll, label=label, position=i) for i, label in enumerate(options)
        )
        audit_record(actor=creator, action="positions.poll_create", target=poll)
    notify_later(process=process, kind="poll", pk=poll.pk, author=creator, base_url=base_url)
    return poll


def ballot_cast(*, user: Any, poll: Poll, answer: list[Any], text: str = "") -> Ballot:
    """Check and store one ballot; the checks raise :class:`NotAllowed` with the reason."""
    if not poll.is_open:
        raise NotAllowed(_("This poll is closed."), "closed")
    n = poll.options.count()
    try:
        if poll.kind == Poll.Kind.SINGLE:
            if len(answer) != 1:
                raise voting.BallotError("one option")
            voting.count_single(np.array(answer), n)
        elif poll.kind == Poll.Kind.MULTIPLE:
            chosen = np.zeros((1, n), dtype=bool)
            if not answer or len(set(answer)) != len(answer) or min(answer) < 0 or max(answer) >= n:
                raise voting.BallotError("choices")
            chosen[0, answer] = True
            voting.count_multiple(chosen, poll.max_choices or None)
        elif poll.kind == Poll.Kind.RANKED:
            voting.check_ranking(answer, n)
        elif poll.kind == Poll.Kind.SCORE:
            scores = np.array([np.nan if s is None else s for s in answer], dtype=float)
            if len(answer) != n or np.isnan(scores).all():
                raise voting.BallotError("scores")
            voting.count_scores(scores[None, :], 0, poll.score_max)
        elif not text.strip():
            raise voting.BallotError("text")
    except voting.BallotError as error:
        messages = {
            "repeated option": _("Each option can be ranked only once."),
            "too many options chosen": _("You chose more options than allowed."),
            "score out of range": _("A score is outside the allowed range."),
        }
        raise NotAllowed(messages.get(str(error), _("This answer is not valid."))) from None
    try:
        with transaction.atomic():
            return Ballot.objects.create(
                poll=poll,
                voter_key=ballot_key(poll=poll, user=user),
                voter=None if poll.anonymous or isinstance(user, Guest) else user,
                answer=answer,
                text=text.strip() if poll.kind == Poll.Kind.TEXT else "",
            )
    except IntegrityError:
        raise NotAllowed(_("You have already answered this poll."), "twice") from None


def poll_results(poll: Poll) -> dict[str, Any]:
    """The counted results of a poll, ready for the page and the CSV file."""
    options = [option.label for option in poll.options.all()]
    answers = [b.answer for b in poll.ballots.all()]
    n = len(options)
    result: dict[str, Any] = {"options": options, "ballots": len(answers), "kind": poll.kind}
    if poll.kind == Poll.Kind.SINGLE:
        result["tally"] = voting.count_single(np.array([a[0] for a in answers], dtype=int), n)
    elif poll.kind == Poll.Kind.MULTIPLE:
        chosen = np.zeros((len(answers), n), dtype=bool)
        for row, answer in enumerate(answers):
            chosen[row, answer] = True
        result["tally"] = voting.count_multiple(chosen)
    elif poll.kind == Poll.Kind.RANKED:
        array = voting.ranked_array(answers, n)
        result["runoff"] = voting.instant_runoff(array, n)
        result["schulze"] = voting.schulze(array, n)
    elif poll.kind == Poll.Kind.SCORE:
        scores = np.array(
            [[np.nan if s is None else s for s in a] for a in answers], dtype=float
        ).reshape(len(answers), n)
        result["scores"] = voting.count_scores(scores, 0, poll.score_max)
    else:
        result["texts"] = [b.text for b in poll.ballots.order_by("?")]
    return result


def poll_csv(poll: Poll) -> str:
    """Every ballot as a row; the voter's name only for named polls."""
    options = [option.label for option in poll.options.all()]
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    header = ["ballot"] + ([] if poll.anonymous else ["voter"])
    if poll.kind == Poll.Kind.TEXT:
        header.append("answer")
    elif poll.kind == Poll.Kind.RANKED:
        header += [f"rank {i + 1}" for i in range(len(options))]
    else:
        header += options
    writer.writerow(header)
    ballots = poll.ballots.select_related("voter").order_by("pk")
    if poll.anonymous:
        ballots = ballots.order_by("voter_key")  # no order of arrival for anonymous polls
    for number, ballot in enumerate(ballots, start=1):
        row: list[Any] = [number]
        if not poll.anonymous:
            row.append(str(ballot.voter) if ballot.voter else "")
        if poll.kind == Poll.Kind.TEXT:
            row.append(ballot.text)
        elif poll.kind == Poll.Kind.RANKED:
            ranked = [options[i] for i in ballot.answer]
            row += ranked + [""] * (len(options) - len(ranked))
        elif poll.kind == Poll.Kind.SCORE:
            row += ["" if s is None else s for s in ballot.answer]
        else:
            row += [1 if i in ballot.answer else 0 for i in range(len(options))]
        writer.writerow(row)
    return out.getvalue()


# --- Opinion map --------------------------------------------------------------------


def statement_add(*, user: Any, process: Process, text: str) -> Statement:
    problem = opinion.statement_problem(text)
    if problem == "long":
        raise NotAllowed(
            _("A statement has at most %(n)d characters.") % {"n": opinion.MAX_STATEMENT_LENGTH}
        )
    if problem == "link":
        raise NotAllowed(_("A statement cannot contain links."))
    if problem == "empty":
        raise NotAllowed(_("Write a statement."))
    return Statement.objects.create(
        process=process,
        author_key=participant_key(process=process, user=user),
        text=" ".join(text.split()),
    )


#: One statement records a vote: it inserts only when the statement belongs to the process
#: and is not hidden, and the unique constraint turns a second vote into no row (no error,
#: so no savepoint inside a transaction). The hottest write of the app: one round trip.
_VOTE_INSERT = """
INSERT INTO {vote} (statement_id, participant_key, value, created_at)
SELECT id, %s, %s, %s FROM {statement}{durability}
WHERE id = %s AND process_id = %s AND NOT is_hidden
ON CONFLICT (statement_id, participant_key) DO NOTHING
RETURNING id
"""
#: On PostgreSQL, outside a transaction, the vote's own (one-statement) transaction
#: commits without waiting for the write-ahead log to reach the disk: the effect of
#: ``SET LOCAL synchronous_commit TO OFF``, set with ``set_config(…, true)`` inside the
#: statement so that it costs no extra round trip and ends with the statement. PostgreSQL's
#: documented trade-off: after a crash of the database server (not of the web process) the
#: votes of the last moment — at most about three times ``wal_writer_delay``, 0.6 s by
#: default — can be lost; the database is never corrupted and never holds half a vote, and
#: every other write keeps waiting for the disk. Measured on the 2-core test machine, the
#: wait for the disk was the largest part of a vote's time (docs/positions.md, "Figures").
_ASYNC_COMMIT = " CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS durability"


def statement_vote_record(
    *, user: Any, process: Process, statement_id: int, value: int
) -> StatementVote:
    """Record ``user``'s vote on statement ``statement_id`` of ``process``.

    Raises :class:`Statement.DoesNotExist` when the process has no such statement and
    :class:`NotAllowed` (hidden statement, second vote, bad value); nothing is saved then.
    """
    if value not in StatementVote.Value.values:
        raise NotAllowed(_("Choose agree, disagree or pass."))
    if not 0 < statement_id < 2**63:  # no such row; a database could not even compare it
        raise Statement.DoesNotExist
    key = participant_key(process=process, user=user)
    created_at = timezone.now()
    asynchronous = connection.vendor == "postgresql" and not connection.in_atomic_block
    sql = _VOTE_INSERT.format(
        vote=StatementVote._meta.db_table,
        statement=Statement._meta.db_table,
        durability=_ASYNC_COMMIT if asynchronous else "",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [key, value, connection.ops.adapt_datetimefield_value(created_at),
             statement_id, process.pk],
        )  # fmt: skip
        row = cursor.fetchone()
    if row is None:
        # Nothing inserted: say why (a second query, on the refused path only).
        statement = Statement.objects.only("is_hidden").get(pk=statement_id, process=process)
        if statement.is_hidden:
            raise NotAllowed(_("This statement has been hidden by a moderator."))
        raise NotAllowed(_("You have already voted on this statement."), "twice")
    return StatementVote(
        pk=row[0],
        statement_id=statement_id,
        participant_key=key,
        value=value,
        created_at=created_at,
    )


def statement_vote(*, user: Any, statement: Statement, value: int) -> StatementVote:
    return statement_vote_record(
        user=user, process=statement.process, statement_id=statement.pk, value=value
    )


def statement_next(*, user: Any, process: Process) -> Statement | None:
    """The statement to offer next: informative, not yet voted on, not one's own."""
    return statement_offer(user=user, process=process)[0]


#: The next statement is drawn among this many of the highest priority left.
OFFER_SPREAD = 3


#: The few statements of highest priority that the participant neither wrote nor voted on,
#: walked in the order of the ``positions_statement_offer`` index, and her vote count.
_OFFER = """
SELECT s.id, s.text, s.priority, (
    SELECT COUNT(*) FROM {vote} v INNER JOIN {statement} w ON w.id = v.statement_id
    WHERE v.participant_key = %s AND w.process_id = %s
)
FROM {statement} s
WHERE s.process_id = %s AND NOT s.is_hidden AND s.author_key <> %s
AND NOT EXISTS (
    SELECT 1 FROM {vote} m WHERE m.statement_id = s.id AND m.participant_key = %s
)
ORDER BY s.priority DESC, s.id
LIMIT %s
"""


def statement_offer(*, user: Any, process: Process) -> tuple[Statement | None, int]:
    """The statement to offer next and how many statements ``user`` has voted on.

    One query (written out: building it through the ORM cost more CPU than running it):
    the few statements of highest stored priority that ``user`` neither wrote nor voted on
    and, alongside, the count of ``user``'s votes, so the page costs the same with a
    hundred votes or a million. The priorities are those of the last computation of the
    map (at most ``MAP_REFRESH_SECONDS`` old while votes arrive); a new statement starts
    with the priority of one without votes. Which of the best few is offered is fixed by
    the participant's pseudonym (:func:`opinion.next_statement`), so that not everyone
    votes in the same order."""
    key = participant_key(process=process, user=user)
    sql = _OFFER.format(vote=StatementVote._meta.db_table, statement=Statement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, process.pk, process.pk, key, key, OFFER_SPREAD])
        rows = cursor.fetchall()
    if not rows:
        voted = StatementVote.objects.filter(participant_key=key, statement__process=process)
        return None, voted.count()
    priorities = np.array([row[2] for row in rows], dtype=np.float64)
    index = opinion.next_statement(priorities, set(), seed=int(key[:8], 16), spread=OFFER_SPREAD)
    pk, text, _priority, count = rows[index or 0]
    return Statement(pk=pk, text=text, process=process), int(count)


def statement_priorities_store(*, statement_ids: list[int], what: Any, values: Any) -> None:
    """Store each statement's priority (see :func:`statement_offer`) from the votes the
    map was computed from (``what``: statement column per vote, ``values``: the votes)."""
    n = len(statement_ids)
    what = np.asarray(what, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    counts = [np.bincount(what[values == v], minlength=n) for v in (1, -1, 0)]
    priorities = opinion.statement_priority(*counts)
    # One prepared UPDATE per statement, sent as a batch (psycopg pipelines it): a tenth
    # of the CPU of ``bulk_update``'s CASE expressions, which would hold the GIL of a web
    # worker with the ``thread`` task backend.
    with transaction.atomic(), connection.cursor() as cursor:  # one commit, not one each
        cursor.executemany(
            f"UPDATE {Statement._meta.db_table} SET priority = %s WHERE id = %s",  # noqa: S608
            list(zip(priorities.tolist(), statement_ids, strict=True)),
        )


def _map_json(result: opinion.OpinionMap, keys: list[str], statement_ids: list[int]) -> dict:
    return {
        "participants": keys,
        "coordinates": [[round(float(x), 5), round(float(y), 5)] for x, y in result.coordinates],
        "labels": [int(v) for v in result.labels],
        "groups": [
            {
                "label": g.label,
                "size": g.size,
                "centre": list(g.centre),
                "representative": [
                    {
                        "statement": statement_ids[r.statement],
                        "direction": r.direction,
                        "share_in_group": r.share_in_group,
                        "share_outside": r.share_outside,
                    }
                    for r in g.representative
                ],
                "agree": {
                    str(statement_ids[s]): g.agree[s]
                    for s in range(len(statement_ids))
                    if g.voters[s]
                },
            }
            for g in result.groups
        ],
        "consensus": [statement_ids[s] for s in result.consensus],
        "silhouette": result.silhouette,
        "explained": list(result.explained),
        "statements": len(statement_ids),
    }


def map_from_json(data: dict[str, Any]) -> opinion.OpinionMap:
    """Rebuild what :func:`opinion.render_svg` needs from the stored result."""
    groups = tuple(
        opinion.Group(g["label"], g["size"], tuple(g["centre"]), (), (), ())  # type: ignore[arg-type]
        for g in data.get("groups", [])
    )
    coordinates = np.array(data.get("coordinates") or np.zeros((0, 2)), dtype=float).reshape(-1, 2)
    return opinion.OpinionMap(
        len(data.get("participants", [])),
        data.get("statements", 0),
        coordinates,
        np.array(data.get("labels", []), dtype=np.int64),
        groups,
        (),
        data.get("silhouette", 0.0),
        tuple(data.get("explained", (0.0, 0.0))),  # type: ignore[arg-type]
    )


def opinion_map_compute(*, process: Process) -> OpinionMapResult:
    """Turn the stored votes into the engine's arrays, compute the map and store it."""
    statement_ids = list(
        process.statements.filter(is_hidden=False).order_by("pk").values_list("pk", flat=True)
    )
    column = {pk: i for i, pk in enumerate(statement_ids)}
    keys: dict[str, int] = {}
    who: list[int] = []
    what: list[int] = []
    values: list[int] = []
    rows = StatementVote.objects.filter(statement_id__in=statement_ids).values_list(
        "participant_key", "statement_id", "value"
    )
    for key, statement_id, value in rows.order_by("pk").iterator(chunk_size=10_000):
        who.append(keys.setdefault(key, len(keys)))
        what.append(column[statement_id])
        values.append(value)
    statement_priorities_store(statement_ids=statement_ids, what=what, values=values)
    result = opinion.compute_map(
        np.array(who, dtype=np.int64),
        np.array(what, dtype=np.int64),
        np.array(values, dtype=np.int64),
        n_participants=len(keys),
        n_statements=len(statement_ids),
    )
    stored, _created = OpinionMapResult.objects.update_or_create(
        process=process,
        defaults={
            "data": _map_json(result, list(keys), statement_ids),
            "computed_at": timezone.now(),
        },
    )
    return stored


@tasks.task
def opinion_map_task(progress: Any, *, process_id: int) -> dict[str, Any]:
    process = Process.objects.get(pk=process_id)
    progress.update(0, 1, "computing")
    stored = opinion_map_compute(process=process)
    progress.update(1, 1, "done")
    return {"groups": len(stored.data["groups"]), "url": process.get_absolute_url() + "map/"}


MAP_REFRESH_SECONDS = 20


def opinion_map_refresh_later(
    *, process: Process, owner: Any = None, min_interval: int = MAP_REFRESH_SECONDS
) -> bool:
    """Recompute the map in the background, at most once per ``min_interval`` seconds and
    never while a computation is waiting or running (votes arrive in bursts; one
    computation covers all of them). Returns whether a computation was started."""
    from django.core.cache import cache

    from horizont.jobs.models import Job

    # Most votes stop here, without a query: one check per process per interval.
    if min_interval and not cache.add(f"positions:map-refresh:{process.pk}", 1, min_interval):
        return False
    name = tasks.task_name(opinion_map_task)
    busy = Job.objects.filter(
        name=name,
        arguments__process_id=process.pk,
        status__in=["queued", "running"],
        created_at__gt=timezone.now() - timedelta(minutes=10),  # a crashed job does not block
    )
    if busy.exists():
        return False
    stored = OpinionMapResult.objects.filter(process=process).only("computed_at").first()
    if stored is not None and (timezone.now() - stored.computed_at).total_seconds() < min_interval:
        return False
    tasks.enqueue(
        opinion_map_task,
        owner=owner,
        label=f"positions: opinion map {process.pk}",
        process_id=process.pk,
    )
    return True


def opinion_map_is_stale(process: Process) -> bool:
    """Whether votes arrived after the stored map was computed (or no map exists yet)."""
    stored = OpinionMapResult.objects.filter(process=process).only("computed_at").first()
    votes = StatementVote.objects.filter(statement__process=process)
    if stored is None:
        return votes.exists()
    return votes.filter(created_at__gt=stored.computed_at).exists()


def user_group(process: Process, user: Any) -> int | None:
    """Index of the user's group in the stored map, or ``None``."""
    stored = OpinionMapResult.objects.filter(process=process).first()
    if stored is None or not getattr(user, "is_authenticated", False):
        return None
    key = participant_key(process=process, user=user)
    try:
        index = stored.data["participants"].index(key)
    except ValueError:
        return None
    label = stored.data["labels"][index]
    for position, group in enumerate(stored.data["groups"]):
        if group["label"] == label:
            return position
    return None


# --- Data export and erasure --------------------------------------------------------


def user_positions_export(user: Any) -> dict[str, Any]:
    processes = list(Process.objects.all())
    keys = {participant_key(process=p, user=user): p for p in processes}
    return {
        "positions": {
            "proposals": [
                {
                    "process": p.process.slug,
                    "texts": p.texts,
                    "created_at": p.created_at.isoformat(),
                }
                for p in Proposal.objects.filter(author=user).select_related("process")
            ],
            "decision_positions": [
                {"decision": p.decision.title, "choice": p.choice, "reason": p.reason}
                for p in Position.objects.filter(user=user).select_related("decision")
            ],
            "statements": [
                {"process": keys[s.author_key].slug, "text": s.text}
                for s in Statement.objects.filter(author_key__in=list(keys))
            ],
            "statement_votes": [
                {"statement": v.statement.text, "value": v.value}
                for v in StatementVote.objects.filter(
                    participant_key__in=list(keys)
                ).select_related("statement")
            ],
            "reports": [
                {
                    "process": r.process.slug,
                    "target": r.proposal.text()["title"] if r.proposal else r.statement.text,
                    "reason": r.reason,
                    "status": r.status,
                }
                for r in Report.objects.filter(reporter=user).select_related(
                    "process", "proposal", "statement"
                )
            ],
            "muted_processes": list(
                Mute.objects.filter(user=user).values_list("process__slug", flat=True)
            ),
        }
    }


def user_positions_erase(user: Any) -> None:
    keys = [participant_key(process=p, user=user) for p in Process.objects.all()]
    StatementVote.objects.filter(participant_key__in=keys).delete()
    ballot_keys = [ballot_key(poll=p, user=user) for p in Poll.objects.all()]
    Ballot.objects.filter(voter_key__in=ballot_keys).update(voter=None)
    Report.objects.filter(reporter=user).update(reporter=None)
