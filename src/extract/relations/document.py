"""Relation triples of one document, read off spaCy's parse of its blocks by trigger rules.

This module places the document's mentions on the parsed tokens, stands in the document's topic
organisation for "it", "its", "the Centre", "l'Institut" (press releases speak of their issuer
that way), runs the sentence rules (listed in :mod:`extract.relations.rules`) on the sentences of
:mod:`extract.relations.sentences`, with footnote markers standing for the organisations their
footnote lists (:mod:`extract.relations.footnotes`), then the press-contact rule
(:mod:`extract.relations.contacts`, which spans several lines: a "CONTACT PRESSE" header, an
organisation line, a name line), and returns each triple once with its evidence sentence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract.core.records import Mention, Relation
from extract.core.schema import SUBJECT_TYPES, SYMMETRIC_PREDICATES
from extract.languages.lexicon import alternation as lexicon_alternation
from extract.languages.lexicon import every_language
from extract.languages.registry import languages
from extract.relations.catenatives import lift_catenatives
from extract.relations.contacts import press_contacts
from extract.relations.footnotes import footnote_lists, note_anchors, resolve_notes
from extract.relations.lexicon import MergedWords, RelationLexicon, load_lexicon, merged_words
from extract.relations.pair_model import beside_rules, classified, shipped_model
from extract.relations.pronouns import person_pronouns, seen_people
from extract.relations.rules import sentence_relations
from extract.relations.sentences import lines, sentence_lexicon, sentences
from extract.relations.studies import schools, without_studies
from extract.relations.succession import Succession, predecessors, successions
from extract.relations.vacancies import Vacancy, announced, filled
from extract.relations.view import (
    Anchor,
    DateSpan,
    Evidence,
    Found,
    SentenceView,
    doc_forms,
    forms,
    opening_org,
    skipped_tokens,
)

#: How many earlier ORG mentions a membership without "of ..." may refer back to.
RECENT_ORGS = 12


def main_topic(mentions: Sequence[Mention]) -> str | None:
    """The ORG key with the most mentions (first occurrence breaks ties): what the document is about. A
    board ("le Conseil d'administration", named at every step of an election) governs the topic and is
    not it, unless the document names nothing else."""
    boards = every_language("board_nouns")
    named = [m for m in mentions if m.label == "ORG" and m.key]
    bodies = [m for m in named if m.text.lower().replace("’", "'") not in boards]
    orgs = sorted(bodies or named, key=lambda m: (m.start, m.end))
    counts = Counter(m.key for m in orgs)
    first = {}
    for number, mention in enumerate(orgs):
        first.setdefault(mention.key, number)
    if not counts:
        return None
    return min(counts, key=lambda key: (-counts[key], first[key]))


def find_relations(
    blocks: Sequence[tuple[int, Doc]],
    mentions: Sequence[Mention],
    *,
    topic: str | None = None,
    use_model: bool = True,
    observe: Callable[[SentenceView, Evidence], None] | None = None,
) -> list[Relation]:
    """Every relation the document states between its ORG/PERSON entities, once, in text order.

    ``blocks`` are (document offset, parsed block); ``mentions`` carry document offsets, an entity
    ``key`` (ORG/PERSON) or a ``value`` (DATE); ``topic`` is the key of the organisation the document
    is about (computed from the mentions when None). ``use_model`` adds the trained pair classifier's
    triples to the rules'; ``observe`` is shown each sentence as the rules read it (training reads
    the classifier's features off it).
    """
    if topic is None:
        topic = main_topic(mentions)
    model = shipped_model() if use_model else None
    found: list[tuple[Found, Evidence]] = []
    recent: list[str] = []
    previous: str | None = None
    last_person: str | None = None
    people: list[str] = []  # persons of the sentences read, the most salient last
    stated: list[Succession] = []
    vacancy: Vacancy | None = None  # a post announced in an earlier sentence, its holder not yet named
    parsed: list[tuple[int, Span, list[Anchor]]] = []
    placed: list[tuple[int, Doc, list[Anchor], list[DateSpan]]] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    words = name_words(ordered)
    merged = merged_words()
    for offset, doc in blocks:
        if doc.lang_ not in languages() or not doc.text.strip():
            continue
        lift_catenatives(doc, load_lexicon(doc.lang_))
        # Only the block's own mentions: looking at every mention of a long document for each of
        # its blocks would make relation finding quadratic in the document's length.
        end = offset + len(doc.text)
        own = ordered[bisect.bisect_left(starts, offset) : bisect.bisect_left(starts, end)]
        anchors = mention_anchors(doc, offset, own, merged)
        placed.append((offset, doc, anchors, date_spans(doc, offset, own)))
        parsed.extend(
            (offset, line, [a for a in anchors if line.start <= a.start and a.end <= line.end])
            for line in lines(doc)
        )
    notes = footnote_lists(parsed)
    for offset, doc, anchors, dates in placed:
        for sent in sentences(doc):
            lexicon = sentence_lexicon(sent)
            inside = [a for a in anchors if sent.start <= a.start and a.end <= sent.end]
            view = SentenceView(
                sent,
                topic_anchors(
                    sent,
                    inside + note_anchors(sent, notes, inside),
                    lexicon,
                    topic,
                    previous=previous,
                    recent=recent,
                    words=words,
                ),
                [d for d in dates if sent.start <= d.start and d.end <= sent.end],
                lexicon,
                merged,
                topic,
                tuple(recent),
            )
            view.pronouns = person_pronouns(sent, view.anchors, people)
            view.skip = skipped_tokens(view)
            evidence = Evidence(offset + sent.start_char, offset + sent.end_char, sent.text.strip())
            studied = schools(view)
            rules = list(without_studies(resolve_notes(sentence_relations(view), notes), studied))
            found.extend((one, evidence) for one in rules)
            guessed = beside_rules(classified(view, model), rules)
            found.extend((one, evidence) for one in without_studies(guessed, studied))
            if vacancy is not None:
                taken, vacancy = filled(view, vacancy, [*rules, *guessed])
                found.extend((one, evidence) for one in taken)
            vacancy = announced(view) or vacancy
            if observe is not None:
                observe(view, evidence)
            stated.extend(Succession(s, p, evidence) for s, p in successions(view, last_person))
            recent = (recent + [a.key for a in inside if a.label == "ORG"])[-RECENT_ORGS:]
            people = seen_people(view.sent, view.anchors + view.pronouns, people)
            last_person = people[-1] if people else None
            opening = opening_org(sent, inside)
            previous = opening.key if opening else None
    found.extend(press_contacts(parsed, topic, merged.agent_markers))
    found.extend(predecessors(found, stated, topic))
    return deduplicate(well_typed(found, {m.key: m.label for m in mentions if m.key}))


def well_typed(
    found: Sequence[tuple[Found, Evidence]], labels: Mapping[str, str]
) -> list[tuple[Found, Evidence]]:
    """The relations whose subject has a type the predicate takes and whose object is an organisation (a
    rule that reads a person's role off an organisation's sentence, "APCO, whose clients include X",
    states no post)."""
    return [
        (one, evidence)
        for one, evidence in found
        if labels.get(one.subject, "ORG") in SUBJECT_TYPES[one.predicate]
        and labels.get(one.object, "ORG") == "ORG"
    ]


def mention_anchors(doc: Doc, offset: int, mentions: Sequence[Mention], merged: MergedWords) -> list[Anchor]:
    """The block's ORG/PERSON mentions as token anchors; a long form and its bracketed acronym are one."""
    spans: list[tuple[Span, Mention]] = []
    for mention in mentions:
        if mention.label not in ("ORG", "PERSON") or not mention.key:
            continue
        span = _span(doc, offset, mention)
        if span is not None and not _exchange(doc, span) and not _credited(doc, span):
            spans.append((span, mention))
    spans.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    anchors: list[Anchor] = []
    for span, mention in spans:
        if anchors and span.start < anchors[-1].end:
            continue  # nested in a longer mention already placed
        anchors.append(Anchor(span.start, span.end, mention.key, mention.label))
    return _merge_bracketed(doc, anchors, merged.acronym_articles)


