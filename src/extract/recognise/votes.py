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

#: A word that opens in lower case and has a capital inside ("mirSense", "eBay").
CAMEL_CASE = re.compile(r"[a-zà-öø-ÿ]+[A-ZÀ-ÖØ-Þ][\w-]*")
#: Model labels of places: a name the model calls a place is no organisation unless a rule says so.
PLACE_LABELS = frozenset({"GPE", "LOC"})


def not_org_names(blocks: Sequence[tuple[Block, Doc]]) -> set[str]:
    """Names the model calls places, and one-word names it calls something else at least as often as ORG.

    "Lyon" tagged ORG once and PERSON once is no organisation; a rule can still make it one.
    """
    votes = _votes(blocks)
    places = {ent.text for _, doc in blocks for ent in doc.ents if ent.label_ in PLACE_LABELS}
    # an acronym the model calls ORG more often than a place is no place ("FIIA": ORG twice, GPE once)
    places = {name for name in places if not (name.isupper() and votes[name][True] > votes[name][False])}
    return places | {name for name, vote in votes.items() if vote[False] >= vote[True]}


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
