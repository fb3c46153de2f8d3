"""The plots: SVG without matplotlib, accessible, in the reader's language, true to the data."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from horizont.forensics import build_report
from horizont.forensics.drawing import MAGMA, nice_ticks, png_rgb
from horizont.forensics.explanations import LANGUAGES, explanation
from horizont.forensics.plots import PLOTS
from horizont.forensics.report import Report
from horizont.forensics.tests.synthetic import clean_election, with_rounded_turnout

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
