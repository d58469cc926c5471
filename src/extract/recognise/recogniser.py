"""Recognition: the ORG, PERSON and DATE mentions of a document, from models and rules.

The spaCy model of each paragraph's language proposes names; rules kept in data files (``data/names``,
``data/<lang>/names.json``) add what the bare models miss and overrule them where they are known to be wrong:

- organisation name patterns ("Centre X", "X Hospital", "University of X", "Institut de X de l'Y") and the
  organisations list (institutions named after people, which models tag as PERSON);
- acronyms, and acronyms defined in brackets with their long forms (:mod:`extract.recognise.definitions`);
- person titles ("Prof.", "Pr", "Dr", "Mme"), trimmed from spans and used to find names the model missed;
- calendar dates in every supported language (:mod:`extract.recognise.dates`; the French model has no DATE
  label, the English one also tags durations and relative dates).

Candidates (:mod:`extract.recognise.candidates`) are then cleaned to the guidelines' spans (no article,
title, possessive, quote or bracket; :mod:`extract.recognise.spans`), overlaps are resolved (rules before
the model, longer before shorter), names are read to their end (complements, coordinated lists), the
items of a list a plural kind noun opens become organisations ("brands such as Jo Malone London"), and the
document-wide rules of :mod:`extract.recognise.consistency` make them agree: every name found once is
looked for everywhere in the document, so that a name is tagged consistently. This module holds the
finding of candidates and that sequence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import numpy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from extract.core.records import Mention, Paragraph
from extract.core.settings import Settings
from extract.languages import lexicon
from extract.languages.registry import languages
from extract.recognise.blocks import Block, batches, plan_blocks
from extract.recognise.branches import branch_places
from extract.recognise.candidates import Candidate, Definition
from extract.recognise.complements import complement_chains
from extract.recognise.consistency import GIVEN, coordinated, join_neighbours, propagate, split_joined
from extract.recognise.context import context_candidates
from extract.recognise.coordination import coordinated_complements
from extract.recognise.corrections import (
    after_dashed_person,
    after_role_complement,
    before_titled_person,
    before_trailing_person,
    before_trailing_role,
    employers_in_brackets,
    ends_on_head,
    inner_possessive,
    is_place,
    not_surnames,
    owners_of_roles,
    with_model_openings,
    with_name_s,
    with_name_suffixes,
    with_particle_surnames,
)
from extract.recognise.credentials import without_credentials
from extract.recognise.dates import find_dates
from extract.recognise.definitions import bracketed_definitions
from extract.recognise.keys import assign_keys
from extract.recognise.kind_lists import kind_lists
from extract.recognise.lines import line_candidates
from extract.recognise.models import Models
from extract.recognise.names import (
    capitalised_function_word,
    first_names,
    folded_organisations,
    has_head,
    is_org_name,
    is_person_name,
    looks_like_person,
    opens_on_function_word,
    person_by_context,
)
from extract.recognise.places import country_first, dateline_at, place_prefix
from extract.recognise.run_ons import run_ons, to_longer_names
from extract.recognise.siblings import listed_siblings
from extract.recognise.spans import (
    Spans,
    after_at,
    after_date,
    after_owner,
    after_titles,
    before_cut_word,
    before_possessive,
    board_owner,
    cut_at_breaks,
    owned_board,
    trim,
    trim_org_words,
    url_at,
    with_legal_form,
)
from extract.recognise.surnames import capitalised_surnames, nicknamed_people, repeated_surnames
from extract.recognise.terms import without_terms
from extract.recognise.votes import model_orgs, not_org_names
from extract.text import acronyms
from extract.text.fold import fold

MODEL_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "PER": "PERSON"}


class Recogniser:
    """Finds the mentions of documents; models are loaded when a document first needs them."""

    def __init__(self, settings: Settings, *, models: Models | None = None, baseline: bool = False) -> None:
        """``baseline`` keeps the stock models' own ORG, PERSON and DATE entities only (for comparison)."""
        self.settings = settings
        self.models = models or Models(settings, trained_ner=False if baseline else None)
        self.baseline = baseline
        self._matchers: dict[str, tuple[Matcher, Matcher, PhraseMatcher]] = {}

    def recognise(
        self, documents: Iterable[tuple[str, Sequence[Paragraph]]]
    ) -> Iterator[tuple[list[Mention], list[tuple[int, Doc]]]]:
        """For each (text, paragraphs): its mentions, and the parsed blocks (offset, Doc).

        Documents are parsed in groups whose blocks hold at most ``recognise.max_batch_chars``
        characters together (a longer document is a group of its own), and a group's Docs are let go
        once its documents are yielded: the Docs held at once are those of one group.
        """
        group: list[tuple[str, Sequence[Paragraph], list[Block]]] = []
        size = 0
        for text, paragraphs in documents:
            plan = plan_blocks(text, paragraphs, self.settings.recognise_max_block_chars)
            chars = sum(block.end - block.start for block in plan)
            if group and size + chars > self.settings.recognise_max_batch_chars:
                yield from self._recognise_group(group)
                group, size = [], 0
            group.append((text, paragraphs, plan))
            size += chars
        if group:
            yield from self._recognise_group(group)

    def _recognise_group(
        self, group: Sequence[tuple[str, Sequence[Paragraph], list[Block]]]
    ) -> Iterator[tuple[list[Mention], list[tuple[int, Doc]]]]:
        """:meth:`recognise` for documents whose blocks are parsed together, each language's blocks in
        batches of bounded characters (:func:`~extract.recognise.blocks.batches`)."""
        parsed: dict[tuple[int, int], Doc] = {}
        for lang in languages():
            wanted = [
                (i, j)
                for i, (_, _, plan) in enumerate(group)
                for j, block in enumerate(plan)
                if block.lang == lang
            ]
            if not wanted:
                continue
            nlp = self.models.get(lang)
            texts = [group[i][0][group[i][2][j].start : group[i][2][j].end] for i, j in wanted]
            sizes = [len(text) for text in texts]
            for batch in batches(
                sizes, self.settings.recognise_batch_size, self.settings.recognise_max_batch_chars
            ):
                # the batch size, not the batch's length: the parser cuts each batch into quarters of it
                docs = nlp.pipe([texts[k] for k in batch], batch_size=self.settings.recognise_batch_size)
                for k, doc in zip(batch, docs, strict=True):
                    parsed[wanted[k]] = _without_tensor(doc)
            del texts
        for i, (text, paragraphs, plan) in enumerate(group):
            blocks = [(block, parsed.pop((i, j))) for j, block in enumerate(plan)]
            mentions = self.mentions(text, paragraphs, blocks)
            yield mentions, [(block.start, doc) for block, doc in blocks]

    def mentions(
        self, text: str, paragraphs: Sequence[Paragraph], blocks: Sequence[tuple[Block, Doc]]
    ) -> list[Mention]:
        """The final mentions of one document, with document-local entity keys."""
        if self.baseline:
            return assign_keys(text, self._baseline(text, blocks), [])
        candidates: list[Candidate] = []
        definitions: list[Definition] = []
        shouting = _shouting_ranges(text, paragraphs)
        titles = _title_ranges(text, paragraphs)
        places = not_org_names(blocks)
        candidates += line_candidates(text, paragraphs)
        for block, doc in blocks:
            candidates += self._model_candidates(doc, block, shouting, titles)
            candidates += self._rule_candidates(doc, block, shouting)
            candidates += context_candidates(text, block.start, block.end, block.lang)
            candidates += capitalised_surnames(text, block.start, block.end, block.lang)
            candidates += nicknamed_people(text, block.start, block.end, block.lang)
            candidates += repeated_surnames(text, block.start, block.end, block.lang)
            found, pairs = bracketed_definitions(
                text,
                doc,
                block,
                max_acronym_len=self.settings.recognise_max_acronym_len,
                max_long_form_words=self.settings.recognise_max_long_form_words,
            )
            candidates += found
            definitions += pairs
        candidates = not_surnames(text, candidates)
        cleaned = split_joined([c for c in (self._clean(text, c) for c in candidates) if c is not None], text)
        places |= {text[c.start : c.end] for c in cleaned if is_place(text[c.start : c.end])}
        places -= model_orgs(blocks)
        cleaned = [c for c in cleaned if c.rank >= 3 or text[c.start : c.end] not in places]
        cleaned = without_terms(text, cleaned, max_len=self.settings.recognise_max_acronym_len)
        cleaned = with_model_openings(text, cleaned)
        chosen = listed_siblings(text, coordinated(text, join_neighbours(text, _select(cleaned))))
        chosen = kind_lists(text, chosen, [(block.start, block.end, block.lang) for block, _ in blocks])
        chosen = employers_in_brackets(text, owners_of_roles(text, chosen))
        chosen = coordinated_complements(text, complement_chains(text, chosen, blocks))
        chosen = branch_places(text, chosen, blocks)
        chosen = propagate(text, paragraphs, with_particle_surnames(text, chosen), shouting, places)
        chosen = join_neighbours(text, with_name_s(text, sorted(chosen, key=lambda c: (c.start, c.end))))
        chosen = with_name_suffixes(text, chosen)
        chosen = [c for c in chosen if c.label != "ORG" or not owned_board(text, c.start, c.end)]
        chosen = without_credentials(text, chosen)
        dates = self._dates(text, blocks, chosen)
        taken_by_dates = Spans((d.start, d.end) for d in dates)
        chosen = [c for c in chosen if not taken_by_dates.overlaps(c.start, c.end)]
        chosen = to_longer_names(text, run_ons(text, chosen, taken_by_dates, titles)) + dates
        mentions = [
            Mention(c.start, c.end, c.label, text[c.start : c.end], c.lang, _source(c.source), c.value)
            for c in sorted(chosen, key=lambda c: (c.start, c.end, c.label))
        ]
        return assign_keys(text, mentions, [(d.short, d.long) for d in definitions])

    # --- candidates ---------------------------------------------------------------

    def _matchers_for(self, lang: str, doc: Doc) -> tuple[Matcher, Matcher, PhraseMatcher]:
        if lang not in self._matchers:
            vocab = doc.vocab
            org, person = Matcher(vocab, validate=True), Matcher(vocab, validate=True)
            org.add("ORG", lexicon.patterns("org", lang), greedy="LONGEST")
            person.add("PERSON", lexicon.patterns("person", lang), greedy="LONGEST")
            known = PhraseMatcher(vocab)
            nlp = self.models.get(lang)
            names = sorted({alias for _, alias in lexicon.organisations()})
            known.add("ORG", list(nlp.tokenizer.pipe(names)))
            self._matchers[lang] = (org, person, known)
        return self._matchers[lang]

    def _model_candidates(self, doc: Doc, block: Block, shouting: Spans, titles: Spans) -> list[Candidate]:
        """The model's names, but none in a line of capitals, nor an organisation with no head noun in a
        headline (in Title Case every word looks like a name: "Insurance Trade Groups Again Thinking")."""
        found = []
        vocab = lexicon.vocabulary(block.lang)
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            start, end = block.start + ent.start_char, block.start + ent.end_char
            headline = label == "ORG" and titles.contains(start, end) and not has_head(ent.text, vocab)
            if label and not shouting.contains(start, end) and not headline:
                found.append(Candidate(start, end, label, "model", block.lang))
        return found

    def _rule_candidates(self, doc: Doc, block: Block, shouting: Spans) -> list[Candidate]:
        org, person, known = self._matchers_for(block.lang, doc)
        vocab = lexicon.vocabulary(block.lang)
        found = []
        for source, label, matcher in (
            ("pattern", "ORG", org),
            ("title", "PERSON", person),
            ("gazetteer", "ORG", known),
        ):
            for _, i, j in matcher(doc):
                span = doc[i:j]
                start, end = block.start + span.start_char, block.start + span.end_char
                if span.text.isupper() and shouting.contains(start, end):
                    continue  # "UN" in a title written in capitals is the French article
                if label == "PERSON" and _middle_initial(doc, i):
                    continue  # "Steven M. Paul": the "M." after a given name is an initial, no title
                found.append(Candidate(start, end, label, source, block.lang))
        for token in doc:
            start = block.start + token.idx
            if (
                token.text not in vocab.acronym_stoplist
                and acronyms.looks_like_acronym(
                    token.text,
                    min_len=self.settings.recognise_min_acronym_len,
                    max_len=self.settings.recognise_max_acronym_len,
                )
                and not shouting.contains(start, start + len(token.text))
                and not capitalised_function_word(token, vocab)
            ):
                found.append(Candidate(start, start + len(token.text), "ORG", "acronym", block.lang))
        return found

    def _dates(
        self, text: str, blocks: Sequence[tuple[Block, Doc]], chosen: list[Candidate]
    ) -> list[Candidate]:
        dates = []
        strong = Spans((c.start, c.end) for c in chosen if c.rank >= 3)
        for block, _ in blocks:
            for match in find_dates(text[block.start : block.end], block.lang):
                start, end = block.start + match.start, block.start + match.end
                date = Candidate(start, end, "DATE", "pattern", block.lang, match.value)
                if not url_at(text, start, end) and not strong.overlaps(start, end):
                    dates.append(date)
        return dates

    def _baseline(self, text: str, blocks: Sequence[tuple[Block, Doc]]) -> list[Mention]:
        from extract.recognise.dates import normalise_date

        mentions = []
        for block, doc in blocks:
            for ent in doc.ents:
                label = MODEL_LABELS.get(ent.label_) or ("DATE" if ent.label_ == "DATE" else None)
                if label:
                    start, end = block.start + ent.start_char, block.start + ent.end_char
                    # A span the model calls DATE that is no calendar date keeps the unknown value.
                    value = (normalise_date(ent.text, block.lang) or "XXXX") if label == "DATE" else None
                    mentions.append(Mention(start, end, label, text[start:end], block.lang, "model", value))
        return mentions

    # --- cleaning ---------------------------------------------------------------------

    def _clean(self, text: str, c: Candidate) -> Candidate | None:
        """Trim a candidate to the guidelines' span, or drop it; PERSON may turn ORG on cues."""
        vocab = lexicon.vocabulary(c.lang)
        # A listed name is exact, commas included ("Institut ... pour l'agriculture, l'alimentation ...").
        start, end = (c.start, c.end) if c.source == "gazetteer" else cut_at_breaks(text, c.start, c.end)
        dateline = dateline_at(text, start)
        if dateline is not None:
            if end <= dateline[0]:
                return None  # "CAMBRIDGE, ENGLAND — ": where the release was written
            start = max(start, dateline[1])
        if c.label == "ORG" and c.source != "gazetteer":
            start = after_date(text, start, end, c.lang)
        start, end = trim(text, start, end, vocab, person=c.label == "PERSON")
        if end - start < 2 or url_at(text, start, end):
            return None
        if c.label == "ORG" and c.source != "gazetteer":
            start = after_owner(text, start, end, vocab)
            start = after_dashed_person(text, after_titles(text, start, end, vocab), end, vocab)
            start, end = trim_org_words(text, *board_owner(text, start, end), vocab)
            end = before_trailing_role(text, start, before_titled_person(text, start, end, vocab), vocab)
            end = before_cut_word(text, start, before_trailing_person(text, start, end, vocab))
            if c.source == "model":
                start, end = after_at(text, *before_possessive(text, start, end), vocab)
            if end - start < 2:
                return None
        end = with_legal_form(text, end) if c.label == "ORG" else end  # listed names too
        c = replace(c, start=start, end=end)
        name = text[start:end]
        roles = lexicon.every_language("role_words")
        if name.lower() in roles or name.lower().removesuffix("s") in roles:
            return None  # "Directeur Général", "General Managers": a role in capitals names no one
        if c.label == "PERSON":
            named_org = ends_on_head(name, vocab) or inner_possessive(name)
            if named_org or self._cued_org(text, start, name, vocab):
                return replace(c, label="ORG", source="cue")
            if c.source == "model" and (_place_first(name) or is_place(name)):
                return None  # "London Victoria", "Milton Keynes Central", "Jefferson Parish": a place
            if opens_on_function_word(name, vocab):
                return None  # "In Yemen", "The Alliance": a capitalised preposition or article opens no name
            return c if is_person_name(name, c.source) else None
        if (
            c.source == "model"
            and looks_like_person(name, vocab)
            and not _place_first(name, countries=True)
            and not after_role_complement(text, start, c.lang)
        ):
            return replace(c, label="PERSON")  # "team led by Frédéric Hollande", read as ORG by the model
        if c.source == "model" and person_by_context(text, start, name, vocab):
            return replace(c, label="PERSON")
        return c if is_org_name(text, c, vocab) else None

    def _cued_org(self, text: str, start: int, name: str, vocab: lexicon.Vocabulary) -> bool:
        """A 'person' that is a known organisation, or follows 'directeur général de', 'about'..., or a
        kind noun ("le conglomérat Jin Jiang", "l'entreprise wallonne Lamba-X", "les éditions Payot")."""
        if fold(name) in folded_organisations():
            return True
        before = fold(text[max(0, start - 40) : start]).strip()
        if any(before == cue or before.endswith(" " + cue) for cue in map(fold, vocab.org_cues_before)):
            return True
        if after_role_complement(text, start, vocab.lang):
            return True
        return after_kind_noun(text, start, name, vocab)


