"""Command-line tools answer a bad file with one clear line, never a traceback."""

import sys
import types

import pytest

from horizont.core.engine_command import EngineCommand


@pytest.fixture
def broken_engine(monkeypatch):
    module = types.ModuleType("horizont_fake_engine_cli")

    def main(argv):
        raise ValueError(f"{argv[-1]}: row 3, column 'votes': not a number")

    module.main = main
    monkeypatch.setitem(sys.modules, module.__name__, module)
    command = EngineCommand()
    command.engine_cli = module.__name__
    return command


def test_bad_file_gets_one_line_without_traceback(broken_engine, capsys, monkeypatch):
    monkeypatch.delenv("HORIZONT_TRACEBACK", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        broken_engine.run_from_argv(["horizont", "forensics", "analyze", "bad.csv"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err == "horizont forensics: error: bad.csv: row 3, column 'votes': not a number\n"
    assert "Traceback" not in err


def test_traceback_on_request_for_debugging(broken_engine, monkeypatch):
    monkeypatch.setenv("HORIZONT_TRACEBACK", "1")
    with pytest.raises(ValueError):
        broken_engine.run_from_argv(["horizont", "forensics", "analyze", "bad.csv"])
