"""The app with the engine's real plots and HTML (the other tests use stand-ins)."""

from __future__ import annotations

import pytest

from horizont.elections import services
from horizont.forensics.io import read_results
from horizont.forensics.report import build_report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from horizont.elections.synthetic import synthetic_csv

    path = tmp_path_factory.mktemp("engine") / "fictional.csv"
    path.write_text(synthetic_csv(), "utf-8")
    return build_report(read_results(path), mc_draws=50, fingerprint_bootstrap=2)


def test_plots_render_as_svg_and_png_in_one_language(report):
    plots = services.plots_render(report, ("ru",))
    assert {name for name, *_ in plots} == {"comet", "integer", "regional", "excess", "fingerprint"}
    for _name, language, svg, png in plots:
        assert language == "ru"
        assert "<svg" in svg
        assert png.startswith(b"\x89PNG")
    assert any("Явка" in svg for _n, _l, svg, _p in plots)


def test_engine_html_is_self_contained(report):
    html = services.render_html(report, "pl")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org", "")
