"""The index on disk: built when lists are loaded, opened without rebuilding."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

from horizont.screening import (
    Entity,
    Identifier,
    IdType,
    Index,
    Link,
    LinkKind,
    ListStore,
    Name,
    NameKind,
    NameQuality,
    Schema,
    SourceRef,
)
from horizont.screening.cli import main

SDN_ROWS = (
    '21171,"PRIGOZHIN, Yevgeniy Viktorovich","individual","RUSSIA",-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,-0- ,"DOB 01 Jun 1961; POB St. Petersburg, Russia."\n'
    '22000,"BERATEX GROUP LIMITED",-0- ,"RUSSIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Linked To: PRIGOZHIN, Yevgeniy Viktorovich."\n'
    '22001,"MUSTERMANN, Max",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
)


def _entities() -> list[Entity]:
    person = Entity(
        "t:1", Schema.PERSON, [Name("PRIGOZHIN, Yevgeniy Viktorovich")], SourceRef("t", "1", "1")
    )
    company = Entity(
        "t:2",
        Schema.ORGANIZATION,
        [Name("BERATEX GROUP LIMITED")],
        SourceRef("t", "1", "2"),
        links=[Link(LinkKind.LINKED_TO, "PRIGOZHIN, Yevgeniy Viktorovich", "t:1")],
    )
    plane = Entity(
        "t:3",
        Schema.AIRCRAFT,
        [Name("RA-02791")],
        SourceRef("t", "1", "3"),
        identifiers=[Identifier(IdType.AIRCRAFT_REGISTRATION, "RA-02791")],
        links=[Link(LinkKind.OPERATOR, "BERATEX GROUP LIMITED", "t:2")],
    )
    return [person, company, plane]


def test_a_saved_index_opens_and_answers_like_the_built_one(tmp_path: Path) -> None:
    built = Index(_entities())
    built.save(tmp_path / "index")
    opened = Index.open(tmp_path / "index")
    assert opened is not None
    for query in ("Jewgeni Prigoschin", "Пригожин Евгений", "RA02791", "Beratex"):
        a = [(m.entity.id, m.score, [str(c) for c in m.chains]) for m in built.search(query)]
        b = [(m.entity.id, m.score, [str(c) for c in m.chains]) for m in opened.search(query)]
        assert a == b, query
    assert opened.lists() == {"t": 3}
    assert len(opened) == 3 and opened.name_count == built.name_count


def test_an_index_of_another_format_is_not_opened(tmp_path: Path) -> None:
    assert Index.open(tmp_path / "missing") is None


def test_loading_lists_builds_the_index_beside_them(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sdn = tmp_path / "sdn-2021-07-07" / "sdn.csv"
    sdn.parent.mkdir()
    sdn.write_text(SDN_ROWS, encoding="utf-8")
    store_dir = tmp_path / "store"
    assert main(["--lists-dir", str(store_dir), "lists", "load", str(sdn)]) == 0
    store = ListStore(store_dir)
    assert store.index_folder().is_dir()
    assert store.open_index() is not None
    assert main(["--lists-dir", str(store_dir), "screen", "Prigoschin Jewgeni"]) == 1
    assert "PRIGOZHIN" in capsys.readouterr().out


def test_the_cli_warns_about_lists_older_than_the_configured_age(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sdn = tmp_path / "sdn-2021-07-07.csv"
    sdn.write_text(SDN_ROWS, encoding="utf-8")
    store_dir = str(tmp_path / "store")
    main(["--lists-dir", store_dir, "lists", "load", str(sdn)])
    capsys.readouterr()
    main(["--lists-dir", store_dir, "screen", "Beratex", "--max-age-days", "14"])
    err = capsys.readouterr().err
    assert "warning: list us-ofac-sdn of 2021-07-07 is" in err and "older than 14" in err
    main(["--lists-dir", store_dir, "screen", "Beratex", "--max-age-days", "100000"])
    assert "warning" not in capsys.readouterr().err
    version = ListStore(store_dir).get("us-ofac-sdn")
    assert version.is_stale(14) and not version.is_stale(100_000)


def test_the_warning_about_an_old_list_comes_before_the_results(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn-2021-07-07.csv"
    sdn.write_text(SDN_ROWS, encoding="utf-8")
    store_dir = str(tmp_path / "store")
    main(["--lists-dir", store_dir, "lists", "load", str(sdn)])
    # one stream, as a terminal shows it: the warning is the first line
    done = subprocess.run(
        [sys.executable, "-m", "horizont.screening", "--lists-dir", store_dir, "screen",
         "Beratex", "--max-age-days", "14"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[0].startswith("warning: list us-ofac-sdn of 2021-07-07 is"), lines[:3]
    assert any("BERATEX" in line for line in lines[1:])


def test_a_saved_index_stores_each_distinct_word_once(tmp_path: Path) -> None:
    people = [
        Entity(f"t:{i}", Schema.PERSON, [Name(name)], SourceRef("t", "1", str(i)))
        for i, name in enumerate(("IVANOV, Sergei", "IVANOV, Viktor", "PETROV, Sergei"))
    ]
    built = Index(people)
    built.save(tmp_path / "index")
    opened = Index.open(tmp_path / "index")
    assert opened is not None
    names = opened.names_table()
    assert [n[2] for n in names] == [n[2] for n in built.names_table()]
    # four distinct words for six: the names share their word objects once read
    tokens = {id(t) for _, _, normalized in names for t in normalized.tokens}
    assert len(tokens) == 4
    assert opened.search("Sergei Ivanov")[0].entity.id == "t:0"


def test_names_read_back_with_their_kind_quality_titles_and_legal_forms(tmp_path: Path) -> None:
    names = [
        Name("Dr. Ivan PETROV"),
        Name("Ivan Petrov Jr.", NameKind.AKA, NameQuality.WEAK),
        Name("Иван Петров", NameKind.ORIGINAL_SCRIPT),
    ]
    entities = [
        Entity("t:1", Schema.PERSON, names, SourceRef("t", "1", "1")),
        Entity("t:2", Schema.ORGANIZATION, [Name("Deutsche Bank AG", NameKind.FKA)],
               SourceRef("t", "1", "2")),
    ]  # fmt: skip
    built = Index(entities)
    built.save(tmp_path / "index")
    opened = Index.open(tmp_path / "index")
    assert opened is not None
    assert list(opened.names_table()) == list(built.names_table())
    assert any(n.removed for _, _, n in opened.names_table())
    assert any(n.legal_forms for _, _, n in opened.names_table())


def test_an_index_written_by_another_python_is_rebuilt_not_read(tmp_path: Path) -> None:
    Index(_entities()).save(tmp_path / "index")
    core_file = tmp_path / "index" / "core.pickle"
    core = pickle.loads(core_file.read_bytes())  # noqa: S301  (written just above)
    core["python"] = "3.99"
    core_file.write_bytes(pickle.dumps(core))
    assert Index.open(tmp_path / "index") is None


def test_every_posting_is_sorted_and_holds_each_name_once(tmp_path: Path) -> None:
    # retrieval takes one posting as its own union (no sort) on this promise
    written = ("Ivanov Sergei", "Ivanova Sergeia", "Sergei Ivanov", "Mohammed Ali")
    people = [
        Entity(f"t:{i}", Schema.PERSON, [Name(name), Name(name.upper())], SourceRef("t", "1", "1"))
        for i, name in enumerate(written)
    ]
    for index in (Index(people), _saved(people, tmp_path)):
        for table in index.tables().values():
            for key in table._keys:
                names = table.get(key)
                assert names is not None and (np.diff(names) > 0).all(), key


def _saved(entities: list[Entity], folder: Path) -> Index:
    Index(entities).save(folder / "index")
    opened = Index.open(folder / "index")
    assert opened is not None
    return opened
