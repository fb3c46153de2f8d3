"""The reader on small files: wordings of every year, refusals, bombs and cut files."""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from horizont.forensics import io as reader
from horizont.forensics.io import read_results
from horizont.forensics.model import ForensicsInputError
from horizont.forensics.protocol import recognise

# Column names as the CEC wrote them in different years (line breaks and double spaces
# included): 2004, 2011, 2016 and the 2020 vote.
WORDINGS = {
    "2004": [
        "Число избирателей,\n внесенных в список",
        "Число полученных избирательных бюллетеней",
        "Число избирательных бюллетеней,\n выданных  досрочно",
        "Число избирательных бюллетеней,\n выданных в день голосования",
        "Число избирательных бюллетеней,\n выданных вне помещения",
        "Число погашенных избирательных бюллетеней",
        "Число избирательных бюллетеней в переносных ящиках",
        "Число бюллетеней в стационарных ящиках для голосования",
        "Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней",
        "Число полученных открепительных  удостоверений",
        "Число избирателей,\n проголосовавших по открепительным удостоверениям",
        "Число не учтенных при получении избирательных бюллетеней",
    ],
    "2011": [
        "Число избирателей, внесенных в список избирателей",
        "Число избирательных бюллетеней, полученных участковой избирательной комиссией",
        "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
        "Число избирательных бюллетеней, выданных избирателям в помещении для голосования",
        "Число избирательных бюллетеней, выданных избирателям вне помещения для голосования",
        "Число избирательных бюллетеней в переносных ящиках для голосования",
        "Число избирательных бюллетеней в стационарных ящиках для голосования",
        "Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней",
        "Число утраченных избирательных бюллетеней",
    ],
    "2016": [
        "ЧИСЛО ИЗБИРАТЕЛЕЙ, ВНЕСЁННЫХ В СПИСОК избирателей на момент окончания голосования",
        "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
        "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
        "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
        "Число избирательных бюллетеней, содержащихся в переносных ящиках для голосования",
        "Число избирательных бюллетеней, содержащихся в стационарных ящиках для голосования",
        "Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней",
    ],
    "2020": [
        "Число участников голосования,\n включенных в список участников голосования",
        "Число бюллетеней,\n выданных участникам голосования",
        "Число бюллетеней,\n содержащихся в ящиках для голосования",
        "Число недействительных бюллетеней",
    ],
}
EXPECTED = {
    "2004": {"registered", "received", "issued_early", "issued_on_premises", "issued_outside",
             "cancelled", "in_portable", "in_stationary", "invalid", "valid", "absentee",
             "unaccounted"},
    "2011": {"registered", "received", "issued_early", "issued_on_premises", "issued_outside",
             "in_portable", "in_stationary", "invalid", "valid", "lost"},
    "2016": {"registered", "issued_early", "issued_on_premises", "issued_outside",
             "in_portable", "in_stationary", "invalid", "valid"},
    "2020": {"registered", "issued_total", "in_boxes", "invalid"},
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(WORDINGS))
def test_every_wording_is_recognised_once_by_meaning(year: str) -> None:
    found = recognise(["region", "tik", "uik", *WORDINGS[year], "Партия А", "ДА"])
    assert set(found.lines) == EXPECTED[year]
    assert all(len(v) == 1 for k, v in found.lines.items() if k != "absentee")
    assert found.parties == ("Партия А", "ДА")
    assert found.unrecognised == ()


def test_singular_and_plural_and_spacing_do_not_matter() -> None:
    found = recognise(
        [
            "region",
            "uik",
            "число  избирателя ,внесенного в список",
            "ЧИСЛО\tБЮЛЛЕТЕНЯ ВЫДАННОГО ДОСРОЧНО",
        ]
    )
    assert set(found.lines) == {"registered", "issued_early"}


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


CANDIDATES = ["Кандидат А", "Кандидат Б", "Против всех"]
HEADER_2004 = ["region", "tik", "uik", *WORDINGS["2004"][:10], *CANDIDATES]
# registered, received, early, on the day, outside, cancelled, portable, stationary, invalid, valid
ROW_2004 = [1000, 1000, 10, 550, 40, 400, 50, 548, 8, 590, 300, 250, 40]


