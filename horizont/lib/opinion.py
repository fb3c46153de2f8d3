"""Opinion map in the manner of Pol.is: groups of participants from agree/disagree votes.

No Django here. Votes come in as three parallel arrays (participant index, statement
index, value) with value ``1`` agree, ``-1`` disagree, ``0`` pass; a missing vote is simply
absent. :func:`compute_map` returns an :class:`OpinionMap`:

1. **Projection.** Each statement's mean over the votes present is subtracted, so a
   missing vote counts as "average" (mean imputation) without ever building the dense
   matrix. The two leading principal components come from a truncated SVD of that
   sparse centred matrix. As in Pol.is, a participant's coordinates are scaled by
   ``sqrt(statements / statements she voted on)`` so that people who voted little are
   not all pulled into the middle.
2. **Groups.** k-means (k-means++ start, several seeds) for k = 2 … 5 on the map; the k
   with the best silhouette wins, among the k whose every group has at least
   ``min_group`` people. Participants with fewer than ``min_votes`` votes are placed on
   the map but do not shape the groups.
3. **What sets a group apart.** For each group and statement, the smoothed agree
   (disagree) rate inside the group is compared with the rate outside it
   (Pol.is "repness": ratio and a two-proportion z-score). The strongest few per group
   are its representative statements.
4. **Consensus.** Statements that more than half of the voters of *every* shown group
   agree with.

Groups smaller than ``min_group`` are never shown: their members get group ``-1`` and no
statistics are reported for them. Nothing individual leaves this module except each
participant's own coordinates and group (the caller decides what to show).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.linalg import ArpackError, ArpackNoConvergence, svds
from scipy.spatial.distance import cdist

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

AGREE, PASS, DISAGREE = 1, 0, -1
MAX_STATEMENT_LENGTH = 140
SILHOUETTE_SAMPLE = 2000


@dataclass(frozen=True)
class RepresentativeStatement:
    statement: int
    direction: int  # AGREE or DISAGREE: how the group differs
    share_in_group: float  # share of the group's voters on it who vote that way
    share_outside: float
    ratio: float
    z: float


@dataclass(frozen=True)
class Group:
    label: int
    size: int
    centre: tuple[float, float]
    agree: tuple[float, ...]  # per statement: share of the group's voters who agree
    voters: tuple[int, ...]  # per statement: how many of the group voted on it
    representative: tuple[RepresentativeStatement, ...]


@dataclass(frozen=True)
class OpinionMap:
    """The computed map. ``coordinates[i]`` and ``labels[i]`` belong to participant ``i``."""

    n_participants: int
    n_statements: int
    coordinates: FloatArray  # (participants, 2)
    labels: IntArray  # group per participant; -1: not in a shown group
    groups: tuple[Group, ...]
    consensus: tuple[int, ...]
    silhouette: float
    explained: tuple[float, float]  # share of variance per component


# --- Sparse vote matrix -------------------------------------------------------------


def vote_matrices(
    participants: IntArray, statements: IntArray, values: IntArray, shape: tuple[int, int]
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """The sparse ``participants × statements`` vote matrix and the matrix of which votes
    are present (a pass is a present 0); a later vote replaces an earlier one.

    One stable sort by (participant, statement) does it all: it drops replaced votes and
    leaves the entries in row order, so both CSR matrices are assembled directly.
    """
    participants = np.asarray(participants, dtype=np.int64)
    statements = np.asarray(statements, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    if np.any((values < -1) | (values > 1)):
        raise ValueError("vote values must be -1, 0 or 1")
    n, m = shape
    if len(participants) and (
        participants.min() < 0
        or participants.max() >= n
        or statements.min() < 0
        or statements.max() >= m
    ):
        raise ValueError("participant or statement index out of range")
    key = participants * m + statements
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    last = np.ones(len(ordered), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    keep = order[last]
    rows = participants[keep]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    indices = statements[keep]
    votes = sp.csr_matrix((values[keep].astype(np.float64), indices, indptr), shape=shape)
    seen = sp.csr_matrix((np.ones(len(keep)), indices.copy(), indptr.copy()), shape=shape)
    return votes, seen


def vote_matrix(
    participants: IntArray, statements: IntArray, values: IntArray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """The vote matrix of :func:`vote_matrices` alone."""
    return vote_matrices(participants, statements, values, shape)[0]


# --- k-means and silhouette on the 2-D map ------------------------------------------


def kmeans(
    points: FloatArray, k: int, *, seed: int = 0, restarts: int = 4, iterations: int = 100
) -> tuple[IntArray, FloatArray, float]:
    """Lloyd's k-means with k-means++ starts; returns labels, centres and inertia."""
    rng = np.random.default_rng(seed)
    n, dims = points.shape
    best: tuple[IntArray, FloatArray, float] | None = None
    for _restart in range(restarts):
        centres = np.empty((k, dims))
        centres[0] = points[rng.integers(n)]
        closest = cdist(points, centres[:1], "sqeuclidean")[:, 0]
        for c in range(1, k):
            total = closest.sum()
            index = rng.choice(n, p=closest / total) if total > 0 else rng.integers(n)
            centres[c] = points[index]
            closest = np.minimum(closest, cdist(points, centres[c : c + 1], "sqeuclidean")[:, 0])
        labels = np.zeros(n, dtype=np.int64)
        for step in range(iterations):
            new_labels = cdist(points, centres, "sqeuclidean").argmin(axis=1).astype(np.int64)
            if step and np.array_equal(new_labels, labels):
                break
            labels = new_labels
            counts = np.bincount(labels, minlength=k)
            for d in range(dims):
                sums = np.bincount(labels, weights=points[:, d], minlength=k)
                centres[:, d] = np.where(counts > 0, sums / np.maximum(counts, 1), centres[:, d])
        inertia = float(((points - centres[labels]) ** 2).sum())
        if best is None or inertia < best[2]:
            best = (labels, centres.copy(), inertia)
    assert best is not None
    return best


