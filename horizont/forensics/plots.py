"""Plots a person would rather look at than read, as SVG text drawn without matplotlib.

Every ``plot_*`` function takes a :class:`~horizont.forensics.report.Report` and a
language for the labels, and returns an SVG document (text) with a title and a
description for screen readers. The markup is written directly
(:mod:`horizont.forensics.drawing`; heat maps are embedded PNGs written with numpy), so a
plot takes milliseconds and needs no font files, cache folder or plotting library.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from horizont.forensics.drawing import (
    MAGMA,
    VIRIDIS,
    Axes,
    Figure,
    nice_ticks,
    text_width,
    tick_digits,
    xml_text,
)
from horizont.forensics.excess import MAX_PEAK, MIN_PEAK
from horizont.forensics.explanations import explanation
from horizont.forensics.sections import number

if TYPE_CHECKING:
    from horizont.forensics.drawing import FloatArray
    from horizont.forensics.report import Report

RED = "#c0392b"
BLUE = "#2980b9"

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
    "desc_comet": {
        "en": "Heat map of registered voters by turnout (across, 0 to 100 %) and the leader's "
        "share (up, 0 to 100 %); the brighter a cell, the more voters (logarithmic scale).",
        "ru": "Тепловая карта избирателей по явке (по горизонтали, от 0 до 100 %) и доле "
        "лидера (по вертикали, от 0 до 100 %); чем светлее клетка, тем больше избирателей "
        "(логарифмическая шкала).",
        "de": "Heatmap der Wahlberechtigten nach Beteiligung (waagerecht, 0 bis 100 %) und "
        "Anteil des Spitzenreiters (senkrecht, 0 bis 100 %); je heller ein Feld, desto mehr "
        "Wahlberechtigte (logarithmische Skala).",
        "pl": "Mapa cieplna wyborców według frekwencji (poziomo, od 0 do 100 %) i wyniku "
        "lidera (pionowo, od 0 do 100 %); im jaśniejsze pole, tym więcej wyborców (skala "
        "logarytmiczna).",
    },
    "desc_integer": {
        "en": "Stations by turnout and by the leader's share in steps of 0.1 point, whole "
        "percents marked in red. Right: {observed} stations at a whole percent, against "
        "{low} to {high} expected by chance.",
        "ru": "Участки по явке и по доле лидера с шагом 0,1 пункта, целые проценты отмечены "
        "красным. Справа: {observed} участков с целым процентом при ожидаемых случайно "
        "от {low} до {high}.",
        "de": "Wahllokale nach Beteiligung und nach Anteil des Spitzenreiters in Schritten "
        "von 0,1 Punkten, ganze Prozente rot markiert. Rechts: {observed} Wahllokale mit "
        "ganzen Prozenten, zufällig erwartet {low} bis {high}.",
        "pl": "Komisje według frekwencji i wyniku lidera w krokach co 0,1 punktu, pełne "
        "procenty zaznaczone na czerwono. Po prawej: {observed} komisji z pełnym procentem "
        "wobec oczekiwanych przypadkiem od {low} do {high}.",
    },
    "desc_regional": {
        "en": "Regions ranked by voters at whole minus half percent turnout (bars), with the "
        "range expected by chance (±2 sd) as whiskers.",
        "ru": "Регионы по числу избирателей на целых минус половинных процентах явки "
        "(столбцы), с диапазоном, ожидаемым случайно (±2 ст. откл.), в виде усов.",
        "de": "Regionen nach Wählern bei ganzen minus halben Prozent Beteiligung (Balken), "
        "mit dem zufällig erwarteten Bereich (±2 SA) als Fehlerbalken.",
        "pl": "Regiony według wyborców przy pełnych minus połówkowych procentach frekwencji "
        "(słupki), z zakresem oczekiwanym przypadkiem (±2 odch.) jako wąsy.",
    },
    "desc_excess": {
        "en": "Votes by turnout for the leader and the other parties; dashed, the leader's "
        "votes at the clean ratio above {turnout} turnout; the shaded gap is the excess.",
        "ru": "Голоса по явке за лидера и за другие партии; пунктир — голоса лидера при "
        "«чистом» соотношении выше явки {turnout}; закрашенный разрыв — избыток.",
        "de": "Stimmen nach Beteiligung für den Spitzenreiter und die anderen Parteien; "
        "gestrichelt die Stimmen des Spitzenreiters beim sauberen Verhältnis oberhalb von "
        "{turnout} Beteiligung; die schattierte Lücke ist der Überschuss.",
        "pl": "Głosy według frekwencji na lidera i na inne partie; linią przerywaną głosy "
        "lidera przy czystej proporcji powyżej frekwencji {turnout}; zacieniona luka to "
        "nadwyżka.",
    },
    "desc_fingerprint": {
        "en": "Two heat maps of stations by turnout (across) and the leader's share (up): "
        "the data and the fitted model, on the same colour scale.",
        "ru": "Две тепловые карты участков по явке (по горизонтали) и доле лидера (по "
        "вертикали): данные и подобранная модель, в одной цветовой шкале.",
        "de": "Zwei Heatmaps der Wahllokale nach Beteiligung (waagerecht) und Anteil des "
        "Spitzenreiters (senkrecht): die Daten und das angepasste Modell, gleiche Farbskala.",
        "pl": "Dwie mapy cieplne komisji według frekwencji (poziomo) i wyniku lidera "
        "(pionowo): dane i dopasowany model, w tej samej skali barw.",
    },
    # what a plot says where it has nothing to draw (an election of empty stations,
    # every turnout 100 %, no region left by the test's filter)
    "no_ballots": {
        "en": "No station reported ballots cast: there is nothing to draw.",
        "ru": "Ни один участок не сообщил о поданных бюллетенях: рисовать нечего.",
        "de": "Kein Wahllokal hat abgegebene Stimmzettel gemeldet: es gibt nichts darzustellen.",
        "pl": "Żadna komisja nie zgłosiła oddanych kart: nie ma czego narysować.",
    },
    "no_votes": {
        "en": "No station reported votes for any party: there is nothing to draw.",
        "ru": "Ни один участок не сообщил о голосах за партии: рисовать нечего.",
        "de": "Kein Wahllokal hat Stimmen für eine Partei gemeldet: es gibt nichts darzustellen.",
        "pl": "Żadna komisja nie zgłosiła głosów na partie: nie ma czego narysować.",
    },
    "no_test_stations": {
        "en": "No station meets the conditions of this test: there is nothing to compare.",
        "ru": "Ни один участок не отвечает условиям этого теста: сравнивать нечего.",
        "de": "Kein Wahllokal erfüllt die Bedingungen dieses Tests: es gibt nichts zu vergleichen.",
        "pl": "Żadna komisja nie spełnia warunków tego testu: nie ma czego porównać.",
    },
    "no_peak_line": {
        "en": "No clean turnout peak between {low} and {high} %: no expected line",
        "ru": "Нет «чистого» пика явки между {low} и {high} %: ожидаемой линии нет",
        "de": "Kein sauberer Beteiligungsgipfel zwischen {low} und {high} %: keine erwartete Linie",
        "pl": "Brak czystego szczytu frekwencji między {low} a {high} %: brak linii oczekiwanej",
    },
    "no_peak_model": {
        "en": "No clean turnout peak between {low} and {high} %: the model has no centre to "
        "start from.",
        "ru": "Нет «чистого» пика явки между {low} и {high} %: модели не от чего отталкиваться.",
        "de": "Kein sauberer Beteiligungsgipfel zwischen {low} und {high} %: das Modell hat "
        "keinen Mittelpunkt.",
        "pl": "Brak czystego szczytu frekwencji między {low} a {high} %: model nie ma punktu "
        "wyjścia.",
    },
    "desc_excess_no_peak": {
        "en": "Votes by turnout for the leader and the other parties. {note}.",
        "ru": "Голоса по явке за лидера и за другие партии. {note}.",
        "de": "Stimmen nach Beteiligung für den Spitzenreiter und die anderen Parteien. {note}.",
        "pl": "Głosy według frekwencji na lidera i na inne partie. {note}.",
    },
}


def _t(key: str, lang: str) -> str:
    return _AXES[key].get(lang, _AXES[key]["en"])


def _figure(width: int, height: int, name: str, lang: str, desc: str) -> Figure:
    return Figure(
        width, height, ident=f"plot-{name}", title=explanation(name, lang).title, desc=desc
    )


def _no_peak(key: str, lang: str) -> str:
    return _t(key, lang).format(low=number(MIN_PEAK, 0, lang), high=number(MAX_PEAK, 0, lang))


def _nothing(width: int, height: int, name: str, lang: str, message: str) -> str:
    """The plot ``name`` that has nothing to draw: an empty frame saying so."""
    fig = Figure(
        width, height, ident=f"plot-{name}", title=explanation(name, lang).title, desc=message
    )
    ax = fig.add(Axes(20, 15, width - 40, height - 30, (0.0, 1.0), (0.0, 1.0)))
    ax.note(message)
    return fig.svg()


def _ticks(
    axes: Axes,
    lang: str,
    *,
    x: str = "",
    y: str = "",
    xs: list[float] | None = None,
    ys: list[float] | None = None,
    x_size: int = 12,
) -> None:
    """Round ticks over the axes' limits (or ``xs``/``ys``), labelled in ``lang``."""
    xs = nice_ticks(*axes.xlim) if xs is None else xs
    ys = nice_ticks(*axes.ylim) if ys is None else ys
    axes.x_axis(xs, [number(v, tick_digits(xs), lang) for v in xs], x, x_size)
    axes.y_axis(ys, [number(v, tick_digits(ys), lang) for v in ys], y)


