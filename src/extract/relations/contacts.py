"""Press-contact blocks: the people listed under a contact header, and the organisation each speaks for.

A release ends with lines such as "CONTACT PRESSE / GUSTAVE ROUSSY : / Claire Parisel – Tél. ...",
"For further information, please contact: / Acal plc: / Nick Jefferies ~ Chief Executive 01483 544500 /
J.P. Morgan Cazenove: / Patrick Magee ~ Managing Director ..." or "Mr. Petri Rolig, President and CEO, tel.
...": nothing is stated by a sentence, the layout says it. Each person works for the organisation named
after them on their own line (else the one whose line they stand under, else the topic), and heads it when
the role written on their line is a head's role ("Chief Executive", not "Head of Communications").
The block runs over short lines and lines that open with a person; the first line of running text ends it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span

from extract.relations.lexicon import RelationLexicon, load_lexicon, merged_words
from extract.relations.triggers import role_run
from extract.relations.view import Anchor, Evidence, Found, Match, SentenceView, doc_forms, match_phrase

#: A press-contact block ends at the first line longer than this (running text, not a contact line).
CONTACT_BLOCK_CHARS = 300
#: The most lines a contact block runs over after its header.
CONTACT_LINES = 12
#: Words of a short line: an organisation's line or a phone line; longer lines must open with a person.
CONTACT_HEADER_WORDS = 8
#: How far into a line a person may stand and still be the line's contact ("Mr. X", "Acme – X").
PERSON_REACH = 6
#: Punctuation that may end a contact header or stand between a name and the role after it.
HEADER_ENDS = frozenset({":", ",", "–", "—", "-", "~", "|"})


Line = tuple[int, Span, list[Anchor]]


def press_contacts(
    parsed: Sequence[Line], topic: str | None, agents: frozenset[str]
) -> Iterator[tuple[Found, Evidence]]:
    """ "CONTACT PRESSE / GUSTAVE ROUSSY : / Claire Parisel" or "Press contact: Jane Doe, ACME":
    each person under a press-contact header works for (or heads, by their role) the organisation named
    with them, else the topic; the role on their line, else the header, is the role. ``parsed`` holds the
    document's lines, in order."""
    for number, (offset, line, anchors) in enumerate(parsed):
        header = _contact_header(line, load_lexicon(line.doc.lang_), agents)
        roster = header is None and _roster_heading(line, anchors)
        if roster:
            header = line[:0]  # the heading names the organisation; it is no role
        if header is None:
            continue
        scope = [(offset, line, [a for a in anchors if a.start >= header.end])]
        for later in parsed[number + 1 : number + 1 + CONTACT_LINES]:
            if not _contact_line(later) or _contact_header(
                later[1], load_lexicon(later[1].doc.lang_), agents
            ):
                break
            scope.append(later)
        yield from _contacts_in(scope, offset + header.start_char, header.text, topic, roles_only=roster)


def _contact_header(line: Span, lexicon: RelationLexicon, agents: frozenset[str]) -> Span | None:
    """The press-contact header among the first words of ``line``, if any (``agents``: see match_phrase);
    the header ends the line or is set off by punctuation ("For further information, please contact:"),
    so that "Further information regarding the offer will be released" is no header."""
    doc = line.doc
    for start in range(line.start, min(line.start + 3, line.end)):
        for phrase in lexicon.contact_headers:
            end = match_phrase(doc, start, phrase, stop=line.end, agents=agents)
            if end is not None and (
                end == line.end or doc[end - 1].text in HEADER_ENDS or doc[end].text in HEADER_ENDS
            ):
                return doc[start:end]
    return None


def _roster_heading(line: Span, anchors: Sequence[Anchor]) -> bool:
    """ "Board of Directors of the Alpha Foundation:": a short line naming a roster ("board", "élus"),
    ending with a colon, with no person on it: the lines under it list officers, one per line."""
    words = load_lexicon(line.doc.lang_).roster_words
    table = doc_forms(line.doc)
    return (
        line.doc[line.end - 1].text == ":"
        and len(line) <= CONTACT_HEADER_WORDS + 4
        and not any(a.label == "PERSON" for a in anchors)
        and any(table[t.i][0] in words or table[t.i][1] in words for t in line)
    )


