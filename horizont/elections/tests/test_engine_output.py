"""The app with the engine's real HTML (the other tests use a stand-in) and its plots."""

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


def test_plots_render_as_svg_in_the_languages_asked_for(report):
    plots = services.plots_render(report, ("ru", "pl"), ("comet", "excess"))
    assert [(name, language) for name, language, _svg in plots] == [
        ("comet", "ru"), ("excess", "ru"), ("comet", "pl"), ("excess", "pl"),
    ]  # fmt: skip
    for _name, _language, svg in plots:
        assert svg.startswith("<svg")
    assert "Явка, %" in plots[0][2] and "Frekwencja, %" in plots[2][2]


def test_engine_html_is_self_contained(report):
    html = services.render_html(report, "pl")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org", "")
