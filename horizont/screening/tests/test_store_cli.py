import csv
import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from horizont.lib.shared_data import shared_data_root
from horizont.screening import ListStore
from horizont.screening.cli import main
from horizont.screening.update import update_lists
from horizont.testing.data import shared_data

from .conftest import FIXTURES


def _un_copy(
    tmp_path: Path, version: str, drop: str | None = None, rename: str | None = None
) -> Path:
    text = shared_data("sanctions", "un-consolidated-2026-02-27", "consolidated.xml").read_text(
        encoding="utf-8"
    )
    if drop:  # remove one individual
        start = text.index(f"<DATAID>{drop}</DATAID>")
        begin = text.rindex("<INDIVIDUAL>", 0, start)
        end = text.index("</INDIVIDUAL>", start) + len("</INDIVIDUAL>")
        text = text[:begin] + text[end:]
    if rename:
        text = text.replace("<FIRST_NAME>ERIC</FIRST_NAME>", f"<FIRST_NAME>{rename}</FIRST_NAME>")
    folder = tmp_path / f"un-{version}"
    folder.mkdir()
    path = folder / "consolidated.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_store_keeps_versions_side_by_side_and_diffs_them(tmp_path: Path) -> None:
    store = ListStore(tmp_path / "lists")
    old = store.add(_un_copy(tmp_path, "old"), version="2026-01-01")
    new = store.add(_un_copy(tmp_path, "new", drop="6907994", rename="ERICK"), version="2026-02-27")
    assert (old.status, new.status) == ("added", "added")
    versions = store.versions("un-sc-consolidated")
    assert [v.version for v in versions] == ["2026-01-01", "2026-02-27"]
    assert versions[0].entity_count == 1003 and versions[1].entity_count == 1002
    assert len(versions[0].sha256["consolidated.xml"]) == 64
    meta = json.loads((versions[1].path / "meta.json").read_text())
    assert meta["list_id"] == "un-sc-consolidated"
    again = store.add(versions[1].path / "consolidated.xml", version="2026-02-27")
    assert again.status == "unchanged"
    changes = store.diff("un-sc-consolidated", "2026-01-01", "2026-02-27")
    assert [e.source.source_id for e in changes.removed] == ["6907994"]
    assert changes.added == ()
    assert [(c.new.source.source_id, c.fields) for c in changes.changed] == [
        ("6907993", ("names",))
    ]
    index = store.build_index()
    assert len(index) == 1002


@pytest.mark.slow
def test_cli_load_screen_batch_list_and_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = str(tmp_path / "lists")
    sdn = str(shared_data("sanctions", "us-ofac-sdn-2021-07-07"))
    assert main(["--lists-dir", lists, "lists", "load", sdn, str(FIXTURES)]) == 0
    loaded = capsys.readouterr().out
    assert "us-ofac-sdn 2021-07-07: added, 8976 entries" in loaded
    assert "eu-fsf 2024-05-02: added" in loaded

    assert main(["--lists-dir", lists, "screen", "RA02791"]) == 1  # 1: an alert was raised
    shown = capsys.readouterr().out
    assert "aircraft registration RA-02791" in shown
    assert "chain: RA-02791 —operator/linked-to→ BERATEX GROUP LIMITED" in shown
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in shown

    assert main(["--lists-dir", lists, "screen", "Jewgeni Prigoschin", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    sdn_match = next(m for m in data if m["entity_id"] == "us-ofac-sdn:21171")
    assert sdn_match["band"] == "strong"
    assert {t["method"] for t in sdn_match["tokens"]} == {"transliteration"}

    assert main(["--lists-dir", lists, "screen", "Anna Kowalska", "--schema", "vessel"]) == 0
    assert "No match" in capsys.readouterr().out

    batch = tmp_path / "in.csv"
    batch.write_text("name\nJewgeni Prigoschin\nAnna Kowalska\n140ae7\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    argv = ["--lists-dir", lists, "screen", "--batch", str(batch), "--out", str(out)]
    assert main(argv) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["alert"] for r in rows] == ["yes", "no", "yes"]
    assert rows[2]["caption"] == "RA-02791"
    assert "3 names screened, 2 alert(s)" in capsys.readouterr().err

    assert main(["--lists-dir", lists, "lists", "list"]) == 0
    assert "opensanctions" in capsys.readouterr().out
    assert main(["--lists-dir", lists, "lists", "diff", "us-ofac-sdn", "2021-07-07", "1999"]) == 2
    assert "no version '1999'" in capsys.readouterr().err


@pytest.fixture()
def mirror() -> Iterator[str]:
    root = shared_data_root()
    if not (root / "sanctions").is_dir():
        pytest.skip(f"real data not found at {root}")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))

    class Quiet(http.server.ThreadingHTTPServer):
        pass

    server = Quiet(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_update_downloads_verifies_and_keeps_each_version(tmp_path: Path, mirror: str) -> None:
    store = ListStore(tmp_path / "lists")
    # The small lists of every kind (multi-file CSV, XML, JSON, and one not mirrored).
    only = {"us-ofac-cons", "un-sc-consolidated", "ru-undesirable-organizations", "eu-fsf"}
    results = {r.list_id: r for r in update_lists(store, base_url=mirror, only=only)}
    assert results["us-ofac-cons"].status == "added"
    assert results["us-ofac-cons"].version == "2025"
    assert results["un-sc-consolidated"].version == "2026-02-27"
    assert results["ru-undesirable-organizations"].version == "2024-09-05"
    assert results["eu-fsf"].status == "skipped"  # no EU file on this mirror
    assert store.get("us-ofac-cons").entity_count == 442
    assert set(store.get("us-ofac-cons").sha256) == {
        "cons_prim.csv",
        "cons_alt.csv",
        "cons_add.csv",
    }
    again = {r.list_id: r.status for r in update_lists(store, base_url=mirror, only=only)}
    assert again["us-ofac-cons"] == "unchanged"
    # A broken download is refused and the stored version stays.
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "consolidated.xml").write_text("<html>maintenance</html>")
    shutil.copy(broken / "consolidated.xml", broken / "x.xml")
    failed = update_lists(
        store,
        urls={"un-sc-consolidated": (broken / "consolidated.xml").as_uri()},
        only={"un-sc-consolidated"},
    )
    assert failed[0].status == "failed"
    assert store.get("un-sc-consolidated").version == "2026-02-27"


@pytest.mark.slow
def test_cli_update_against_the_mirror(
    tmp_path: Path, mirror: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = str(tmp_path / "lists")
    argv = [
        "--lists-dir",
        lists,
        "lists",
        "update",
        "--source-url",
        mirror,
        "--only",
        "us-ofac-cons",
    ]
    assert main(argv) == 0
    assert "us-ofac-cons: added 2025 442 entries" in capsys.readouterr().out
