"""Reading official results: recognition by meaning, flags, errors and warnings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from horizont.forensics.io import ColumnMapping, read_results
from horizont.forensics.model import ForensicsInputError, Results
from horizont.forensics.tests.synthetic import clean_election, write_csv

HEADER = (
    '"region","tik","uik","Число избирателей, внесенных в список избирателей",'
    '"Число избирательных бюллетеней, выданных в помещении для голосования",'
    '"Число недействительных избирательных бюллетеней",'
    '"Число действительных избирательных бюллетеней","1. Партия А","2. Партия Б"'
)


def _write(tmp_path: Path, rows: list[str], header: str = HEADER, name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_2021_totals_match_the_published_figures(results_2021: Results) -> None:
    r = results_2021
    assert len(r) == 96_325
    assert int(r.registered.sum()) == 109_204_662
    assert round(100 * r.issued.sum() / r.registered.sum(), 2) == 51.72
    assert round(100 * r.leader_votes.sum() / r.cast.sum(), 2) == 49.82
    assert "ЕДИНАЯ РОССИЯ" in r.leader_name
    assert len(r.party_names) == 14


@pytest.mark.slow
def test_2021_flags_stations_abroad_and_remote_voting(results_2021: Results) -> None:
    r = results_2021
    assert int(r.abroad.sum()) == 355  # numbered 8000-8999 under Russian regions
    assert ((r.uik[r.abroad] >= 8000) & (r.uik[r.abroad] < 9000)).all()
    # 18 pseudo-stations of the remote-voting TIK and Moscow's 5001-5015
    assert int(r.remote.sum()) == 33
    moscow_remote = r.remote & (r.region == "город Москва")
    assert sorted(r.uik[moscow_remote].tolist()) == list(range(5001, 5016))


def test_synthetic_csv_round_trips(tmp_path: Path) -> None:
    election = clean_election(200, seed=5)
    path = tmp_path / "e.csv"
    write_csv(election, str(path))
    read = read_results(path)
    assert len(read) == 200
    np.testing.assert_array_equal(read.registered, election.registered)
    np.testing.assert_array_equal(read.votes, election.votes)
    assert read.warnings == ()


def test_missing_required_column_names_file_row_and_column(tmp_path: Path) -> None:
    header = HEADER.replace('"Число избирателей, внесенных в список избирателей",', "")
    path = _write(tmp_path, ['"R","T","1","500","5","495","300","195"'], header=header)
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.file == str(path)
    assert err.value.row == 1
    assert err.value.column == "registered voters"
    assert "missing required column" in str(err.value)


def test_non_numeric_count_names_file_row_and_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            '"R","T","1","1000","500","5","495","300","195"',
            '"R","T","2","1000","5OO","5","495","300","195"',
        ],
    )
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.row == 3
    assert err.value.column is not None and "в помещении" in err.value.column
    assert "5OO" in str(err.value) and str(path) in str(err.value)


def test_more_ballots_than_voters_beyond_tolerance_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, ['"R","T","1","100","300","5","295","200","95"'])
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.row == 2
    assert "registered voters" in str(err.value)


def test_unreadable_archive_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.file == str(path)
    assert "archive" in str(err.value)


def test_archive_without_csv_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.md", "nothing here")
    with pytest.raises(ForensicsInputError, match="no CSV"):
        read_results(path)


def test_tolerable_anomalies_are_listed_as_warnings(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            '"R","T","1","1000","500","5","495","300","195"',
            '"R","T","2","1000","500","5","495","300","190"',  # parties do not add up
            '"R","T","3","100","103","3","100","60","40"',  # slightly over, within tolerance
            '"R","T","4","","","","","",""',  # a station without data
        ],
    )
    read = read_results(path)
    codes = {w.code: w for w in read.warnings}
    assert set(codes) == {"votes_not_valid", "over_registered", "no_data", "parties_not_valid"}
    assert codes["parties_not_valid"].level == "implausible"
    assert codes["votes_not_valid"].rows == (3,)
    assert codes["over_registered"].rows == (4,)
    assert codes["no_data"].rows == (5,)
    assert len(read) == 3
    assert read.rows.tolist() == [2, 3, 4]


def test_generic_table_with_explicit_mapping_csv_and_parquet(tmp_path: Path) -> None:
    frame = pl.DataFrame(
        {
            "Land": ["Berlin", "Berlin", "Hamburg"],
            "Wahlbezirk": ["001", "002", "101"],
            "Wahlberechtigte": [1000, 1200, 900],
            "Waehler": [700, 800, 500],
            "Ungueltig": [7, 8, 5],
            "A": [400, 500, 300],
            "B": [293, 292, 195],
        }
    )
    mapping = ColumnMapping(
        region="Land",
        station="Wahlbezirk",
        registered="Wahlberechtigte",
        issued=["Waehler"],
        invalid="Ungueltig",
        parties=["A", "B"],
    )
    csv_path = tmp_path / "wahl.csv"
    frame.write_csv(csv_path)
    parquet_path = tmp_path / "wahl.parquet"
    frame.write_parquet(parquet_path)
    for path in (csv_path, parquet_path):
        read = read_results(path, mapping=mapping)
        assert read.registered.tolist() == [1000, 1200, 900]
        assert read.issued.tolist() == [700, 800, 500]
        assert read.leader_name == "A"
        assert read.cast.tolist() == [700, 800, 500]
        used = {m.line: m.columns for m in read.column_mapping}
        assert used["registered"] == ("Wahlberechtigte",)
        assert used["issued_total"] == ("Waehler",)
        assert used["parties"] == ("A", "B")


def test_generic_mapping_reports_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Land,Bezirk,A\nBerlin,1,5\n", encoding="utf-8")
    mapping = ColumnMapping(region="Land", station="Bezirk", registered="Wahlberechtigte")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path, mapping=mapping)
    assert err.value.column == "Wahlberechtigte"