def _exchange(doc: Doc, span: Span) -> bool:
    """Whether ``span`` names the exchange of a share's symbol ("Abiomed (NSDQ:ABMD)"): it says where a
    company is listed, and takes none of the relations of the words after the brackets."""
    return (
        span.start > 0
        and span.end + 1 < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ":"
    )


#: What opens a photo credit ("© AFP / Jean Roux"), and what may join its names ("©Getty Images for X").
CREDIT_MARK = "©"
CREDIT_JOINS = frozenset({"/", "&", ",", "-", "for", "pour"})


def _credited(doc: Doc, span: Span) -> bool:
    """Whether ``span`` names who took or owns a picture ("© AFP / Sébastien Bozon", "©Getty Images"): a
    credit, set into the text where the picture stood, states no relation of the sentence around it. Only
    names and their joins may stand between the mark and the span, on the same line."""
    at = span.start - 1
    while at >= 0 and "\n" not in doc[at].text:
        token = doc[at]
        if token.text == CREDIT_MARK:
            return token.i == 0 or bool(doc[token.i - 1].whitespace_)  # not mojibake's "Ă©"
        if not (token.is_title or token.is_upper or token.is_space or token.lower_ in CREDIT_JOINS):
            return False
        at -= 1
    return False


def _span(doc: Doc, offset: int, mention: Mention) -> Span | None:
    last = doc[-1] if len(doc) else None
    if last is None or mention.start < offset or mention.end > offset + last.idx + len(last.text_with_ws):
        return None
    return doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")


