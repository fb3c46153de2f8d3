"""Plain-language explanations of every test and the other words of the report.

The texts are written here in English and marked with ``N_``; their Russian, German and
Polish versions live in standard gettext catalogues shipped with the engine
(``horizont/forensics/locale/<lang>/LC_MESSAGES/django.po``, compiled to ``.mo``), read
with the standard library's :mod:`gettext` — the engine never imports Django. The
project's ``scripts/messages.py`` extracts these strings into the catalogues and its
``check`` covers them, like every other catalogue.

``EXPLANATIONS[test_id][lang]`` is an :class:`Explanation` (title, what the test shows,
what it cannot prove); ``LABELS[lang]`` holds the other words of the report and
``TERMS[key][lang]`` the names of conditions, weights, flags and protocol lines.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "ru", "de", "pl")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def N_(text: str) -> str:  # noqa: N802 - the usual name of the no-op gettext marker
    """Mark ``text`` for extraction into the engine's catalogues; returns it unchanged."""
    return text


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The engine's catalogue of ``lang`` (no translation for English or unknown languages)."""
    return gettext.translation("django", LOCALE_DIR, languages=[lang], fallback=True)


def translate(text: str, lang: str) -> str:
    """``text`` (an English source string) in ``lang``."""
    return text if lang == "en" else catalogue(lang).gettext(text)


@dataclass(frozen=True)
class Explanation:
    title: str
    shows: str
    cannot_prove: str


#: English source of every explanation.
_EXPLANATIONS: dict[str, Explanation] = {
    "comet": Explanation(
        N_("Turnout and the leader's share at every polling station"),
        N_(
            "Each polling station is a point: how many registered voters took a "
            "ballot (across) and what share of the ballots went to the leader (up). "
            "Honest elections usually form one round cloud. A long tail stretching to"
            " the top right — high turnout together with a high share — is what "
            "stations look like when ballots are added for one party."
        ),
        N_(
            "Some places really do vote with high turnout and for one party (closed "
            "institutions, some rural areas). The picture shows where to look, not "
            "who cheated."
        ),
    ),
    "integer": Explanation(
        N_("Too many round percentages"),
        N_(
            "We count the polling stations whose turnout or leader's share is a whole"
            " percent (70.0 %, 80.0 %…, within ±0.05 points) and compare with how "
            "many would land there by chance, computed exactly from the stations' own"
            " sizes and rates. Far more round numbers than chance allows is the trace"
            " of results written to a target rather than counted."
        ),
        N_(
            "The test shows that some numbers were very likely not counted honestly, "
            "but not which stations, by whom, or how many votes changed. Stations "
            "with few voters are left out because small numbers make round "
            "percentages common."
        ),
    ),
    "regional": Explanation(
        N_("Where the round turnouts come from"),
        N_(
            "For each region: voters at stations with a whole-percent turnout minus "
            "voters at stations with a half-percent turnout (70.5 %…). By chance both"
            " are about equal; a large positive number means the region contributes "
            "many of the suspicious round results."
        ),
        N_(
            "A high rank does not say which stations in the region, and a region with"
            " few voters cannot reach a high rank even if it is affected."
        ),
    ),
    "excess": Explanation(
        N_("How many votes may have been added"),
        N_(
            "Most stations share an ordinary turnout (the 'clean peak'); there the "
            "leader gets a certain number of votes for every vote of the other "
            "parties. Where turnout is higher, the other parties gain hardly any "
            "votes while the leader gains many. Counting the leader's votes above the"
            " clean ratio gives an estimate of added votes, shown with a range over "
            "reasonable settings."
        ),
        N_(
            "It rests on assumptions — that the other parties' votes were not touched"
            " and that high-turnout places would have voted like the clean peak. It "
            "is an order of magnitude, not a count of fraud."
        ),
    ),
    "fingerprint": Explanation(
        N_("The election fingerprint"),
        N_(
            "A model of an honest election — turnout and share scattered around the "
            "clean peak — is fitted to the picture of all stations, allowing two "
            "kinds of fraud: some stations add a few ballots for the leader "
            "('incremental'), some report almost everyone voting for the leader "
            "('extreme'). The fitted shares of stations of each kind are shown with "
            "their uncertainty."
        ),
        N_(
            "The model is simple and the honest part is assumed to look like the "
            "clean peak; regions that genuinely differ can be mistaken for fraud. The"
            " fractions are a summary of the shape, not a count of falsified "
            "stations."
        ),
    ),
    "digits": Explanation(
        N_("Digit tests"),
        N_(
            "Counted votes follow typical digit patterns: the second digit of a count"
            " averages about 4.19, the last digit 4.5, and one count in five ends in "
            "0 or 5. People who invent numbers tend to break these patterns."
        ),
        N_(
            "Honest counts also deviate, for example when stations have similar sizes"
            " or a party is very strong. Digit tests are weak evidence and are shown "
            "for completeness."
        ),
    ),
    "correlation": Explanation(
        N_("Does the leader gain when more people vote?"),
        N_(
            "In honest elections turnout and a party's share are only loosely "
            "related. A strong rise of the leader's share with turnout — the slope "
            "tells how much of each additional ballot went to the leader — fits "
            "ballot stuffing."
        ),
        N_(
            "Mobilisation of the leader's supporters also raises both together. The "
            "correlation is a hint, not evidence on its own."
        ),
    ),
    "flags": Explanation(
        N_("Stations worth a closer look"),
        N_(
            "Stations are flagged for turnout of 99 % or more, round percentages, "
            "results identical to another station of the same territorial commission,"
            " and suspicious small counts (many stations giving a party exactly 1 or "
            "2 votes but almost none giving 0)."
        ),
        N_(
            "A flag is a reason to check the protocol and observers' reports, not "
            "proof that a station cheated."
        ),
    ),
}