def _top(values: FloatArray, pad: float = 1.05) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) * pad if finite.size and finite.max() > 0 else 1.0


PERCENT_TICKS = [float(v) for v in range(0, 101, 10)]


def plot_comet(report: Report, lang: str = "en") -> str:
    """The turnout × leader-share density of voters (the "comet")."""
    d = report.distributions
    if not d.comet.sum() > 0:
        return _nothing(600, 500, "comet", lang, _t("no_ballots", lang))
    fig = _figure(600, 500, "comet", lang, _t("desc_comet", lang))
    ax = fig.add(Axes(78, 15, 502, 420, (0.0, 100.0), (0.0, 100.0)))
    ax.heat_map(np.log1p(d.comet), MAGMA)
    _ticks(ax, lang, x=_t("turnout", lang), y=_t("share", lang), xs=PERCENT_TICKS, ys=PERCENT_TICKS)
    return fig.svg()


def plot_integer_peaks(report: Report, lang: str = "en") -> str:
    """0.1-point histograms of turnout and share, and the integer counts against the null."""
    d = report.distributions
    if not d.turnout_stations.sum() > 0:
        return _nothing(1100, 360, "integer", lang, _t("no_ballots", lang))
    cell = report.integer.cell("either", "stations")
    low = cell.null_mean - 2 * cell.null_sd
    high = cell.null_mean + 2 * cell.null_sd
    desc = _t("desc_integer", lang).format(
        observed=number(cell.observed, 0, lang),
        low=number(low, 0, lang),
        high=number(high, 0, lang),
    )
    fig = _figure(1100, 360, "integer", lang, desc)
    centres = d.edges
    whole = np.isclose(centres % 1.0, 0.0) | np.isclose(centres % 1.0, 1.0)
    shown = (centres >= 30) & (centres <= 100)
    for left, counts, label in (
        (80, d.turnout_stations, "turnout"),
        (445, d.share_stations, "share"),
    ):
        # the pile of 100 % stations would flatten everything else (unless it is all)
        visible = counts[(centres >= 30) & (centres <= 99)]
        if not visible.max() > 0:
            visible = counts[shown]
        ax = fig.add(Axes(left, 15, 285, 285, (30.0, 100.0), (0.0, _top(visible, 1.15))))
        ax.line(centres[shown], counts[shown], "#333333", width=0.8)
        ax.dots(centres[whole & shown], counts[whole & shown], RED, radius=2.2)
        _ticks(ax, lang, x=_t(label, lang), y=_t("stations", lang))
    draws = report.integer.mc_counts.get("either/stations")
    values = [low, high, float(cell.observed)]
    if draws is not None and draws.size:
        values += [float(draws.min()), float(draws.max())]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.05 or 1.0
    counts, edges = (
        np.histogram(draws, bins=30)
        if draws is not None and draws.size
        else (np.zeros(0), np.zeros(1))
    )
    # headroom above the bars for the legend
    ylim = (0.0, _top(counts.astype(float), 1.5))
    ax = fig.add(Axes(805, 15, 275, 285, (lo - pad, hi + pad), ylim))
    if report.integer.n_stations == 0:
        ax.note(_t("no_test_stations", lang), size=11)
        return fig.svg()
    for count, a, b in zip(counts.tolist(), edges[:-1].tolist(), edges[1:].tolist(), strict=True):
        ax.box(a, b, 0.0, float(count), "#95a5a6")
    ax.span(low, high, "#3498db", 0.25)
    ax.vline(float(cell.observed), RED, width=2.0)
    xs = nice_ticks(*ax.xlim, count=4)
    ax.x_axis(xs, [number(v, tick_digits(xs), lang) for v in xs], _t("null_draws", lang), 10)
    ax.legend(
        [("patch", "#3498db", _t("null", lang)), ("line", RED, _t("observed", lang))], "top centre"
    )
    return fig.svg()


