"""Letters after a person's name: credentials, not organisations.

Releases, American ones above all, write a person's professional letters after their name: "Daniel J.
Ford, CFSP, CCO, of Robinson Family Funeral Homes", "Steve McConnell, FAIA, will chair", "Lamar Evers,
PSM." The acronym rule reads each as an organisation, and the relation steps then give the person a post
there. An acronym between commas after a person's name (or after another such acronym), closed by a
comma, a semicolon or a full stop, is a credential when the text writes it nowhere but between commas. An
acronym followed by a role or a place ("Sally Thomas, SFHA Chief Executive", "Monica Lee-Müller, HKCEC,
Hong Kong") is where the person works, and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.recognise.candidates import Candidate
from extract.recognise.places import place_names
from extract.text import acronyms

#: What closes a credential: a comma, a semicolon or a full stop.
_CLOSING = frozenset(",;.")
#: The capitalised words right after a comma.
_NEXT_WORDS = re.compile(r",\s*([A-ZÀ-ÖØ-Þ][\w-]*(?: [A-ZÀ-ÖØ-Þ][\w-]*)?)")


def without_credentials(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """``chosen`` without the acronyms that are a person's credentials."""
    ordered = sorted(chosen, key=lambda c: (c.start, c.end))
    credentials: set[int] = set()
    before: Candidate | None = None
    for candidate in ordered:
        after_name = before is not None and (before.label == "PERSON" or id(before) in credentials)
        if after_name and _an_acronym(text, candidate) and _credential(text, before, candidate):
            credentials.add(id(candidate))
        before = candidate
    # an acronym the text also writes elsewhere than between commas ("the FAIA") is a body
    letters = {text[c.start : c.end] for c in ordered if id(c) in credentials}
    letters -= {text[c.start : c.end] for c in ordered if not _between_commas(text, c)}
    return [c for c in chosen if text[c.start : c.end] not in letters or not _between_commas(text, c)]


def _an_acronym(text: str, candidate: Candidate) -> bool:
    """An organisation in capitals that no list holds (a listed name is a known body: "IBM")."""
    name = text[candidate.start : candidate.end]
    return candidate.label == "ORG" and candidate.source != "gazetteer" and acronyms.looks_like_acronym(name)


def _between_commas(text: str, candidate: Candidate) -> bool:
    """Written as a credential is: after a comma, closed by a comma, a semicolon or a full stop."""
    closed = text[candidate.end : candidate.end + 1] in _CLOSING
    return closed and text[candidate.start - 2 : candidate.start] == ", "


def _credential(text: str, before: Candidate, candidate: Candidate) -> bool:
    if text[before.end : candidate.start] != ", " or not _between_commas(text, candidate):
        return False
    following = _NEXT_WORDS.match(text, candidate.end)
    return following is None or following.group(1) not in place_names()
