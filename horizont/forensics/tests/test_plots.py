"""The plots: SVG without matplotlib, accessible, in the reader's language, true to the data."""

from __future__ import annotations

import base64
import io
import math
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from horizont.forensics import build_report, render_html
from horizont.forensics.drawing import MAGMA, nice_ticks, png_rgb
from horizont.forensics.explanations import LANGUAGES, explanation
from horizont.forensics.model import Results
from horizont.forensics.plots import PLOTS
from horizont.forensics.report import Report
from horizont.forensics.tests.synthetic import clean_election, results_from, with_rounded_turnout

SVG = "{http://www.w3.org/2000/svg}"
AXIS_LABEL = {"en": "Turnout, %", "ru": "Явка, %", "de": "Beteiligung, %", "pl": "Frekwencja, %"}


@pytest.fixture(scope="module")
def report() -> Report:
    election, _ = with_rounded_turnout(clean_election(3000, seed=71), 0.03, seed=5)
    return build_report(election, mc_draws=100, fingerprint_bootstrap=3)


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def _heat_maps(root: ET.Element) -> list[tuple[ET.Element, np.ndarray]]:
    found = []
    for image in root.iter(f"{SVG}image"):
        href = image.get("href", "")
        assert href.startswith("data:image/png;base64,")
        picture = Image.open(io.BytesIO(base64.b64decode(href.split(",", 1)[1])))
        found.append((image, np.asarray(picture.convert("RGB"))))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plot_is_svg_with_a_title_a_description_and_labels_in_the_language(
    report: Report, lang: str
) -> None:
    for name, draw in PLOTS.items():
        svg = draw(report, lang)
        root = ET.fromstring(svg)  # well-formed
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        assert title is not None and title.text == explanation(name, lang).title
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        # no CSS and no scripts (the Content-Security-Policy), nothing from another host
        assert "<style" not in svg and " style=" not in svg and "<script" not in svg
        assert not re.search(r'href="(?!data:image/png;base64,)', svg)
        if name != "regional":
            assert AXIS_LABEL[lang] in _texts(root)
        if lang != "en":
            assert AXIS_LABEL["en"] not in svg


def test_comet_heat_map_is_brightest_where_most_voters_are(report: Report) -> None:
    root = ET.fromstring(PLOTS["comet"](report, "en"))
    (image, pixels), *_ = _heat_maps(root)
    height, width, _ = pixels.shape
    assert (width, height) == (float(image.get("width", 0)), float(image.get("height", 0)))
    comet = report.distributions.comet  # turnout bins × share bins, share upwards
    bins = comet.shape[0]
    turnout_bin, share_bin = np.unravel_index(np.argmax(comet), comet.shape)
    brightness = pixels.astype(int).sum(axis=2)
    row, column = np.unravel_index(np.argmax(brightness), brightness.shape)
    assert column * bins // width == turnout_bin
    assert (height - 1 - row) * bins // height == share_bin
    # an empty bin is the darkest colour of the map
    empty_turnout, empty_share = np.argwhere(comet == 0)[0]
    x = int((empty_turnout + 0.5) * width / bins)
    y = height - 1 - int((empty_share + 0.5) * height / bins)
    assert "#{:02x}{:02x}{:02x}".format(*pixels[y, x]) == MAGMA[0]


def test_integer_plot_marks_every_whole_percent_it_shows(report: Report) -> None:
    root = ET.fromstring(PLOTS["integer"](report, "de"))
    d = report.distributions
    whole = np.isclose(d.edges % 1.0, 0.0) & (d.edges >= 30) & (d.edges <= 100)
    visible = (d.turnout_stations[whole] <= 1.15 * d.turnout_stations[
        (d.edges >= 30) & (d.edges <= 99)
    ].max()).sum() + (d.share_stations[whole] <= 1.15 * d.share_stations[
        (d.edges >= 30) & (d.edges <= 99)
    ].max()).sum()  # fmt: skip
    assert len(list(root.iter(f"{SVG}circle"))) == visible
    cell = report.integer.cell("either", "stations")
    desc = root.find(f"{SVG}desc")
    assert desc is not None and f"{cell.observed:,.0f}".replace(",", ".") in (desc.text or "")