#: Characters of a region's name shown beside its bar: the label column must leave the
#: bars most of the picture.
REGION_LABEL = 48


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def plot_regions(report: Report, lang: str = "en", top: int = 20) -> str:
    """Regions ranked by excess voters at whole-percent turnout, with the null band."""
    ranking = report.regional.ranking[:top]
    if not ranking:
        return _nothing(800, 165, "regional", lang, _t("no_test_stations", lang))
    rows = max(len(ranking), 3)
    names = [_shortened(r.region, REGION_LABEL) for r in ranking]
    values = np.array([r.excess_voters for r in ranking], dtype=float)
    means = np.array([r.null_mean for r in ranking], dtype=float)
    spread = np.array([2 * r.null_sd for r in ranking], dtype=float)
    left = 24 + max((text_width(name, 10) for name in names), default=40.0)
    fig = _figure(800, 30 * rows + 75, "regional", lang, _t("desc_regional", lang))
    ends = np.concatenate([[0.0], values, means - spread, means + spread])
    ends = ends[np.isfinite(ends)]
    lo, hi = float(ends.min()), float(ends.max())
    pad = (hi - lo) * 0.05 or 1.0
    xlim = (lo - pad if lo < 0 else 0.0, hi + pad)
    ax = fig.add(Axes(left, 10, 780 - left, 30 * rows, xlim, (0.0, rows)))
    labels = []
    for rank, (value, mean, sd) in enumerate(zip(values, means, spread, strict=True)):
        centre = rows - rank - 0.5
        ax.box(0.0, float(value), centre - 0.4, centre + 0.4, RED)
        if np.isfinite(mean) and np.isfinite(sd):
            ax.whisker(float(mean - sd), float(mean + sd), centre, "#2c3e50")
        labels.append(centre)
    xs = nice_ticks(*ax.xlim)
    ax.x_axis(xs, [number(v, tick_digits(xs), lang) for v in xs], _t("excess_voters", lang))
    for centre, name in zip(labels, names, strict=True):
        ax.overlay.append(
            f'<text x="{left - 8:.1f}" y="{ax.y(centre) + 4:.1f}" text-anchor="end" '
            f'font-size="10">{xml_text(name)}</text>'
        )
    if ranking:
        ax.legend([("bar", "#2c3e50", _t("null", lang))], "bottom right")
    return fig.svg()