def silhouette(points: FloatArray, labels: IntArray, *, sample: int = SILHOUETTE_SAMPLE) -> float:
    """Mean silhouette; on a fixed random sample of ``sample`` points when there are more."""
    n = len(points)
    if n > sample:
        chosen = np.random.default_rng(1).choice(n, size=sample, replace=False)
        points, labels = points[chosen], labels[chosen]
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    distances = cdist(points, points)
    onehot = (labels[:, None] == groups[None, :]).astype(np.float64)
    sizes = onehot.sum(axis=0)
    sums = distances @ onehot  # (points, groups)
    own = np.searchsorted(groups, labels)
    own_size = sizes[own]
    a = sums[np.arange(len(points)), own] / np.maximum(own_size - 1, 1)
    others = sums / sizes[None, :]
    others[np.arange(len(points)), own] = np.inf
    b = others.min(axis=1)
    s = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(s.mean())


# --- The map ------------------------------------------------------------------------


def _projection(
    votes: sp.csr_matrix, seen: sp.csr_matrix
) -> tuple[FloatArray, tuple[float, float]]:
    n, m = votes.shape
    counts = np.asarray(seen.sum(axis=0)).ravel()
    sums = np.asarray(votes.sum(axis=0)).ravel()
    means = np.divide(sums, counts, out=np.zeros(m), where=counts > 0)
    # Centre only the entries present (``votes`` and ``seen`` share one sparsity pattern,
    # see :func:`vote_matrices`): a missing vote counts as the statement's mean.
    centred = sp.csr_matrix(
        (votes.data - means[votes.indices], votes.indices, votes.indptr), shape=votes.shape
    )
    # Nothing to spread (e.g. everybody voted alike, so every centred vote is 0): ARPACK
    # would refuse the all-zero matrix.
    if min(n, m) < 3 or not np.any(centred.data):
        return np.zeros((n, 2)), (0.0, 0.0)
    start = np.random.default_rng(0).uniform(-1.0, 1.0, size=min(n, m))
    try:
        u, s, vt = svds(centred, k=2, v0=start)
    except (ArpackError, ArpackNoConvergence):
        # A degenerate matrix (rank below 2 and the like): the dense route when it is
        # small enough, else no spread rather than no map.
        if n * m > 4_000_000:
            return np.zeros((n, 2)), (0.0, 0.0)
        _u, s_all, vt_all = np.linalg.svd(centred.toarray(), full_matrices=False)
        s, vt = s_all[:2], vt_all[:2]
    order = np.argsort(-s)
    s, vt = s[order], vt[order]
    # A fixed sign, so that recomputing with one more vote does not mirror the map.
    for row in range(2):
        if vt[row][np.argmax(np.abs(vt[row]))] < 0:
            vt[row] = -vt[row]
    coordinates = np.asarray(centred @ vt.T)
    voted = np.asarray(seen.sum(axis=1)).ravel()
    scale = np.sqrt(m / np.maximum(voted, 1))
    coordinates *= scale[:, None]
    total = float(centred.multiply(centred).sum())
    explained = (float(s[0] ** 2 / total), float(s[1] ** 2 / total)) if total > 0 else (0.0, 0.0)
    return coordinates, explained