# --- helpers ---------------------------------------------------------------------------


def after_kind_noun(text: str, start: int, name: str, vocab: lexicon.Vocabulary) -> bool:
    """Does a kind noun stand right before ``start``, or with one lower-case word of its own between that
    is no preposition, article, role or speech verb ("le géant chinois Jin Jiang"; not "la société
    fondée par Jean Roux", "the association, James Watson", "the group said Sarah Burton")? A name that
    reads as a person's or a title is left alone ("company secretary David Harmsworth")."""
    found = re.search(r"([a-zà-öø-ÿ-]+)(?: ([a-zà-öø-ÿ-]+))? \Z", text[max(0, start - 60) : start])
    if found is None or found.group(1) not in vocab.kind_nouns:
        return False
    if looks_like_person(name, vocab) or name.lower() in vocab.titles:
        return False
    stops = vocab.connectors | vocab.articles | vocab.role_words | vocab.conjunctions | vocab.speech_verbs
    return found.group(2) is None or found.group(2) not in stops


def _middle_initial(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is one capital and a full stop right after a capitalised word of the
    same line that is a given name ("Steven M. Paul"), where a title ("M. Paul", French for Mr) would open
    a name ("Selon M. Dupont")."""
    token = doc[i]
    if not (len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".") or i == 0:
        return False
    before = doc[i - 1]
    given = first_names().get_gender(before.text) in GIVEN
    return given and before.is_title and "\n" not in before.whitespace_


def _without_tensor(doc: Doc) -> Doc:
    """``doc`` without the token vectors of its model's tok2vec layer (a third of a parsed Doc's memory),
    which no rule reads: the tags, parse and entities are kept."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _place_first(name: str, *, countries: bool = False) -> bool:
    """A name that opens on a place of two words or more, or on one that is no known given name (or, with
    ``countries``, a country): a station or team named after a town ("London Victoria"), a national body."""
    words = place_prefix(name)
    unknown = words == 1 and first_names().get_gender(name.split()[0]) in ("unknown", "andy")
    return words >= 2 or unknown or (words == 1 and countries and country_first(name))