def plot_excess(report: Report, lang: str = "en") -> str:
    """Votes by turnout: leader, other parties, and the leader at the clean ratio."""
    ex = report.excess
    x = ex.curve_turnout
    leader, others, expected = (
        ex.curve_leader / 1e6,
        ex.curve_others / 1e6,
        ex.curve_expected_leader / 1e6,
    )
    if not (leader.sum() + others.sum()) > 0:
        return _nothing(700, 400, "excess", lang, _t("no_votes", lang))
    # no voters between MIN_PEAK and MAX_PEAK turnout (every station at 100 %): no clean
    # peak, so no clean ratio, no dashed line and no excess to shade
    peak = math.isfinite(ex.clean_turnout)
    if peak:
        turnout = f"{number(ex.clean_turnout, 1, lang)}\u00a0%"
        desc = _t("desc_excess", lang).format(turnout=turnout)
    else:
        desc = _t("desc_excess_no_peak", lang).format(note=_no_peak("no_peak_line", lang))
    fig = _figure(700, 400, "excess", lang, desc)
    highest = _top(np.concatenate([leader, others, expected]))
    ax = fig.add(
        Axes(80, 15 if peak else 30, 600, 320 if peak else 305, (0.0, 100.0), (0.0, highest))
    )
    entries = [("line", RED, _t("leader", lang)), ("line", BLUE, _t("others", lang))]
    if peak:
        above = x > ex.clean_turnout
        ax.area(x[above], expected[above], leader[above], RED)
        ax.vline(ex.clean_turnout, "#7f8c8d", width=0.8)
    else:
        ax.title(_no_peak("no_peak_line", lang))
    ax.line(x, leader, RED)
    ax.line(x, others, BLUE)
    if peak:
        ax.line(x, expected, RED, dashed=True)
        entries.append(("dashed", RED, _t("expected_leader", lang)))
    _ticks(ax, lang, x=_t("turnout", lang), y=_t("votes", lang))
    ax.legend(entries, "best")
    return fig.svg()