def _choose_groups(points: FloatArray, min_group: int, max_groups: int) -> tuple[IntArray, float]:
    best_labels = np.zeros(len(points), dtype=np.int64)
    best_score = -1.0
    for k in range(2, max_groups + 1):
        if len(points) < k * min_group:
            break
        labels, _centres, _inertia = kmeans(points, k, seed=k)
        sizes = np.bincount(labels, minlength=k)
        if sizes.min() < min_group:
            continue
        score = silhouette(points, labels)
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels, max(best_score, 0.0)


def compute_map(
    participants: IntArray,
    statements: IntArray,
    values: IntArray,
    *,
    n_participants: int,
    n_statements: int,
    min_group: int = 5,
    max_groups: int = 5,
    min_votes: int = 7,
    representative_per_group: int = 5,
) -> OpinionMap:
    """Compute the opinion map from the votes; see the module docstring for the steps."""
    participants = np.asarray(participants, dtype=np.int64)
    statements = np.asarray(statements, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    shape = (n_participants, n_statements)
    votes, seen = vote_matrices(participants, statements, values, shape)
    coordinates, explained = _projection(votes, seen)
    voted = np.asarray(seen.sum(axis=1)).ravel()
    active = np.flatnonzero(voted >= min(min_votes, max(n_statements, 1)))
    labels = np.full(n_participants, -1, dtype=np.int64)
    score = 0.0
    if len(active) >= min_group:
        active_labels, score = _choose_groups(coordinates[active], min_group, max_groups)
        labels[active] = active_labels
        # Those who voted too little to shape the groups join the nearest group centre.
        centres = np.array(
            [coordinates[active][active_labels == g].mean(axis=0) for g in np.unique(active_labels)]
        )
        rest = np.flatnonzero((voted < min_votes) & (voted > 0))
        if len(rest):
            d = ((coordinates[rest][:, None, :] - centres[None]) ** 2).sum(axis=2)
            labels[rest] = d.argmin(axis=1)
    groups, labels = _describe_groups(
        votes, seen, labels, coordinates, min_group, representative_per_group
    )
    consensus = _consensus(groups)
    return OpinionMap(
        n_participants, n_statements, coordinates, labels, groups, consensus, score, explained
    )


def _describe_groups(
    votes: sp.csr_matrix,
    seen: sp.csr_matrix,
    labels: IntArray,
    coordinates: FloatArray,
    min_group: int,
    per_group: int,
) -> tuple[tuple[Group, ...], IntArray]:
    agree_matrix = (votes > 0).astype(np.float64)
    disagree_matrix = (votes < 0).astype(np.float64)
    shown = [g for g in np.unique(labels) if g >= 0 and (labels == g).sum() >= min_group]
    labels = np.where(np.isin(labels, shown), labels, -1)
    if not shown:
        return (), labels
    # Group indicator (groups × participants) times the vote matrices: all counts at once.
    indicator = sp.csr_matrix(
        (
            np.ones(int((labels >= 0).sum())),
            (np.searchsorted(shown, labels[labels >= 0]), np.flatnonzero(labels >= 0)),
        ),
        shape=(len(shown), len(labels)),
    )
    n_seen = np.asarray((indicator @ seen).todense())
    n_agree = np.asarray((indicator @ agree_matrix).todense())
    n_disagree = np.asarray((indicator @ disagree_matrix).todense())
    all_seen, all_agree, all_disagree = n_seen.sum(0), n_agree.sum(0), n_disagree.sum(0)
    groups: list[Group] = []
    for row, label in enumerate(shown):
        members = labels == label
        candidates: list[RepresentativeStatement] = []
        for direction, inside, total in (
            (AGREE, n_agree[row], all_agree),
            (DISAGREE, n_disagree[row], all_disagree),
        ):
            seen_in, seen_out = n_seen[row], all_seen - n_seen[row]
            outside = total - inside
            p_in = (1 + inside) / (2 + seen_in)
            p_out = (1 + outside) / (2 + seen_out)
            ratio = p_in / p_out
            pooled = (inside + outside) / np.maximum(seen_in + seen_out, 1)
            spread = np.sqrt(
                np.maximum(pooled * (1 - pooled), 1e-9)
                * (1 / np.maximum(seen_in, 1) + 1 / np.maximum(seen_out, 1))
            )
            z = (inside / np.maximum(seen_in, 1) - outside / np.maximum(seen_out, 1)) / spread
            # Pol.is keeps statements the group leans to (p_in > 1/2) and that are
            # significantly more typical of it than of the rest (z > 1.28, 90 %).
            keep = np.flatnonzero((p_in > 0.5) & (z > 1.2816) & (seen_in >= 2))
            for s in keep:
                candidates.append(
                    RepresentativeStatement(
                        int(s),
                        direction,
                        round(float(inside[s] / max(seen_in[s], 1)), 4),
                        round(float(outside[s] / max(seen_out[s], 1)), 4),
                        round(float(ratio[s]), 4),
                        round(float(z[s]), 3),
                    )
                )
        candidates.sort(key=lambda r: (-r.ratio * r.z, r.statement))
        share = np.divide(
            n_agree[row], n_seen[row], out=np.zeros_like(n_agree[row]), where=n_seen[row] > 0
        )
        centre = coordinates[members].mean(axis=0)
        groups.append(
            Group(
                label=int(label),
                size=int(members.sum()),
                centre=(float(centre[0]), float(centre[1])),
                agree=tuple(round(float(x), 4) for x in share),
                voters=tuple(int(x) for x in n_seen[row]),
                representative=tuple(candidates[:per_group]),
            )
        )
    return tuple(groups), labels


def _consensus(groups: tuple[Group, ...], min_voters: int = 3) -> tuple[int, ...]:
    if not groups:
        return ()
    agree = np.array([g.agree for g in groups])
    voters = np.array([g.voters for g in groups])
    every = np.all((agree > 0.5) & (voters >= min_voters), axis=0)
    strength = agree.min(axis=0)
    chosen = np.flatnonzero(every)
    return tuple(int(s) for s in chosen[np.argsort(-strength[chosen], kind="stable")])


# --- Which statement to offer next --------------------------------------------------


def statement_priority(agree: IntArray, disagree: IntArray, passes: IntArray) -> FloatArray:
    """How much a vote on each statement would teach the map; higher first.

    Following Pol.is: statements people engage with (few passes) and that divide them
    (agree and disagree both common) are informative, and new statements with few votes
    get a boost that fades as votes arrive, so every statement is seen early on.
    """
    a = np.asarray(agree, dtype=np.float64)
    d = np.asarray(disagree, dtype=np.float64)
    p = np.asarray(passes, dtype=np.float64)
    seen = a + d + p
    engaged = (a + d + 1) / (seen + 2)
    leaning = (a + 1) / (a + d + 2)
    divides = 4 * leaning * (1 - leaning)
    novelty = 1 + 8 * np.power(2.0, -seen / 5)
    result: FloatArray = (engaged * (0.25 + divides) * novelty) ** 2
    return result


def next_statement(
    priorities: FloatArray, excluded: set[int], *, seed: int = 0, spread: int = 3
) -> int | None:
    """The next statement to offer: one of the ``spread`` highest-priority ones left.

    A little chance between the best few (fixed by ``seed``, e.g. the participant's id)
    keeps everyone from voting on the same statements in the same order.
    """
    order = [int(i) for i in np.argsort(-priorities, kind="stable") if int(i) not in excluded]
    if not order:
        return None
    top = order[: max(spread, 1)]
    return top[np.random.default_rng(seed).integers(len(top))]


# --- Checking statements ------------------------------------------------------------


LINK_HINTS = ("http://", "https://", "www.", "://", "t.me/", ".onion")
_DOMAIN_ENDINGS = (".com", ".ru", ".org", ".net", ".de", ".pl", ".by", ".io", ".info", ".me")


def statement_problem(text: str) -> str | None:
    """``None`` when ``text`` is a fine statement, else ``"empty"``, ``"long"`` or ``"link"``."""
    stripped = " ".join(text.split())
    if not stripped:
        return "empty"
    if len(stripped) > MAX_STATEMENT_LENGTH:
        return "long"
    lowered = stripped.lower()
    if any(hint in lowered for hint in LINK_HINTS):
        return "link"
    for word in lowered.split():
        word = word.strip(".,;:!?()\"'«»")
        if any(word.endswith(ending) or f"{ending}/" in word for ending in _DOMAIN_ENDINGS):
            if "." in word[:-1] and not word.startswith("."):
                return "link"
    return None


# --- Drawing ------------------------------------------------------------------------


PALETTE = ("#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d68910")


def render_svg(
    result: OpinionMap,
    *,
    width: int = 480,
    height: int = 360,
    highlight: int | None = None,
    title: str = "",
    group_names: tuple[str, ...] = (),
) -> str:
    """The map as a self-contained SVG: a dot per participant of a shown group, a label
    per group; ``highlight`` (a participant index) is drawn as a ring ("you")."""
    margin = 24
    shown = result.labels >= 0
    points = result.coordinates
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff" stroke="#cccccc"/>',
    ]
    if shown.any():
        xs, ys = points[shown, 0], points[shown, 1]
        x0, x1 = float(xs.min()), float(xs.max())
        y0, y1 = float(ys.min()), float(ys.max())
        sx = (width - 2 * margin) / (x1 - x0 or 1.0)
        sy = (height - 2 * margin) / (y1 - y0 or 1.0)

        def place(x: float, y: float) -> tuple[float, float]:
            return margin + (x - x0) * sx, height - margin - (y - y0) * sy

        for index in np.flatnonzero(shown):
            x, y = place(float(points[index, 0]), float(points[index, 1]))
            colour = PALETTE[int(result.labels[index]) % len(PALETTE)]
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}" fill-opacity="0.55"/>'
            )
        for position, group in enumerate(result.groups):
            x, y = place(*group.centre)
            name = group_names[position] if position < len(group_names) else str(group.label)
            colour = PALETTE[group.label % len(PALETTE)]
            parts.append(
                f'<text x="{x:.1f}" y="{y:.1f}" font-size="14" font-family="sans-serif" '
                f'font-weight="bold" fill="{colour}" stroke="#ffffff" stroke-width="3" '
                f'paint-order="stroke" text-anchor="middle">{escape(name)} ({group.size})</text>'
            )
        if highlight is not None and 0 <= highlight < len(points) and shown[highlight]:
            x, y = place(float(points[highlight, 0]), float(points[highlight, 1]))
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="#000000" '
                f'stroke-width="2"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def summary_line(result: OpinionMap) -> str:
    """A one-line description for logs and the command line."""
    sizes = ", ".join(str(g.size) for g in result.groups)
    return (
        f"{result.n_participants} participants, {result.n_statements} statements, "
        f"{len(result.groups)} groups ({sizes}), {len(result.consensus)} consensus, "
        f"silhouette {result.silhouette:.2f}, explained "
        f"{result.explained[0]:.2f}+{result.explained[1]:.2f}"
    )