def _contact_line(line: Line) -> bool:
    """A line of a contact block: short, no running text, or one that opens with a person."""
    _, span, anchors = line
    if len(span.text) > CONTACT_BLOCK_CHARS:
        return False
    words = [t for t in span if not t.is_punct]
    opening = any(a.label == "PERSON" and a.start - span.start <= PERSON_REACH for a in anchors)
    return len(words) <= CONTACT_HEADER_WORDS or opening


def _contacts_in(
    scope: Sequence[Line], start: int, header: str, topic: str | None, *, roles_only: bool = False
) -> Iterator[tuple[Found, Evidence]]:
    """The people of a block; under a roster heading (``roles_only``) only those with a role on their line."""
    last_org: str | None = None
    unnamed = False  # an organisation header was seen that no mention covers: its people are not the topic's
    pieces: list[str] = []
    for number_line, (offset, line, anchors) in enumerate(scope):
        doc = line.doc
        if number_line and not anchors and _header_line(line):
            last_org, unnamed = None, True
        if _named_header(line, anchors):
            # "J.P. Morgan Cazenove:" taken for a person: a line that is one name and a colon heads a
            # firm's contacts, and people are not introduced that way
            last_org, unnamed = None, True
            pieces.append(line.text.strip())
            continue
        for number, anchor in enumerate(anchors):
            if anchor.label == "ORG":
                last_org, unnamed = anchor.key, False
                continue
            after = next((a for a in anchors[number + 1 :] if a.label == "ORG"), None)
            role, own = _line_role(line, anchors, anchor)
            if roles_only and role is None:
                continue
            # "Lori Markham, COO, Midwest Transplant Network": an organisation on the person's own line
            # is theirs, before the one of a line above (the previous officer's, in a roster)
            org = own or (after.key if after else None) or last_org or (None if unnamed else topic)
            if org is None:
                continue
            end = offset + doc[anchor.end - 1].idx + len(doc[anchor.end - 1].text)
            if role is not None:
                end = offset + doc[role.end - 1].idx + len(doc[role.end - 1].text)
            text = " ".join([*pieces, doc.text[line.start_char : end - offset].strip()]).strip()
            predicate = role.predicate if role is not None else "works_for"
            found = Found(anchor.key, predicate, org, role.role if role is not None else header, None)
            yield found, Evidence(start, end, text)
        pieces.append(line.text.strip())


def _line_role(line: Span, anchors: Sequence[Anchor], person: Anchor) -> tuple[Match | None, str | None]:
    """The role written after ``person`` on its line ("~ Chief Executive", ", Vice President and CFO"), and
    the organisation it is a role of when one follows ("Director of Acme"); a head's role of an unnamed
    department ("Head of Communications") is a staff role."""
    lexicon = load_lexicon(line.doc.lang_)
    view = SentenceView(line, list(anchors), [], lexicon, merged_words(), None)
    table = doc_forms(line.doc)
    i = person.end
    while i < line.end and (line.doc[i].text in HEADER_ENDS or table[i][0] in lexicon.titles):
        i += 1
    match = role_run(view, i, line.end) if i < line.end else None
    if match is None:
        return None, None
    if match.end < line.end and table[match.end][0] in lexicon.role_prepositions:
        nxt = next((a for a in anchors if a.start > match.end), None)
        if nxt is not None and nxt.label == "ORG" and nxt.start <= match.end + 2:
            return match, nxt.key
        return Match(match.start, match.end, "works_for", match.direction, match.role), None
    return match, None


def _named_header(line: Span, anchors: Sequence[Anchor]) -> bool:
    """ "Cubitt Consulting:": a line that is one person's name followed by a colon and nothing else."""
    return (
        len(anchors) == 1
        and anchors[0].label == "PERSON"
        and anchors[0].start == line.start
        and line.doc[line.end - 1].text == ":"
        and anchors[0].end == line.end - 1
    )


def _header_line(line: Span) -> bool:
    """ "ACME SANTÉ :": a short line in capitals, which in a contact block names an organisation."""
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line) <= CONTACT_HEADER_WORDS