def test_2004_layout_sums_the_three_issued_columns(tmp_path: Path) -> None:
    path = tmp_path / "2004.csv"
    path.write_text(_csv(HEADER_2004, [["Р", "Т", i, *ROW_2004] for i in range(1, 4)]), "utf-8")
    r = read_results(path)
    assert r.issued.tolist() == [600, 600, 600]
    assert r.leader_name == "Кандидат А"
    assert r.party_names[-1] == "Против всех"
    mapping = {m.line: m for m in r.column_mapping}
    assert mapping["issued_on_premises"].columns == (HEADER_2004[6],)
    assert mapping["parties"].columns == ("Кандидат А", "Кандидат Б", "Против всех")
    assert not [w for w in r.warnings if w.level == "implausible"]


def test_2020_vote_layout_reads_participants_and_yes_no(tmp_path: Path) -> None:
    header = ["name", "region", "tik", "uik", *WORDINGS["2020"], "ДА", "НЕТ", "url"]
    rows = [["Голосование", "Р", "Т", f"УИК №{i}", 1000, 700, 700, 10, 500, 190, "http://x"]
            for i in range(1, 4)]  # fmt: skip
    path = tmp_path / "2020.csv"
    path.write_text(_csv(header, rows), "utf-8")
    r = read_results(path)
    assert r.issued.tolist() == [700] * 3
    assert r.cast.tolist() == [700] * 3
    assert r.party_names == ("ДА", "НЕТ")
    assert r.uik.tolist() == [1, 2, 3]


def test_renamed_required_column_is_refused_naming_it(tmp_path: Path) -> None:
    header = list(HEADER_2004)
    header[6] = "Число избирательных бюллетеней, розданных гражданам"  # renamed
    path = tmp_path / "renamed.csv"
    path.write_text(_csv(header, [["Р", "Т", 1, *ROW_2004]]), "utf-8")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.column == "ballots issued on the premises"
    assert "розданных гражданам" in err.value.reason
    assert err.value.row == 1


def test_missing_invalid_ballots_line_is_refused(tmp_path: Path) -> None:
    header = [h for h in HEADER_2004 if "недействительн" not in h]
    row = [v for h, v in zip(HEADER_2004[3:], ROW_2004, strict=True) if "недействительн" not in h]
    path = tmp_path / "missing.csv"
    path.write_text(_csv(header, [["Р", "Т", 1, *row]]), "utf-8")
    with pytest.raises(ForensicsInputError, match="invalid ballots"):
        read_results(path)


def test_implausible_turnout_is_warned_first(tmp_path: Path) -> None:
    row = list(ROW_2004)
    row[2:5] = [0, 50, 0]  # 5 % turnout, fewer issued than in the boxes
    path = tmp_path / "low.csv"
    path.write_text(_csv(HEADER_2004, [["Р", "Т", i, *row] for i in range(1, 4)]), "utf-8")
    r = read_results(path)
    implausible = {w.code for w in r.warnings if w.level == "implausible"}
    assert implausible == {"implausible_turnout", "issued_below_cast"}


