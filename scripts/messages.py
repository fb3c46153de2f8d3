"""Keep translations complete: extract, compile and check the four interface languages.

    python scripts/messages.py update   # extract strings into every locale/*.po (needs gettext)
    python scripts/messages.py compile  # write the .mo files (pure Python, no gettext needed)
    python scripts/messages.py check    # fail when a string lacks a translation or a .mo is stale
    python scripts/messages.py missing  # list untranslated strings as JSON, per catalogue
    python scripts/messages.py apply FILE.json  # {"msgid": {"ru": …, "de": …, "pl": …}}

Add ``--app NAME`` (e.g. ``--app network``; ``--app horizont`` for the project catalogue)
to work on one catalogue only.

Each app that has a ``locale/`` folder keeps its own catalogue, so apps can be translated
independently; everything else (project templates, core, accounts …) lives in
``horizont/locale``. The engines (``--app forensics``) never import Django: their
catalogues (``horizont/<engine>/locale``) are extracted with xgettext from the strings
marked ``N_("…")`` or ``tr("…")`` and read with the standard library's gettext; check,
missing, apply and compile treat them like every other catalogue.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "horizont"
LANGUAGES = ["ru", "de", "pl"]
ENGINES = {"forensics", "screening"}


# The foundation apps share the project catalogue in horizont/locale; every other app
# keeps its own, so that apps can be translated independently.
SHARED_CATALOGUE_APPS = {"core", "accounts", "audit", "jobs"}


def catalogue_dirs() -> list[tuple[Path, list[str]]]:
    """(directory to extract from, sub-directories to ignore) for every catalogue."""
    apps_with_own = sorted(
        p.parent for p in PACKAGE.glob("*/apps.py") if p.parent.name not in SHARED_CATALOGUE_APPS
    )
    ignore = [p.name for p in apps_with_own] + sorted(ENGINES) + ["static"]
    return [(PACKAGE, ignore)] + [(p, ["static"]) for p in apps_with_own]


def _selected(app: str | None) -> list[tuple[Path, list[str]]]:
    dirs = catalogue_dirs()
    if app is None:
        return dirs
    chosen = [d for d in dirs if d[0].name == app or (app == "horizont" and d[0] == PACKAGE)]
    if not chosen:
        sys.exit(f"no catalogue for {app!r}: create horizont/{app}/locale first")
    return chosen


def engine_dirs(app: str | None = None) -> list[Path]:
    """Engines that ship their own catalogue."""
    return [
        PACKAGE / name
        for name in sorted(ENGINES)
        if (PACKAGE / name / "locale").is_dir() and app in (None, name)
    ]


def update_engine(directory: Path) -> None:
    """Extract an engine's marked strings and merge them into its catalogues."""
    sources = sorted(str(p.relative_to(directory)) for p in directory.glob("*.py"))
    args = ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=N_"]
    args += ["--keyword=tr", "--no-location", "--no-wrap", "--output=-", *sources]
    template = subprocess.run(args, cwd=directory, capture_output=True, check=True).stdout
    pot = polib.pofile(template.decode("utf-8"))
    for lang in LANGUAGES:
        path = directory / "locale" / lang / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue = polib.pofile(str(path)) if path.exists() else polib.POFile()
        catalogue.merge(pot)
        for entry in [e for e in catalogue if e.obsolete]:
            catalogue.remove(entry)
        catalogue.save(str(path))
        print(f"processing engine {directory.name}, locale {lang}")


def update(app: str | None = None) -> None:
    for directory in engine_dirs(app):
        update_engine(directory)
    if app in ENGINES:
        return
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="horizont.settings")
    for directory, ignore in _selected(app):
        (directory / "locale").mkdir(exist_ok=True)
        # The console script, not "python -m": the app folder must not shadow packages
        # (an app's rules.py would hide the "rules" library).
        horizont = Path(sys.executable).with_name("horizont")
        args = [str(horizont), "makemessages", "--no-location", "--no-obsolete"]
        args += [f"--locale={lang}" for lang in LANGUAGES]
        for name in ignore:
            args += ["--ignore", f"{name}/*"]
        args += ["--ignore", "tests/*"]
        subprocess.run(args, cwd=directory, env=env, check=True)


def po_files(app: str | None = None) -> list[Path]:
    files = sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/django.po"))
    if app is None:
        return files
    if app == "horizont":
        return [p for p in files if p.parents[3] == PACKAGE]
    return [p for p in files if p.parents[3].name == app]


def compile_all(app: str | None = None) -> None:
    for po_path in po_files(app):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def check() -> int:
    problems: list[str] = []
    for po_path in po_files():
        catalogue = polib.pofile(str(po_path))
        rel = po_path.relative_to(ROOT)
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{rel}: fuzzy translation for {entry.msgid!r}")
            elif entry.msgid_plural:
                if not all(entry.msgstr_plural.values()):
                    problems.append(f"{rel}: missing plural translation for {entry.msgid!r}")
            elif not entry.msgstr:
                problems.append(f"{rel}: missing translation for {entry.msgid!r}")
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{rel}: compiled .mo file is missing (run make messages)")
            continue
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
        for entry in catalogue.translated_entries():
            if entry.msgid_plural:
                continue
            if compiled.get((entry.msgctxt, entry.msgid)) != entry.msgstr:
                problems.append(f"{rel}: .mo is out of date (run make messages)")
                break
    for problem in problems:
        print(problem)
    print(f"{len(po_files())} catalogues checked, {len(problems)} problems")
    return 1 if problems else 0


def missing(app: str | None = None) -> None:
    import json

    out: dict[str, list[str]] = {}
    for po_path in po_files(app):
        catalogue = polib.pofile(str(po_path))
        todo = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
        if todo:
            out[str(po_path.relative_to(ROOT))] = todo
    print(json.dumps(out, ensure_ascii=False, indent=1))


def apply(path: str, app: str | None = None) -> None:
    """Fill translations from a JSON file; a plural entry takes a list of forms."""
    import json

    table = json.loads(Path(path).read_text(encoding="utf-8"))
    for po_path in po_files(app):
        lang = po_path.parts[-3]
        catalogue = polib.pofile(str(po_path))
        changed = False
        for entry in catalogue:
            translation = table.get(entry.msgid, {}).get(lang)
            if not translation:
                continue
            if entry.msgid_plural:
                forms = translation if isinstance(translation, list) else [translation]
                entry.msgstr_plural = {i: form for i, form in enumerate(forms)}
            else:
                entry.msgstr = translation
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed = True
        if changed:
            catalogue.save()
    compile_all(app)


if __name__ == "__main__":
    args = sys.argv[1:]
    selected_app = None
    if "--app" in args:
        index = args.index("--app")
        selected_app = args[index + 1]
        del args[index : index + 2]
    command = args[0] if args else "check"
    if command == "update":
        update(selected_app)
    elif command == "compile":
        compile_all(selected_app)
    elif command == "missing":
        missing(selected_app)
    elif command == "apply":
        apply(args[1], selected_app)
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
