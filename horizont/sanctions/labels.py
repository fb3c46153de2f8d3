"""Labels in the reader's language for the engine's enum values and explanations.

The engine explains matches in English; pages show its structured explanation (which
token matched which, and how) with these labels around the names themselves.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from horizont.screening import CHINESE_READING_NOTE, KOREAN_READING_NOTE, Match

SCHEMAS = {
    "person": _("person"),
    "organization": _("organization or company"),
    "vessel": _("vessel"),
    "aircraft": _("aircraft"),
}
BANDS = {"strong": _("strong"), "possible": _("possible"), "weak": _("weak")}
METHODS = {
    "exact": _("exact"),
    "transliteration": _("transliteration"),
    "fuzzy": _("similar spelling"),
    "initial": _("initial"),
    "joined": _("written together"),
    "partial": _("partly similar spelling"),
    "equivalent": _("the same given name in another language"),
    "short form": _("a short form of the given name"),
    "acronym": _("initials of the words"),
}
NAME_KINDS = {
    "primary": _("primary name"),
    "aka": _("also known as"),
    "fka": _("formerly known as"),
    "nka": _("now known as"),
    "original-script": _("original script"),
}
QUALITIES = {"strong": _("strong alias"), "weak": _("weak alias")}
LINK_KINDS = {
    "linked-to": _("linked to"),
    "operator": _("operated by"),
    "owner": _("owned by"),
    "member": _("member of"),
    "associate": _("associate of"),
}
ID_TYPES = {
    "passport": _("passport"),
    "national-id": _("national ID"),
    "tax-id": _("tax number"),
    "registration": _("registration number"),
    "imo": _("IMO number"),
    "mmsi": _("MMSI"),
    "aircraft-registration": _("aircraft registration"),
    "serial": _("serial number"),
    "mode-s": _("Mode S transponder code"),
    "swift-bic": _("SWIFT/BIC"),
    "email": _("e-mail"),
    "website": _("website"),
    "other": _("other identifier"),
}
# The lists in the reader's language, by list id; a list Horizont does not know keeps
# the title it was stored with.
LIST_NAMES = {
    "us-ofac-sdn": _("US Treasury SDN list (OFAC)"),
    "us-ofac-cons": _("US Treasury consolidated non-SDN list (OFAC)"),
    "eu-fsf": _("EU consolidated financial sanctions list"),
    "un-sc-consolidated": _("UN Security Council consolidated list"),
    "uk-hmt-consolidated": _("UK consolidated sanctions list (OFSI)"),
    "opensanctions": _("OpenSanctions"),
    "ru-minjust-foreign-agents": _("Register of “foreign agents” (Russian Ministry of Justice)"),
    "ru-undesirable-organizations": _("Register of “undesirable organizations” (Russia)"),
}
# Facts the parsers keep under an English key (OFAC remarks, UN and EU fields).
FACTS = {
    "nationality of registration": _("nationality of registration"),
    "aircraft model": _("aircraft model"),
    "aircraft manufacture date": _("date of manufacture"),
    "aircraft operator": _("operator"),
    "vessel year of build": _("year of build"),
    "vessel flag": _("flag"),
    "other vessel flag": _("other flag"),
    "former vessel flag": _("former flag"),
    "vessel type": _("vessel type"),
    "vessel call sign": _("call sign"),
    "call sign": _("call sign"),
    "organization established date": _("date of establishment"),
    "organization type": _("type of organization"),
    "target type": _("type of target"),
    "listing date": _("listed on"),
    "listed on": _("listed on"),
    "designated": _("listed on"),
    "effective date": _("in force since"),
    "gender": _("gender"),
    "telephone no.": _("telephone"),
    "telephone": _("telephone"),
    "phone number": _("telephone"),
    "phone": _("telephone"),
    "fax no.": _("fax"),
    "fax": _("fax"),
    "title": _("title"),
    "designation": _("function"),
    "digital currency address": _("digital currency address"),
    "secondary sanctions risk": _("secondary sanctions risk"),
    "additional sanctions information": _("additional sanctions information"),
    "equity ticker": _("stock ticker"),
    "executive order": _("executive order"),
    "transactions prohibited for persons owned or controlled by u.s. financial institutions": _(
        "transactions prohibited for persons owned or controlled by US financial institutions"
    ),
    "remark": _("remark"),
    "reference number": _("reference number"),
    "eu reference number": _("EU reference number"),
    "un id": _("UN reference number"),
    "register type": _("type of entry"),
    "included": _("included on"),
    "excluded": _("removed on"),
    "basis": _("basis"),
    "topic": _("topic"),
    "dataset": _("data set"),
}
NOTES = {"weak alias: band capped at possible": _("weak alias: at most a possible match")}


def note(text: str) -> Any:
    """A note of the engine in the reader's language."""
    if text.startswith(KOREAN_READING_NOTE):
        reading = text.removeprefix(KOREAN_READING_NOTE)
        return _("the name in Han characters read as a Korean name: %(reading)s") % {
            "reading": reading
        }
    if text.startswith(CHINESE_READING_NOTE):
        reading = text.removeprefix(CHINESE_READING_NOTE)
        return _("the name in Hangul read as a Chinese name: %(reading)s") % {"reading": reading}
    return NOTES.get(text, text)


def list_name(list_id: str, stored_title: str = "") -> Any:
    """A list's name in the reader's language (its stored title when Horizont knows none)."""
    return LIST_NAMES.get(list_id) or stored_title or list_id


def facts(entity_facts: dict[str, list[str]]) -> list[tuple[Any, list[str]]]:
    """An entity's facts with their keys in the reader's language."""
    return [(FACTS.get(key.lower(), key), values) for key, values in entity_facts.items()]


def label(table: dict[str, Any], value: object) -> Any:
    """The label of an enum value, or the value itself when it has none."""
    return table.get(str(value), str(value))


def explanation(match: Match) -> dict[str, Any]:
    """A match's explanation as data for a template (labels translated)."""
    data: dict[str, Any] = {"identifier": None, "name": None, "notes": []}
    if match.identifier is not None:
        hit = match.identifier
        data["identifier"] = {
            "query": hit.query,
            "type": label(ID_TYPES, hit.identifier.type),
            "value": hit.identifier.value,
            "country": hit.identifier.country,
            "normalized": hit.normalized,
        }
    if match.name is not None and match.matched_name is not None:
        listed = match.matched_name
        data["name"] = {
            "query": match.name.query,
            "listed": listed.value,
            "kind": label(NAME_KINDS, listed.kind),
            "weak": str(listed.quality) == "weak",
            "score": match.name.score,
            "tokens": [
                {
                    "query": t.query_token,
                    "name": t.name_token,
                    "method": label(METHODS, t.method),
                    "exact": str(t.method) == "exact",
                    "similarity": t.similarity,
                }
                for t in match.name.tokens
            ],
            "missing_in_name": match.name.missing_in_name,
            "missing_in_query": match.name.missing_in_query,
            "removed": match.name.removed,
        }
    data["notes"] = [note(n) for n in match.notes]
    return data


def chain_steps(chain: Any) -> list[dict[str, Any]]:
    """The hops of a chain, each with its translated link kinds."""
    return [
        {"entity": step.entity, "kinds": [label(LINK_KINDS, k) for k in step.kinds]}
        for step in chain.steps
    ]