def _source(source: str) -> str:
    """The ``mentions.source`` value: model, or rule for every rule-based kind; occurrences added by
    :func:`~extract.recognise.consistency.propagate` take the source of the evidence that found the name."""
    return "model" if source == "model" else "rule"


def _shouting_ranges(text: str, paragraphs: Sequence[Paragraph]) -> Spans:
    """Paragraphs written in capitals (titles, contact headers): models and acronym rules misfire there."""
    ranges = []
    for p in paragraphs:
        line = text[p.start : p.end]
        if len(line.split(maxsplit=1)) < 2:
            continue
        letters = list(filter(str.isalpha, line))
        if len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) > 0.85:
            ranges.append((p.start, p.end))
    return Spans(ranges)


def _title_ranges(text: str, paragraphs: Sequence[Paragraph]) -> Spans:
    """Headlines: short paragraphs with no full stop whose longer words are nearly all capitalised."""
    ranges = []
    for p in paragraphs:
        line = text[p.start : p.end].strip()
        words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
        if len(words) < 4 or len(line) > 200 or line.endswith("."):
            continue
        if sum(w[0].isupper() for w in words) / len(words) >= 0.75 and not line.isupper():
            ranges.append((p.start, p.end))
    return Spans(ranges)


def _without_outvoted(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` but a listed name (which outranks every other reader) that the model and a pattern
    both read as part of one longer name holding no other listed name: "European Union of the Deaf" is
    no "European Union", while "Institut Paoli-Calmettes and Institut Claudius Regaud" are two."""
    readers = ("model", "pattern")
    agreed = Counter((c.start, c.end) for c in candidates if c.source in readers and c.label == "ORG")
    listed = sorted((c for c in candidates if c.source == "gazetteer"), key=lambda c: c.start)
    starts = [c.start for c in listed]
    outvoted = set()
    for (start, end), count in agreed.items():
        if count < 2:
            continue
        inside = [
            c
            for c in listed[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if c.end <= end and (c.start, c.end) != (start, end)
        ]
        if len(inside) == 1:
            outvoted.add(inside[0])
    return [c for c in candidates if c not in outvoted]


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: higher rank first, then longer, then earlier."""
    candidates = _without_outvoted(candidates)
    ordered = sorted(candidates, key=lambda c: (-c.rank, -(c.end - c.start), c.start, c.label))
    chosen: list[Candidate] = []
    taken = Spans()
    for c in ordered:
        if not taken.overlaps(c.start, c.end):
            taken.add(c.start, c.end)
            chosen.append(c)
    return sorted(chosen, key=lambda c: (c.start, c.end))