def _merge_bracketed(doc: Doc, anchors: list[Anchor], articles: frozenset[str]) -> list[Anchor]:
    """ "Organisation of European Cancer Institutes (OECI)": the bracket joins the long form's anchor;
    one of ``articles`` may open the bracket ("(the OECI)")."""
    openings = {"(", *(f"( {article}" for article in articles)}
    merged: list[Anchor] = []
    for anchor in anchors:
        bracket = doc[merged[-1].end : anchor.start].text if merged else ""
        if merged and merged[-1].key == anchor.key and bracket in openings:
            close = next((t.i for t in doc[anchor.end :] if t.text == ")"), None)
            end = close + 1 if close is not None and close - anchor.end <= 12 else anchor.end
            merged[-1] = Anchor(merged[-1].start, end, anchor.key, anchor.label)
        else:
            merged.append(anchor)
    return merged


def date_spans(doc: Doc, offset: int, mentions: Sequence[Mention]) -> list[DateSpan]:
    """The block's DATE mentions with a value, as token spans."""
    spans = []
    for mention in mentions:
        if mention.label == "DATE" and mention.value:
            span = _span(doc, offset, mention)
            if span is not None:
                spans.append(DateSpan(span.start, span.end, mention.value))
    return sorted(spans, key=lambda d: d.start)


def name_words(mentions: Sequence[Mention]) -> dict[str, frozenset[str]]:
    """The lower-case words of every ORG entity's names, to tell which one "the Centre" refers to; a word
    after a name preposition is what the body is of, not what it is ("la Conférence des présidents
    d'Université" is no university), and is left out."""
    found: dict[str, set[str]] = {}
    complement = _complement_word()
    for mention in mentions:
        if mention.label == "ORG" and mention.key:
            text = mention.text.lower()
            words = re.finditer(r"\w+", text)
            found.setdefault(mention.key, set()).update(
                m.group() for m in words if not complement.search(text, 0, m.start())
            )
    return {key: frozenset(value) for key, value in found.items()}


@cache
def _complement_word() -> re.Pattern[str]:
    """A name preposition of any language, and an article, right before a word ("of the ", "d'", "des ")."""
    prepositions = lexicon_alternation(every_language("name_prepositions"))
    articles = lexicon_alternation(every_language("definite_articles"))
    return re.compile(rf"(?:^|\W)(?:{prepositions})(?:\s*(?:{articles})\b['’]?)?\s*$")


def generic_referent(
    head: str, topic: str, recent: Sequence[str], words: Mapping[str, frozenset[str]]
) -> str | None:
    """The organisation "the Centre" stands for: the topic when its name has that head word, else the
    latest organisation named before whose name has it ("the Northmoor Centre ... The Centre's director");
    None when no such name carries the head (the caller decides whether the topic stands in)."""
    if head in words.get(topic, ()):
        return topic
    return next((key for key in reversed(recent) if head in words.get(key, ())), None)


def topic_anchors(
    sent: Span,
    anchors: list[Anchor],
    lexicon: RelationLexicon,
    topic: str | None,
    *,
    previous: str | None = None,
    recent: Sequence[str] = (),
    words: Mapping[str, frozenset[str]] | None = None,
) -> list[Anchor]:
    """``anchors`` plus "it", "its", "the Centre", "l'Institut" read as the topic organisation.

    A subject pronoun or generic name stands for the topic only when no organisation is named
    before it in the sentence (else it more likely refers to that one); a possessive stands for the
    nearest organisation named before it, else for the organisation the previous sentence opened with
    ("For example, the CRCL includes ... In 2017, its team ..."), else the topic.
    """
    if topic is None:
        return anchors
    doc, table = sent.doc, doc_forms(sent.doc)
    taken = {i for a in anchors for i in range(a.start, a.end)}
    # only these words can stand for an organisation: the loop looks no further at any other token
    articles = lexicon.articles | lexicon.contracted_articles
    standing = lexicon.possessive_pronouns | lexicon.subject_pronouns | articles
    extra: list[Anchor] = []
    for i in range(sent.start, sent.end):
        if i in taken or table[i][0] not in standing:
            continue
        token, text = doc[i], table[i][0]
        earlier = [a for a in anchors if a.end <= i and a.label == "ORG"]
        if text in lexicon.possessive_pronouns and token.pos_ in ("PRON", "DET"):
            key = earlier[-1].key if earlier else previous or topic
            extra.append(Anchor(i, i + 1, key, "ORG"))
        elif earlier:
            # "at HIAM by Dr X, the Institute's director": a generic name whose head word is in the name
            # of an organisation just named refers to it even after another name
            head = table[i + 1][0] if i + 1 < sent.end else ""
            keys = [*recent, *(a.key for a in earlier)]
            key = (
                generic_referent(head, topic, keys, words or {})
                if _generic_name(token, lexicon)
                else None
            )
            if key is not None and i + 1 not in taken:
                extra.append(Anchor(_referent_start(i, text, lexicon), i + 2, key, "ORG"))
        elif text in lexicon.subject_pronouns and token.pos_ == "PRON":
            extra.append(Anchor(i, i + 1, topic, "ORG"))
        elif _generic_name(token, lexicon) and i + 1 not in taken:
            head = table[i + 1][0]
            key = generic_referent(head, topic, recent, words or {})
            # in lower case ("director of the company") only right after the topic was named
            if key is not None or doc[i + 1].text[:1].isupper() or i == sent.start or recent[-1:] == [topic]:
                extra.append(Anchor(_referent_start(i, text, lexicon), i + 2, key or topic, "ORG"))
    return sorted(anchors + extra, key=lambda a: a.start)