def test_regional_plot_names_the_regions_in_ranking_order(report: Report) -> None:
    texts = _texts(ET.fromstring(PLOTS["regional"](report, "ru")))
    names = [r.region for r in report.regional.ranking[:20]]
    assert names and [t for t in texts if t in names] == names


def test_region_names_with_markup_or_control_characters_stay_text(report: Report) -> None:
    """Region names come from the uploaded file: markup is escaped, and characters that
    XML forbids (a vertical tab from a spreadsheet cell) do not break the picture (a
    browser shows no image and the PDF cannot read an ill-formed SVG)."""
    first, second = report.regional.ranking[:2]
    ranking = (
        replace(first, region="<script>alert(1)</script> & co"),
        replace(second, region="North\x0bRegion\x00\x1f"),
        *report.regional.ranking[2:],
    )
    odd = replace(report, regional=replace(report.regional, ranking=ranking))
    svg = PLOTS["regional"](odd, "en")
    texts = _texts(ET.fromstring(svg))  # well-formed
    assert "<script>alert(1)</script> & co" in texts and "<script" not in svg
    assert "North Region" in [t.strip() for t in texts]


def test_a_long_region_name_is_shortened_and_leaves_room_for_the_bars(report: Report) -> None:
    """The label column grew with the longest name: from about 120 characters the bars
    got a negative width (no picture in a browser, and the PDF download failed)."""
    first, *others = report.regional.ranking
    long = "Constituency of the northern districts " * 4
    odd = replace(
        report,
        regional=replace(report.regional, ranking=(replace(first, region=long), *others)),
    )
    root = ET.fromstring(PLOTS["regional"](odd, "en"))
    assert all(float(r.get("width", 0)) >= 0 for r in root.iter(f"{SVG}rect"))
    (frame,) = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "none"]
    assert float(frame.get("width", 0)) > 300  # the bars keep most of the picture
    shown = [t for t in _texts(root) if t.startswith("Constituency")]
    assert len(shown) == 1 and shown[0].endswith("…") and len(shown[0]) < len(long)


def test_fingerprint_data_and_model_share_one_colour_scale(report: Report) -> None:
    root = ET.fromstring(PLOTS["fingerprint"](report, "pl"))
    maps = _heat_maps(root)
    assert len(maps) == 2
    assert {"Dane", "Model"} <= set(_texts(root))


def test_png_is_read_back_as_written() -> None:
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, size=(7, 11, 3), dtype=np.uint8)
    read = np.asarray(Image.open(io.BytesIO(png_rgb(pixels))).convert("RGB"))
    assert np.array_equal(read, pixels)


def test_ticks_are_round_and_within_the_range() -> None:
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(0, 0.55) == pytest.approx([0, 0.1, 0.2, 0.3, 0.4, 0.5])
    assert nice_ticks(17150, 18950) == [17500, 18000, 18500]
    assert nice_ticks(-130000, 370000) == [-100000, 0, 100000, 200000, 300000]
    assert nice_ticks(5, 5) == [5]


