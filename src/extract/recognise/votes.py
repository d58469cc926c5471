"""What the model calls a one-word name across the whole document, counted.

The small models label the same name differently from one sentence to the next ("Orange" ORG four times,
LOC once); one reading of the whole document is steadier than any one of them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from extract.recognise.blocks import Block
from extract.recognise.places import place_names

#: A word that opens in lower case and has a capital inside ("mirSense", "eBay").
CAMEL_CASE = re.compile(r"[a-zà-öø-ÿ]+[A-ZÀ-ÖØ-Þ][\w-]*")
#: Model labels of places: a name the model calls a place is no organisation unless a rule says so.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Model labels of people.
PERSON_LABELS = frozenset({"PERSON", "PER"})


def not_org_names(blocks: Sequence[tuple[Block, Doc]]) -> set[str]:
    """Names the model calls places, and one-word names it calls something else at least as often as ORG.

    "Lyon" tagged ORG once and PERSON once is no organisation; a rule can still make it one.
    """
    votes = _votes(blocks)
    labels: dict[str, set[str]] = defaultdict(set)
    for _, doc in blocks:
        for ent in doc.ents:
            labels[ent.text].add(ent.label_)
    places = {name for name, found in labels.items() if found & PLACE_LABELS}
    names = places | {name for name, vote in votes.items() if vote[False] >= vote[True]}
    return {name for name in names if not _acronym(name, votes[name], labels[name])}


def _acronym(name: str, vote: Counter[bool], labels: set[str]) -> bool:
    """Whether a name in capitals is an organisation's acronym whatever else the model calls it: one it
    calls ORG more often ("FIIA": ORG twice, GPE once); one of three letters or more that it calls ORG at
    least once and otherwise only a kind that is neither a place nor a person ("CNOUS": MISC five times,
    ORG twice); or one that it calls only a place and that names no place of the gazetteer ("l'ARS Pays de
    la Loire"; not "UK", "MD" or "PARIS")."""
    if not name.isupper() or not name.isalpha():
        return False
    unknown = len(name) >= 3 and name not in place_names() and name.title() not in place_names()
    other = unknown and vote[True] > 0 and not labels & (PLACE_LABELS | PERSON_LABELS)
    return vote[True] > vote[False] or other or (unknown and labels <= PLACE_LABELS)


def model_orgs(blocks: Sequence[tuple[Block, Doc]]) -> set[str]:
    """One-word names the model calls an organisation at least twice and at least twice as often as
    anything else: a company named after a place or a word ("Orange", "Total") that the text keeps using
    as a company; and a name in camel case the model calls one at least once ("mirSense"): no place or
    person is written so."""
    votes = _votes(blocks)
    return {
        name
        for name, vote in votes.items()
        if (vote[True] >= 2 and vote[True] >= 2 * vote[False]) or (vote[True] and CAMEL_CASE.fullmatch(name))
    }


def _votes(blocks: Sequence[tuple[Block, Doc]]) -> dict[str, Counter[bool]]:
    """For each one-word name the model reads, how often it calls it an organisation (True) or not."""
    votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for _, doc in blocks:
        for ent in doc.ents:
            if " " not in ent.text:
                votes[ent.text][ent.label_ == "ORG"] += 1
    return votes