def simulate(
    n_participants: int,
    n_statements: int,
    *,
    density: float = 0.3,
    groups: int = 2,
    consensus: int = 3,
    seed: int = 0,
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Simulated votes for demos, tests and benchmarks.

    Participants belong to ``groups`` camps of equal size; on each statement every camp
    leans to agree or to disagree, except the first ``consensus`` statements, which every
    camp tends to agree with, while on every other statement the camps differ. Each vote
    is present with probability ``density``; one vote in ten is a pass and one in six
    goes against the camp. Returns participants, statements, values and the true camp of
    each participant.
    """
    rng = np.random.default_rng(seed)
    camp = np.arange(n_participants, dtype=np.int64) % max(groups, 1)
    leaning = rng.choice(np.array([-1, 1]), size=(max(groups, 1), n_statements))
    if groups == 1:
        leaning[:] = 1
    everyone = np.all(leaning > 0, axis=0)
    flip = np.flatnonzero(everyone)
    leaning[flip % max(groups, 1), flip] = -1  # only the first statements unite everyone
    leaning[:, : min(consensus, n_statements)] = 1
    total = n_participants * n_statements
    count = int(rng.binomial(total, density))
    cells = rng.choice(total, size=count, replace=False)
    who = cells // n_statements
    what = cells % n_statements
    values = leaning[camp[who], what].astype(np.int64)
    noise = rng.random(count)
    values = np.where(noise < 1 / 6, -values, values)
    values = np.where(noise > 0.9, 0, values)
    return who.astype(np.int64), what.astype(np.int64), values, camp


def render_png(result: OpinionMap, *, width: int = 960, height: int = 720) -> bytes:
    """The map as a PNG (for publications): a dot per participant of a shown group and a
    letter with the size of each group."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline="#cccccc")
    shown = result.labels >= 0
    if shown.any():
        margin = 40
        points = result.coordinates
        xs, ys = points[shown, 0], points[shown, 1]
        x0, x1, y0, y1 = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
        sx = (width - 2 * margin) / (x1 - x0 or 1.0)
        sy = (height - 2 * margin) / (y1 - y0 or 1.0)
        for index in np.flatnonzero(shown):
            x = margin + (float(points[index, 0]) - x0) * sx
            y = height - margin - (float(points[index, 1]) - y0) * sy
            colour = PALETTE[int(result.labels[index]) % len(PALETTE)]
            draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=colour)
        font = ImageFont.load_default(size=28)
        for position, group in enumerate(result.groups):
            x = margin + (group.centre[0] - x0) * sx
            y = height - margin - (group.centre[1] - y0) * sy
            label = f"{chr(ord('A') + position)} ({group.size})"
            draw.text(
                (x, y),
                label,
                fill=PALETTE[group.label % len(PALETTE)],
                font=font,
                anchor="mm",
                stroke_width=3,
                stroke_fill="#ffffff",
            )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