def _referent_start(i: int, article: str, lexicon: RelationLexicon) -> int:
    """Where the anchor of a generic name opened by the article at ``i`` starts: at the article, or at the
    head after a contracted one ("du club"), whose preposition stays for the rules that read "of"."""
    return i + 1 if article in lexicon.contracted_articles else i


def _generic_name(article: Token, lexicon: RelationLexicon) -> bool:
    """ "the Centre", "l'Institut", "the alliance", "du club": an article (or a preposition and an article in
    one word) and a generic head that is not part of a name.
    In lower case ("the alliance") it stands for an organisation only when one whose name carries that
    head was named (:func:`generic_referent`), when it opens the sentence ("La société est
    labellisée") or when the organisation named last is the topic; the callers see to that."""
    doc, word = article.doc, forms(article)[0]
    contracted = word in lexicon.contracted_articles
    if not (word in lexicon.articles or contracted) or article.i + 1 >= len(doc):
        return False
    head = doc[article.i + 1]
    after = doc[article.i + 2] if article.i + 2 < len(doc) else None
    if contracted and (
        forms(head)[0] in lexicon.board_nouns
        or (after is not None and (after.pos_ == "ADJ" or forms(after)[0] in lexicon.of_words))
    ):
        # "président du conseil d'administration" names a board after its organisation; "du groupe
        # belgo-suisse Barry Callebaut", "au pôle de compétitivité" go on to a description or a name
        return False
    named_after = after is not None and after.text[:1].isupper() and not after.is_punct
    return forms(head)[0] in lexicon.generic_heads and not named_after


# --- deduplication -----------------------------------------------------------------------------------


def deduplicate(found: Sequence[tuple[Found, Evidence]]) -> list[Relation]:
    """One relation per (subject, predicate, object) — either order for symmetric predicates — keeping
    the statement that says most (a role, a date), then the first; in text order. Where one sentence
    gives a person both predicates for one organisation, the closer reading wins: a works_for with no role
    gives way to heads (the parse's reading of a name beside an organisation: "du directeur du centre
    hospitalier, X"), and heads gives way to a works_for whose role narrows it ("ADB Country Director X"
    is no "Director" of the whole bank)."""
    said = {(one.subject, one.predicate, one.object, at.start): one.role for one, at in found}
    best: dict[tuple[str, str, str], tuple[Found, Evidence]] = {}
    for one, evidence in found:
        if _outread(one, evidence, said):
            continue
        ends = (one.subject, one.object)
        if one.predicate in SYMMETRIC_PREDICATES:
            ends = tuple(sorted(ends))
        key = (ends[0], one.predicate, ends[1])
        current = best.get(key)
        if current is None or _richness(one, evidence) > _richness(*current):
            best[key] = (one, evidence)
    relations = [
        Relation(
            one.subject,
            one.predicate,
            one.object,
            one.role,
            one.date,
            evidence.start,
            evidence.end,
            evidence.text,
        )
        for one, evidence in best.values()
    ]
    return sorted(relations, key=lambda r: (r.start, r.subject, r.predicate, r.object))


def _outread(one: Found, evidence: Evidence, said: Mapping[tuple[str, str, str, int], str | None]) -> bool:
    """Does the same sentence state ``one``'s other predicate (heads / works_for) more closely?"""
    other = {"heads": "works_for", "works_for": "heads"}.get(one.predicate)
    key = (one.subject, other, one.object, evidence.start)
    if other is None or key not in said:
        return False
    role = said[key]
    if one.predicate == "works_for":
        return one.role is None
    return bool(role and one.role and role != one.role and role.endswith(" " + one.role))


def _richness(one: Found, evidence: Evidence) -> tuple[bool, bool, int]:
    return one.role is not None, one.date is not None, -evidence.start