#: English source of the report's other words.
_LABELS: dict[str, str] = {
    "report": N_("Forensic report"),
    "summary": N_("Summary"),
    "stations": N_("Polling stations"),
    "registered": N_("Registered voters"),
    "turnout": N_("Turnout"),
    "leader": N_("Leader"),
    "leader_share": N_("Leader's share of ballots in the boxes"),
    "what_shows": N_("What it shows"),
    "cannot_prove": N_("What it cannot prove"),
    "observed": N_("Observed"),
    "expected": N_("Expected by chance"),
    "excess": N_("Excess"),
    "p_value": N_("p-value"),
    "condition": N_("Round"),
    "weight": N_("Counted as"),
    "region": N_("Region"),
    "excess_voters": N_("Excess voters"),
    "estimate": N_("Estimate"),
    "range": N_("Range"),
    "incremental": N_("Incremental fraud"),
    "extreme": N_("Extreme fraud"),
    "test": N_("Test"),
    "value": N_("Value"),
    "interval": N_("95 % interval"),
    "flag": N_("Flag"),
    "count": N_("Stations"),
    "warnings": N_("Notes on the data"),
    "implausible": N_("Implausible figures: check them before reading on"),
    "column_mapping": N_("Columns of the file used for each protocol line"),
    "protocol_line": N_("Protocol line"),
    "file_column": N_("Column in the file"),
    "not_matched": N_("no column matched"),
    "assumptions_fail": N_("The assumptions of this estimate do not hold here"),
    "abroad": N_("Stations abroad"),
    "remote": N_("Remote electronic voting"),
    "parties": N_("Results"),
    "votes": N_("Votes"),
    "share": N_("Share"),
    "method": N_("How this was computed"),
    "clean": N_("clean peak"),
    "findings": N_("Main findings"),
    "finding_integer": N_(
        "{observed} polling stations report a round turnout or leader's share; chance"
        " would give {mean} ± {sd}. The excess of {excess} stations is {z} standard "
        "deviations above chance (p {p})."
    ),
    "finding_regions": N_("Most voters at round turnouts come from: {regions}."),
    "finding_excess": N_(
        "Estimated votes added for the leader: {estimate} million (range {low}–{high}"
        " million) of {total} million."
    ),
    "finding_fingerprint": N_(
        "The fingerprint fits incremental fraud at {inc} of stations and extreme fraud at {ext}."
    ),
    "finding_fingerprint_none": N_(
        "The fingerprint is not estimated: no clean turnout peak between {low} and {high} %."
    ),
}

#: English names of conditions, weights, flags, digit tests and protocol lines.
_TERMS: dict[str, str] = {
    "turnout": N_("turnout"),
    "share": N_("leader's share"),
    "either": N_("either"),
    "stations": N_("stations"),
    "registered": N_("voters"),
    "ballots": N_("ballots"),
    "leader": N_("leader's votes"),
    "turnout_99": N_("turnout ≥ 99 %"),
    "integer_turnout": N_("round turnout"),
    "integer_share": N_("round share"),
    "identical_results": N_("identical results in the TIK"),
    "small_count_anomaly": N_("suspicious small counts"),
    "second_digit_mean": N_("mean second digit"),
    "last_digit_mean": N_("mean last digit"),
    "last_digit_0_or_5": N_("share ending in 0 or 5"),
    "all_parties": N_("all parties"),
    "registered voters": N_("registered voters"),
    "ballots received": N_("ballots received"),
    "ballots issued early": N_("ballots issued early"),
    "ballots issued on the premises": N_("ballots issued on the premises"),
    "ballots issued outside the premises": N_("ballots issued outside the premises"),
    "ballots issued (one line)": N_("ballots issued (one line)"),
    "ballots cancelled": N_("ballots cancelled"),
    "ballots in portable boxes": N_("ballots in portable boxes"),
    "ballots in stationary boxes": N_("ballots in stationary boxes"),
    "ballots in the boxes (one line)": N_("ballots in the boxes (one line)"),
    "invalid ballots": N_("invalid ballots"),
    "valid ballots": N_("valid ballots"),
    "ballots lost": N_("ballots lost"),
    "ballots not accounted for": N_("ballots not accounted for"),
    "absentee certificates and applications": N_("absentee certificates and applications"),
    "parties or candidates": N_("parties or candidates"),
    "not recognised": N_("not recognised"),
}

EXPLANATIONS: dict[str, dict[str, Explanation]] = {
    test_id: {
        lang: Explanation(
            translate(e.title, lang), translate(e.shows, lang), translate(e.cannot_prove, lang)
        )
        for lang in LANGUAGES
    }
    for test_id, e in _EXPLANATIONS.items()
}
LABELS: dict[str, dict[str, str]] = {
    lang: {key: translate(text, lang) for key, text in _LABELS.items()} for lang in LANGUAGES
}
TERMS: dict[str, dict[str, str]] = {
    key: {lang: translate(text, lang) for lang in LANGUAGES} for key, text in _TERMS.items()
}


def explanation(test_id: str, lang: str) -> Explanation:
    """The explanation of ``test_id`` in ``lang`` (English when the language is unknown)."""
    texts = EXPLANATIONS[test_id]
    return texts.get(lang, texts["en"])