def _zip(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return path


def test_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    # 64 MB of zeros compress to 64 KB: a thousand times, far beyond any results table
    bomb = _zip(tmp_path / "bomb.zip", "results.csv", b"0" * (64 << 20))
    with pytest.raises(ForensicsInputError) as err:
        read_results(bomb)
    assert err.value.code == "zip_bomb"
    assert "ZIP bomb" in err.value.reason and str(bomb) in str(err.value)


def test_zip_member_lying_about_its_size_is_stopped_while_streaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _zip(tmp_path / "liar.zip", "results.csv", b"0" * (8 << 20))
    # the header claims 1,000 bytes: only counting while inflating can tell
    monkeypatch.setattr(reader, "_declared_size", lambda member: 1000)
    chunks: list[int] = []
    monkeypatch.setattr(reader, "_CHUNK", 64 << 10)
    real_check = reader._over_limit

    def counting(size: int, limit: int) -> bool:
        chunks.append(size)
        return real_check(size, limit)

    monkeypatch.setattr(reader, "_over_limit", counting)
    tracemalloc.start()
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert err.value.code == "zip_bomb"
    assert peak < 6 << 20  # memory stays bounded: the 8 MB member is never held whole
    # stopped just past the limit (~1 MB + 100 × 8 KB), long before 8 MB
    assert max(chunks) < 3 << 20


def test_ordinary_archive_is_read(tmp_path: Path) -> None:
    text = _csv(HEADER_2004, [["Р", "Т", i, *ROW_2004] for i in range(1, 4)])
    path = _zip(tmp_path / "ok.csv.zip", "ok.csv", text.encode("utf-8"))
    assert len(read_results(path)) == 3


def test_file_cut_mid_row_is_refused(tmp_path: Path) -> None:
    text = _csv(HEADER_2004, [["Р", "Т", i, *ROW_2004] for i in range(1, 5)])
    cut = text[: text.rindex("\n", 0, len(text) - 1) + 12]  # 12 characters into the last row
    path = tmp_path / "cut.csv"
    path.write_text(cut, "utf-8")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.code == "truncated"
    assert err.value.row == 5


def test_file_cut_inside_a_quoted_field_is_refused(tmp_path: Path) -> None:
    text = _csv(HEADER_2004, [["Р", "Т", i, *ROW_2004] for i in range(1, 3)])
    path = tmp_path / "cut.csv"
    path.write_text(text + '"Республика Приме', "utf-8")
    with pytest.raises(ForensicsInputError, match="truncated"):
        read_results(path)


def test_row_with_extra_fields_names_the_row(tmp_path: Path) -> None:
    rows = [["Р", "Т", i, *ROW_2004] for i in range(1, 5)]
    rows[1] = [*rows[1], "7", "8"]
    path = tmp_path / "extra.csv"
    path.write_text(_csv(HEADER_2004, rows), "utf-8")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.row == 3
    assert "fields in this row" in err.value.reason
    assert "polars" not in str(err.value).lower()


def test_row_with_missing_fields_names_the_row(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Р", "Т", i, *ROW_2004] for i in range(1, 5)]
    rows[1] = rows[1][:-3]
    path = tmp_path / "short.csv"
    path.write_text(_csv(HEADER_2004, rows), "utf-8")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.row == 3


def test_huge_number_names_row_and_column(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Р", "Т", i, *ROW_2004] for i in range(1, 4)]
    rows[2][3] = "9" * 30
    path = tmp_path / "huge.csv"
    path.write_text(_csv(HEADER_2004, rows), "utf-8")
    with pytest.raises(ForensicsInputError) as err:
        read_results(path)
    assert err.value.row == 4
    assert err.value.column == HEADER_2004[3]
    assert "too large" in err.value.reason


def test_wordings_of_other_years_and_unknown_lines_are_kept_apart_from_parties() -> None:
    # variants seen in 2000-2024 files: plural "списки", singular "бюллетень", lines
    # about remote electronic voting and applications that the reader does not use
    columns = [
        "region", "tik", "uik",
        "Число избирателей, внесенных в списки избирателей",
        "Число избирательных бюллетеней, выданных избирателям в помещении",
        "Число избирательных бюллетеней, выданных вне помещения",
        "Число бюллетеней, содержащихся в стационарных ящиках",
        "Число недействительных избирательных бюллетеней",
        "Число действительных избирательных бюллетеней",
        "Число избирателей, принявших участие в дистанционном электронном голосовании",
        "Число заявлений о включении в список избирателей по месту нахождения",
        "Бабурин Сергей Николаевич", "Путин Владимир Владимирович",
    ]  # fmt: skip
    found = recognise(columns)
    assert found.first("registered") == columns[3]
    assert found.first("issued_on_premises") == columns[4]
    assert found.first("issued_outside") == columns[5]
    assert found.first("in_stationary") == columns[6]
    assert found.unrecognised == (columns[9],)
    assert found.lines["absentee"] == (columns[10],)
    assert found.parties == ("Бабурин Сергей Николаевич", "Путин Владимир Владимирович")
