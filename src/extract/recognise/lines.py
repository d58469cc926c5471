"""People and their organisations read off a line's layout, where no sentence says who they are.

Press releases end on contact lines ("Claire Dupont – Tél. 01 ...") and list a board as lines of a role,
a person and the organisation they come from ("Vice-Chair for Research: Paolo Cerruti - Northvolt"). The
models read such lines poorly (no verb, no sentence around the names); the layout says what each name is:
the name that opens a contact line is a person, and on an affiliation line the name before the dash is a
person (it opens on a known given name) and the words after it, to the end of the line, their organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.core.records import Paragraph
from extract.languages import lexicon
from extract.languages.registry import languages
from extract.recognise.candidates import Candidate
from extract.recognise.names import looks_like_person
from extract.recognise.places import place_names

#: A capitalised word of a name ("Lösche-ter", "Saguatti", "O'Neill").
_PART = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"


@cache
def _contact() -> re.Pattern[str]:
    """A name, a dash or colon, and a line that holds a contact word of any language, an address or a
    phone number ("Claire Dupont – Tél. 01 ...")."""
    words = lexicon.alternation(lexicon.every_language("contact_words"))
    return re.compile(
        r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:[ -][A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+){1,3})\s*[–—,:|-]\s*"
        rf"(?=.*(?:\b(?:{words})\b|@|\+\d|\b\d{{2}}[ .]\d{{2}}[ .]\d{{2}}\b))",
        re.IGNORECASE,
    )


@cache
def _affiliation() -> re.Pattern[str]:
    """A line's last name, a spaced dash and up to six more words to the line's end, their first and last
    capitalised ("Chair: Michael Lippert - Saft", "Paolo Cerruti – Spanish National Research Council")."""
    return re.compile(
        rf"(?:^|:\s*|^[-•*]\s*)(?P<person>{_PART}(?: {_PART}){{1,2}}) [-–—] "
        rf"(?P<org>{_PART}(?: (?:[\w&'’-]+)){{0,4}}(?: {_PART})?)[ \t.]*$"
    )


def line_candidates(text: str, paragraphs: Sequence[Paragraph]) -> list[Candidate]:
    """The people of contact lines, and the people and organisations of affiliation lines."""
    found = []
    for p in paragraphs:
        if p.boilerplate or p.lang not in languages():
            continue
        contact = _contact().match(text, p.start, p.end)
        if contact:
            found.append(Candidate(contact.start("name"), contact.end("name"), "PERSON", "title", p.lang))
        found += _affiliated(text, p)
    return found


def _affiliated(text: str, paragraph: Paragraph) -> list[Candidate]:
    """The person and the organisation of an affiliation line; none when the name before the dash is no
    person's or the words after it are a place or a role ("Jane Roe - Paris", "Jane Roe - Treasurer")."""
    match = _affiliation().search(text, paragraph.start, paragraph.end)
    if match is None:
        return []
    vocab = lexicon.vocabulary(paragraph.lang)
    person, org = match.group("person"), match.group("org")
    if not looks_like_person(person, vocab) or org in place_names() or org.lower() in vocab.role_words:
        return []
    return [
        Candidate(match.start("person"), match.end("person"), "PERSON", "title", paragraph.lang),
        Candidate(match.start("org"), match.end("org"), "ORG", "cue", paragraph.lang),
    ]