def test_drawing_a_plot_does_not_load_matplotlib() -> None:
    """A plot on a page's first request must not wait for matplotlib's import (seconds)."""
    code = (
        "import sys\n"
        "from horizont.forensics.tests.synthetic import clean_election\n"
        "from horizont.forensics import build_report\n"
        "from horizont.forensics.plots import PLOTS\n"
        "r = build_report(clean_election(300, seed=1), mc_draws=10, fingerprint_bootstrap=1)\n"
        "assert all(draw(r, 'ru').startswith('<svg') for draw in PLOTS.values())\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    assert out.stdout.strip() == "False"


# Degenerate elections: every plot must stay a valid picture (a browser shows nothing and
# the PDF cannot read an SVG with "nan" in an attribute) and say when it has nothing to say.

#: Attributes that hold numbers (lists of them in points, d, transform, viewBox).
NUMERIC = {
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d",
    "transform", "viewBox", "stroke-width", "fill-opacity", "font-size",
}  # fmt: skip
NOTHING_TO_DRAW = {
    "en": "No station reported ballots cast: there is nothing to draw.",
    "ru": "Ни один участок не сообщил о поданных бюллетенях: рисовать нечего.",
    "de": "Kein Wahllokal hat abgegebene Stimmzettel gemeldet: es gibt nichts darzustellen.",
    "pl": "Żadna komisja nie zgłosiła oddanych kart: nie ma czego narysować.",
}
NO_PEAK = {
    "en": "No clean turnout peak between 5 and 90 %",
    "ru": "Нет «чистого» пика явки между 5 и 90 %",
    "de": "Kein sauberer Beteiligungsgipfel zwischen 5 und 90 %",
    "pl": "Brak czystego szczytu frekwencji między 5 a 90 %",
}


def _numbers_are_finite(svg: str) -> None:
    for element in ET.fromstring(svg).iter():
        for name, value in element.attrib.items():
            if name not in NUMERIC:
                continue
            words = re.sub(r"rotate|[MHVLZ]", " ", value)
            for token in re.split(r"[\s,()]+", words.strip(" ()")):
                assert math.isfinite(float(token)), f"{element.tag} {name}={value!r}"


def _degenerate(kind: str) -> Results:
    stations = 40
    registered = np.full(stations, 1000)
    zeros = np.zeros(stations, dtype=np.int64)
    same = np.tile([300, 200, 60, 30], (stations, 1))
    if kind == "all ballots zero":
        return results_from(registered, zeros, zeros, np.zeros((stations, 4), dtype=np.int64))
    if kind == "one station":
        return results_from(registered[:1], np.array([600]), np.array([10]), same[:1])
    if kind == "every turnout 100 %":
        everyone = np.tile([500, 300, 150, 40], (stations, 1))  # leader 50 % of 1,000 cast
        return results_from(registered, registered, np.full(stations, 10), everyone)
    if kind == "every station the same":
        return results_from(registered, np.full(stations, 600), np.full(stations, 10), same)
    # a region of stations with no voters at all beside an ordinary election
    clean = clean_election(400, seed=3)
    empty = clean.region == "Region A"
    emptied = {
        name: np.where(empty if getattr(clean, name).ndim == 1 else empty[:, None], 0, value)
        for name in ("registered", "received", "issued_on_premises", "in_stationary")
        + ("invalid", "valid", "votes")
        if (value := getattr(clean, name)) is not None
    }
    return replace(clean, **emptied)


DEGENERATE = (
    "all ballots zero",
    "one station",
    "every turnout 100 %",
    "every station the same",
    "a region with zero voters",
)


@pytest.fixture(scope="module")
def degenerate() -> dict[str, Report]:
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # correlations of constant columns
        return {
            kind: build_report(_degenerate(kind), mc_draws=50, fingerprint_bootstrap=2)
            for kind in DEGENERATE
        }


@pytest.mark.parametrize("kind", DEGENERATE)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_plots_of_degenerate_elections_are_valid_svg_with_finite_numbers(
    degenerate: dict[str, Report], kind: str, lang: str
) -> None:
    """An election whose every station reported zero ballots put "nan" into the excess
    plot's clean-turnout line (x1, x2): there was no clean peak to draw it at."""
    for name, draw in PLOTS.items():
        svg = draw(degenerate[kind], lang)
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg", name
        title = root.find(f"{SVG}title")
        assert title is not None and title.text == explanation(name, lang).title
        _numbers_are_finite(svg)
        assert not re.search(r"\b(nan|inf)\b", " ".join(_texts(root)), re.I), (name, kind)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plots_of_an_election_without_ballots_say_there_is_nothing_to_draw(
    degenerate: dict[str, Report], lang: str
) -> None:
    report = degenerate["all ballots zero"]
    for name in ("comet", "integer", "fingerprint"):
        root = ET.fromstring(PLOTS[name](report, lang))
        assert NOTHING_TO_DRAW[lang] in " ".join(_texts(root)), name
        assert not _heat_maps(root) and not list(root.iter(f"{SVG}polyline")), name
        desc = root.find(f"{SVG}desc")
        assert desc is not None and desc.text == NOTHING_TO_DRAW[lang]
    for name in ("regional", "excess"):
        root = ET.fromstring(PLOTS[name](report, lang))
        texts = " ".join(_texts(root))
        assert texts and AXIS_LABEL[lang] not in texts and "0" not in texts, name
        assert not list(root.iter(f"{SVG}polyline")), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_a_clean_peak_no_expected_line_and_no_model_are_drawn(
    degenerate: dict[str, Report], lang: str
) -> None:
    """Every station at 100 %: no voters between 5 and 90 % turnout, so no clean peak.
    The excess plot drew its dashed line on top of the leader's and the fingerprint a
    model around a made-up 50 % centre."""
    report = degenerate["every turnout 100 %"]
    excess = ET.fromstring(PLOTS["excess"](report, lang))
    assert any(t.startswith(NO_PEAK[lang]) for t in _texts(excess))
    assert not [p for p in excess.iter(f"{SVG}polyline") if p.get("stroke-dasharray")]
    assert not list(excess.iter(f"{SVG}polygon"))  # no shaded excess
    finger = ET.fromstring(PLOTS["fingerprint"](report, lang))
    assert len(_heat_maps(finger)) == 1  # the data only
    assert NO_PEAK[lang].split()[0] in " ".join(_texts(finger))
    desc = finger.find(f"{SVG}desc")
    assert desc is not None and NO_PEAK[lang] in (desc.text or "")


def test_integer_plot_shows_the_pile_at_100_percent_when_it_is_every_station(
    degenerate: dict[str, Report],
) -> None:
    """The turnout panel's height left out the 100 % stations (they would flatten the
    rest): when they are all the stations, the panel was empty."""
    root = ET.fromstring(PLOTS["integer"](degenerate["every turnout 100 %"], "en"))
    # the whole-percent dots off the base line: at 100 % turnout and at the leader's 50 %
    bottom = 15 + 285
    raised = [c for c in root.iter(f"{SVG}circle") if float(c.get("cy", bottom)) < bottom - 1]
    assert len(raised) == 2
    assert "No station meets the conditions of this test" in " ".join(_texts(root))


@pytest.mark.parametrize("kind", DEGENERATE)
def test_html_report_of_a_degenerate_election_has_no_nan(
    degenerate: dict[str, Report], kind: str
) -> None:
    page = render_html(degenerate[kind], "de")
    assert not re.search(r"\b(nan|inf)\b", page, re.I)
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        _numbers_are_finite(svg)


def test_without_a_clean_peak_the_fingerprint_fractions_are_not_reported(
    degenerate: dict[str, Report],
) -> None:
    """The model had no centre: its fitted fractions were printed as findings anyway."""
    from horizont.forensics.cli import _summary
    from horizont.forensics.report import report_to_json

    report = degenerate["every turnout 100 %"]
    assert not report.fingerprint.peak_found
    data = report_to_json(report)["fingerprint"]
    assert data["peak_found"] is False
    assert data["incremental_fraud"]["estimate"] is None
    assert "fingerprint: not estimated (no clean turnout peak" in _summary(report)
    for lang in LANGUAGES:
        page = render_html(report, lang)
        assert "incremental fraud at" not in page
    assert "The fingerprint is not estimated" in render_html(report, "en")
    assert "Отпечаток не оценён" in render_html(report, "ru")
    # an ordinary election keeps its fractions
    ordinary = build_report(clean_election(400, seed=3), mc_draws=50, fingerprint_bootstrap=2)
    assert report_to_json(ordinary)["fingerprint"]["peak_found"] is True
    assert "incremental fraud at" in render_html(ordinary, "en")
