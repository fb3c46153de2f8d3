"""Plots a person would rather look at than read (matplotlib; SVG or PNG bytes).

Every ``plot_*`` function takes a :class:`~horizont.forensics.report.Report`, a format
(``"svg"`` or ``"png"``) and a language for the axis labels, and returns bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from horizont.forensics.report import Report

_AXES: dict[str, dict[str, str]] = {
    "turnout": {"en": "Turnout, %", "ru": "Явка, %", "de": "Beteiligung, %", "pl": "Frekwencja, %"},
    "share": {
        "en": "Leader's share, %",
        "ru": "Доля лидера, %",
        "de": "Anteil des Spitzenreiters, %",
        "pl": "Wynik lidera, %",
    },
    "stations": {"en": "Stations", "ru": "Участков", "de": "Wahllokale", "pl": "Komisje"},
    "voters": {"en": "Voters", "ru": "Избирателей", "de": "Wahlberechtigte", "pl": "Wyborcy"},
    "null": {
        "en": "Expected by chance (±2 sd)",
        "ru": "Ожидается случайно (±2 ст. откл.)",
        "de": "Zufällig erwartet (±2 SA)",
        "pl": "Oczekiwane przypadkiem (±2 odch.)",
    },
    "observed": {"en": "Observed", "ru": "Наблюдается", "de": "Beobachtet", "pl": "Zaobserwowano"},
    "votes": {
        "en": "Votes, millions",
        "ru": "Голосов, млн",
        "de": "Stimmen, Mio.",
        "pl": "Głosy, mln",
    },
    "leader": {"en": "Leader", "ru": "Лидер", "de": "Spitzenreiter", "pl": "Lider"},
    "others": {
        "en": "Other parties",
        "ru": "Другие партии",
        "de": "Andere Parteien",
        "pl": "Inne partie",
    },
    "expected_leader": {
        "en": "Leader at the clean ratio",
        "ru": "Лидер при «чистом» соотношении",
        "de": "Spitzenreiter beim sauberen Verhältnis",
        "pl": "Lider przy czystej proporcji",
    },
    "excess_voters": {
        "en": "Voters at whole minus half percent turnout",
        "ru": "Избиратели: целые минус половинные проценты явки",
        "de": "Wähler: ganze minus halbe Prozent Beteiligung",
        "pl": "Wyborcy: pełne minus połówkowe procenty frekwencji",
    },
    "data": {"en": "Data", "ru": "Данные", "de": "Daten", "pl": "Dane"},
    "model": {"en": "Model", "ru": "Модель", "de": "Modell", "pl": "Model"},
    "null_draws": {
        "en": "Counts in 1,000 elections without manipulation",
        "ru": "Числа в выборах без манипуляций (симуляция)",
        "de": "Zahlen in Wahlen ohne Manipulation (Simulation)",
        "pl": "Liczby w wyborach bez manipulacji (symulacja)",
    },
}


def _t(key: str, lang: str) -> str:
    return _AXES[key].get(lang, _AXES[key]["en"])


def _figure(width: float, height: float, ncols: int = 1) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, axes


def _save(fig: Any, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def plot_comet(report: Report, fmt: str = "svg", lang: str = "en") -> bytes:
    """The turnout × leader-share density of voters (the "comet")."""
    d = report.distributions
    fig, ax = _figure(6.0, 5.0)
    image = np.log1p(d.comet.T)
    ax.imshow(
        image,
        origin="lower",
        extent=(0, 100, 0, 100),
        cmap="magma",
        aspect="auto",
        interpolation="nearest",
    )
    ax.set_xlabel(_t("turnout", lang))
    ax.set_ylabel(_t("share", lang))
    ax.set_xticks(range(0, 101, 10))
    ax.set_yticks(range(0, 101, 10))
    return _save(fig, fmt)


def plot_integer_peaks(report: Report, fmt: str = "svg", lang: str = "en") -> bytes:
    """0.1-point histograms of turnout and share, and the integer counts against the null."""
    d = report.distributions
    fig, axes = _figure(11.0, 3.6, ncols=3)
    centres = d.edges
    for ax, counts, label in (
        (axes[0], d.turnout_stations, "turnout"),
        (axes[1], d.share_stations, "share"),
    ):
        ax.plot(centres, counts, color="#333333", linewidth=0.6)
        whole = np.isclose(centres % 1.0, 0.0) | np.isclose(centres % 1.0, 1.0)
        ax.plot(centres[whole], counts[whole], "o", color="#c0392b", markersize=2.5)
        ax.set_xlim(30, 100)
        # the pile of 100 % stations would flatten everything else
        visible = counts[(centres >= 30) & (centres <= 99)]
        if visible.size and visible.max() > 0:
            ax.set_ylim(0, float(visible.max()) * 1.15)
        ax.set_xlabel(_t(label, lang))
        ax.set_ylabel(_t("stations", lang))
    ax = axes[2]
    cell = report.integer.cell("either", "stations")
    draws = report.integer.mc_counts.get("either/stations")
    low = cell.null_mean - 2 * cell.null_sd
    high = cell.null_mean + 2 * cell.null_sd
    if draws is not None and draws.size:
        ax.hist(draws, bins=30, color="#95a5a6")
    ax.axvspan(low, high, color="#3498db", alpha=0.25, label=_t("null", lang))
    ax.axvline(cell.observed, color="#c0392b", linewidth=2, label=_t("observed", lang))
    ax.set_xlabel(_t("null_draws", lang), fontsize=8)
    ax.set_yticks([])
    ax.legend(fontsize=7, loc="upper center")
    return _save(fig, fmt)


def plot_regions(report: Report, fmt: str = "svg", lang: str = "en", top: int = 20) -> bytes:
    """Regions ranked by excess voters at whole-percent turnout, with the null band."""
    ranking = report.regional.ranking[:top]
    fig, ax = _figure(8.0, 0.3 * max(len(ranking), 3) + 1.0)
    names = [r.region for r in ranking][::-1]
    values = np.array([r.excess_voters for r in ranking][::-1], dtype=float)
    spread = np.array([2 * r.null_sd for r in ranking][::-1])
    means = np.array([r.null_mean for r in ranking][::-1])
    y = np.arange(len(names))
    ax.barh(y, values, color="#c0392b")
    ax.errorbar(means, y, xerr=spread, fmt="|", color="#2c3e50", label=_t("null", lang))
    ax.set_yticks(y, names, fontsize=7)
    ax.set_xlabel(_t("excess_voters", lang))
    ax.legend(fontsize=7, loc="lower right")
    return _save(fig, fmt)


def plot_excess(report: Report, fmt: str = "svg", lang: str = "en") -> bytes:
    """Votes by turnout: leader, other parties, and the leader at the clean ratio."""
    ex = report.excess
    fig, ax = _figure(7.0, 4.0)
    x = ex.curve_turnout
    ax.plot(x, ex.curve_leader / 1e6, color="#c0392b", label=_t("leader", lang))
    ax.plot(x, ex.curve_others / 1e6, color="#2980b9", label=_t("others", lang))
    ax.plot(
        x,
        ex.curve_expected_leader / 1e6,
        color="#c0392b",
        linestyle="--",
        label=_t("expected_leader", lang),
    )
    above = x > ex.clean_turnout
    ax.fill_between(
        x[above],
        ex.curve_expected_leader[above] / 1e6,
        ex.curve_leader[above] / 1e6,
        color="#c0392b",
        alpha=0.2,
    )
    ax.axvline(ex.clean_turnout, color="#7f8c8d", linewidth=0.8)
    ax.set_xlabel(_t("turnout", lang))
    ax.set_ylabel(_t("votes", lang))
    ax.legend(fontsize=8)
    return _save(fig, fmt)


def plot_fingerprint(report: Report, fmt: str = "svg", lang: str = "en") -> bytes:
    """Observed turnout × share histogram of stations beside the fitted model's."""
    fp = report.fingerprint
    fig, axes = _figure(9.0, 4.0, ncols=2)
    top = float(max(fp.observed.max(), fp.model.max(), 1.0))
    for ax, data, title in ((axes[0], fp.observed, "data"), (axes[1], fp.model, "model")):
        ax.imshow(
            np.log1p(np.clip(data, 0, None)).T,
            origin="lower",
            extent=(0, 100, 0, 100),
            cmap="viridis",
            vmin=0,
            vmax=np.log1p(top),
            aspect="auto",
        )
        ax.set_title(_t(title, lang))
        ax.set_xlabel(_t("turnout", lang))
        ax.set_ylabel(_t("share", lang))
    return _save(fig, fmt)


PLOTS = {
    "comet": plot_comet,
    "integer": plot_integer_peaks,
    "regional": plot_regions,
    "excess": plot_excess,
    "fingerprint": plot_fingerprint,
}
