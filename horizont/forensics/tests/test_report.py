"""The report, its JSON form, the HTML page and the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from horizont.forensics import build_report, read_results, render_html, report_to_json
from horizont.forensics.cli import main
from horizont.forensics.explanations import EXPLANATIONS, LABELS, LANGUAGES
from horizont.forensics.model import Results
from horizont.forensics.report import Report, flagged_stations_csv
from horizont.forensics.tests.synthetic import clean_election, with_rounded_turnout, write_csv
from horizont.testing.data import shared_data


@pytest.fixture(scope="module")
def small_report() -> Report:
    election, _ = with_rounded_turnout(clean_election(3000, seed=71), 0.03, seed=5)
    return build_report(election, mc_draws=100, fingerprint_bootstrap=3)


def test_json_follows_the_documented_schema(small_report: Report) -> None:
    data = report_to_json(small_report)
    text = json.dumps(data)  # plain JSON types only
    assert "NaN" not in text
    assert data["schema"] == "horizont.forensics.report/1"
    totals = data["totals"]
    for key in ("stations", "registered", "turnout", "leader", "leader_share"):
        assert key in totals
    cells = data["integer_test"]["cells"]
    assert set(cells) == {"turnout", "share", "either"}
    for condition in cells.values():
        assert set(condition) == {"stations", "registered", "ballots", "leader"}
        for cell in condition.values():
            assert {"observed", "null_mean", "null_sd", "excess", "z", "p"} <= set(cell)
    assert data["regional_test"]["ranking"][0]["excess_voters"] >= 0
    assert len(data["excess_votes"]["range"]) == 2
    assert {"incremental_fraud", "extreme_fraud"} <= set(data["fingerprint"])
    assert {d["test"] for d in data["digit_tests"]} == {
        "second_digit_mean",
        "last_digit_mean",
        "last_digit_0_or_5",
    }
    assert len(data["regions"]) == 4


def test_region_drill_down(small_report: Report) -> None:
    election = clean_election(3000, seed=71)
    report = build_report(election, region="region b", mc_draws=20, fingerprint_bootstrap=2)
    assert report.region == "Region B"
    assert report.totals.stations == int((election.region == "Region B").sum())
    with pytest.raises(ValueError, match="several regions"):
        build_report(election, region="Region", mc_draws=0)


def test_html_is_self_contained_and_explains_every_test(small_report: Report) -> None:
    # English is the default; Russian and Polish use other scripts and letters
    # (German is rendered by the command-line test)
    for lang in ("en", "ru", "pl"):
        page = render_html(small_report, lang)
        assert f'lang="{lang}"' in page
        assert "<script" not in page
        assert not re.search(r'(src|href)="(https?:)?//', page)
        assert "@import" not in page
        assert not re.search(r"url\((?!#)", page)  # only references inside the page
        assert page.count("<svg") == 5
        for test_id in ("comet", "integer", "regional", "excess", "fingerprint", "digits"):
            text = EXPLANATIONS[test_id][lang]
            assert text.shows[:40] in page.replace("&#x27;", "'").replace("&quot;", '"')
        assert LABELS[lang]["cannot_prove"] in page
        assert LABELS[lang]["findings"] in page  # plain sentences before any table


def test_html_reuses_plots_already_drawn(small_report: Report) -> None:
    marker = '<svg xmlns="http://www.w3.org/2000/svg"><title>already drawn</title></svg>'
    page = render_html(small_report, "de", drawn={"comet": marker})
    assert "already drawn" in page
    assert page.count("<svg") == 5  # the other four plots were drawn here


def test_explanations_and_labels_exist_in_every_language() -> None:
    for texts in EXPLANATIONS.values():
        assert set(texts) == set(LANGUAGES)
        for e in texts.values():
            assert e.title and e.shows and e.cannot_prove
    assert set(LABELS) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert set(LABELS[lang]) == set(LABELS["en"]), lang


def test_flagged_stations_csv(small_report: Report) -> None:
    election = clean_election(500, seed=72)
    report = build_report(election, mc_draws=0, fingerprint_bootstrap=0)
    text = flagged_stations_csv(election, report.flags)
    lines = text.strip().splitlines()
    assert lines[0].startswith("row,region,tik,uik")
    assert len(lines) - 1 == int((report.flags.count > 0).sum())


def test_cli_writes_json_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "e.csv"
    write_csv(clean_election(1500, seed=73), str(csv_path))
    out_json = tmp_path / "r.json"
    out_html = tmp_path / "r.html"
    code = main(
        ["analyze", str(csv_path), "--mc", "50", "--seed", "3", "--json", str(out_json),
         "--html", str(out_html), "--lang", "de", "--quiet"]
    )  # fmt: skip
    assert code == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["settings"]["seed"] == 3 and data["integer_test"]["mc"]["draws"] == 50
    assert "Wahlbeteiligung" in out_html.read_text(encoding="utf-8")
    assert "integer test" in capsys.readouterr().out


def test_cli_reports_bad_input_with_file_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "bad.csv"
    election = clean_election(5, seed=74)
    write_csv(election, str(csv_path))
    text = csv_path.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(f'"{election.registered[2]}"', '"many"', 1)
    csv_path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert main(["analyze", str(csv_path), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert str(csv_path) in err and "row 4" in err and "Число избирателей" in err
    assert main(["analyze", str(tmp_path / "missing.csv"), "--quiet"]) == 1
    assert main(["analyze", str(csv_path.with_name("none.zip")), "--quiet"]) == 1


def test_cli_unknown_region_is_a_usage_error(tmp_path: Path) -> None:
    csv_path = tmp_path / "e.csv"
    write_csv(clean_election(300, seed=75), str(csv_path))
    assert main(["analyze", str(csv_path), "--region", "Atlantis", "--mc", "0", "--quiet"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize("year", ["2004", "2011", "2016", "2020"])
def test_same_command_works_on_earlier_elections(year: str, tmp_path: Path) -> None:
    path = shared_data("elections", "ru", f"{year}.csv.zip")
    out = tmp_path / "r.json"
    args = ["analyze", str(path), "--mc", "20", "--bootstrap", "2", "--json", str(out), "--quiet"]
    assert main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    leader = {"2004": "Путин", "2020": "ДА"}.get(year, "ЕДИНАЯ РОССИЯ")
    assert leader in data["totals"]["leader"]
    either = data["integer_test"]["cells"]["either"]["stations"]
    assert either["p"] < 0.001  # every one of these elections shows the integer peaks
    assert data["excess_votes"]["estimate"] > 5e6
    lines = {m["line"]: m["columns"] for m in data["column_mapping"]}
    assert lines["registered"] and lines["invalid"]


@pytest.mark.slow
def test_full_2021_report(results_2021: Results) -> None:
    report = build_report(results_2021, mc_draws=200, fingerprint_bootstrap=5)
    data = report_to_json(report)
    assert data["totals"]["stations"] == 96_325
    assert data["totals"]["registered"] == 109_204_662
    assert round(data["totals"]["turnout"] * 100, 2) == 51.72
    assert round(data["totals"]["leader_share"] * 100, 2) == 49.82
    assert data["totals"]["abroad"]["stations"] == 355
    assert data["integer_test"]["stations_tested"] == 90_821
    assert 13e6 <= data["excess_votes"]["estimate"] <= 15.5e6
    top = [r["region"] for r in data["regional_test"]["ranking"][:4]]
    assert any("Татарстан" in r for r in top)
    tatarstan = build_report(results_2021, region="Татарстан", mc_draws=50, fingerprint_bootstrap=2)
    assert tatarstan.integer.cell("either", "stations").p_value < 0.001


def test_reader_is_exposed_in_the_public_api(tmp_path: Path) -> None:
    csv_path = tmp_path / "e.csv"
    write_csv(clean_election(50, seed=76), str(csv_path))
    assert len(read_results(csv_path)) == 50


def test_cli_prints_implausible_figures_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    election = clean_election(300, seed=77)
    misread = dataclasses.replace(election, issued_on_premises=election.issued_on_premises // 10)
    csv_path = tmp_path / "misread.csv"
    write_csv(misread, str(csv_path))
    assert main(["analyze", str(csv_path), "--mc", "0", "--bootstrap", "2", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("IMPLAUSIBLE: overall turnout")
    assert any(line.startswith("IMPLAUSIBLE:") and "fewer ballots issued" in line for line in lines)
    assert any(line.startswith("columns used:") for line in lines)