def plot_fingerprint(report: Report, lang: str = "en") -> str:
    """Observed turnout × share histogram of stations beside the fitted model's."""
    fp = report.fingerprint
    if fp.stations == 0:
        return _nothing(900, 385, "fingerprint", lang, _t("no_ballots", lang))
    desc = _t("desc_fingerprint", lang)
    if not fp.peak_found:
        desc = f"{desc} {_no_peak('no_peak_model', lang)}"
    fig = _figure(900, 385, "fingerprint", lang, desc)
    model = fp.model if fp.peak_found else np.zeros_like(fp.observed)
    top = float(np.log1p(max(float(fp.observed.max()), float(model.max()), 1.0)))
    for left, data, title in ((80, fp.observed, "data"), (525, fp.model, "model")):
        ax = fig.add(Axes(left, 30, 355, 300, (0.0, 100.0), (0.0, 100.0)))
        ax.title(_t(title, lang))
        if title == "model" and not fp.peak_found:
            ax.note(_no_peak("no_peak_model", lang), size=12)
            continue
        ax.heat_map(np.log1p(np.clip(data, 0, None)), VIRIDIS, top=top)
        _ticks(
            ax,
            lang,
            x=_t("turnout", lang),
            y=_t("share", lang),
            xs=PERCENT_TICKS[::2],
            ys=PERCENT_TICKS[::2],
        )
    return fig.svg()


PLOTS = {
    "comet": plot_comet,
    "integer": plot_integer_peaks,
    "regional": plot_regions,
    "excess": plot_excess,
    "fingerprint": plot_fingerprint,
}
