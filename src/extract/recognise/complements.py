"""French names read to the end of their chain of complements: "Chambre de commerce et d'industrie du
Centre-Val de Loire", "Syndicat d'Energie de la Nièvre", "Programme des Nations Unies pour le
développement".

A French organisation's name is a head noun and its complements, in lower case as often as not; models
and patterns stop at the first "et", "pour", place or article. The parser hangs the complements on the
head: a name that opens on an organisation head runs on over the words that hang from that head (noun
complements, their articles, adjectives and coordinations, and the prepositions of ``name_prepositions``)
and stops at anything else: punctuation, a verb, a pronoun, a number, a possessive, a date word, a person,
another organisation, or the head noun of a second name coordinated with the first. Two exceptions: a
comma between complements that "et" closes ("des cartons, papiers et celluloses"), and a preposition of
``complement_prepositions`` inside a lower-case complement ("des pompes à chaleur").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from extract.languages import date_words, lexicon
from extract.recognise.blocks import Block
from extract.recognise.candidates import Candidate
from extract.recognise.spans import Spans, trim_org_words

#: Dependencies by which a complement hangs inside a name (spaCy's French labels).
INSIDE_DEPS = frozenset({"nmod", "amod", "case", "det", "cc", "conj", "flat:name", "fixed", "compound"})
#: Parts of speech a name's complement may hold.
INSIDE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "CCONJ"})
#: Parts of speech a name may end on.
NAME_END_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: Languages whose names run on along their complements.
LANGS = frozenset({"fr"})


def complement_chains(
    text: str, chosen: Sequence[Candidate], blocks: Sequence[tuple[Block, Doc]]
) -> list[Candidate]:
    """``chosen`` with each French organisation that opens on a head noun run on over its complements."""
    if not any(c.label == "ORG" and c.lang in LANGS for c in chosen):
        return list(chosen)
    stops = Spans((c.start, c.end) for c in chosen if c.label != "ORG")
    orgs = frozenset(c.start for c in chosen if c.label == "ORG")
    block_starts = [block.start for block, _ in blocks]
    result, extended = [], []
    for c in chosen:
        if c.label == "ORG" and c.lang in LANGS:
            longer = _extended(text, c, (blocks, block_starts), stops, orgs)
            if longer is not c:
                extended.append(longer)
            c = longer
        result.append(c)
    return _without_swallowed(result, extended)


def _extended(
    text: str,
    c: Candidate,
    parsed: tuple[Sequence[tuple[Block, Doc]], list[int]],
    stops: Spans,
    starts: frozenset[int],
) -> Candidate:
    """``c`` run on over its complements; ``parsed`` holds the blocks and where each starts, ``stops``
    the other mentions, ``starts`` where each organisation starts."""
    found = _tokens(c, *parsed)
    if found is None:
        return c
    doc, first, last = found
    offset = c.start - first.idx
    vocab = lexicon.vocabulary(c.lang)
    if first.lower_ not in vocab.org_heads:
        return c
    # the parse may hang a later word of the name elsewhere than on its head ("la Fédération des Offices
    # Publics de l'Habitat", "Offices" on the verb): the complements of every noun of the name count
    heads, end = [first, *(t for t in doc[first.i + 1 : last.i + 1] if t.pos_ in ("NOUN", "PROPN"))], last.i
    for token in doc[last.i + 1 :]:
        at = offset + token.idx
        if token.i == end + 2 and _hyphened(doc[end + 1], token):
            heads.append(token)  # "du Centre-Val de Loire": the parser loses the word after a hyphen
        elif token.i == end + 1 and (noun := _coordinated_complement(doc, token, vocab)) is not None:
            heads.append(noun)  # "de commerce et d'industrie", however the parser hangs it
        elif not any(_inside(token, head, vocab) for head in heads):
            if not ((token.text == "-" or _enumerating(doc, token, heads, vocab)) and token.i == end + 1):
                break
            continue
        if at in starts or stops.overlaps(at, at + len(token)):
            break
        end = token.i
    if end + 1 < len(doc) and doc[end + 1].is_title and not doc[end].is_lower:
        # "et de l'Auditorium Maurice Ravel": a name goes on past the words read, so the last conjunct
        # opens another name
        conjunctions = [t.i for t in doc[last.i + 1 : end + 1] if t.pos_ == "CCONJ"]
        end = conjunctions[-1] - 1 if conjunctions else end
    while end > last.i and (doc[end].pos_ not in NAME_END_POS or doc[end].text[-1] in "'’"):
        end -= 1  # "le barreau de Marseille et (le barreau ...)", "Caisse des Dépôts (jusqu’)": a name
        # ends on a noun or adjective, never on an elided word
    if end == last.i:
        return c
    new_end = offset + doc[end].idx + len(doc[end])
    if "\n" in text[c.end : new_end]:
        return c
    start, new_end = trim_org_words(text, c.start, new_end, vocab)
    return replace(c, end=new_end) if new_end > c.end and start == c.start else c


def _inner(preposition: Token) -> bool:
    """Whether a preposition of ``complement_prepositions`` opens a complement of a lower-case noun of the
    name, itself hanging on an earlier lower-case noun ("des pompes à chaleur", "des conseils en propriété
    industrielle"), and not a phrase of its own, whose noun a name's preposition follows ("au sein de", "en
    présence du")."""
    noun = preposition.head
    if preposition.lower_ not in lexicon.vocabulary(preposition.lang_).complement_prepositions:
        return False
    if not noun.is_lower or noun.pos_ != "NOUN" or noun.i + 1 >= len(noun.doc):
        return False
    owner, after = noun.head, noun.doc[noun.i + 1].lower_.replace("’", "'")
    owned = owner.pos_ == "NOUN" and owner.is_lower and owner.i < preposition.i
    return owned and after not in _prepositions(noun.lang_)


def _enumerating(doc: Doc, comma: Token, heads: list[Token], vocab: lexicon.Vocabulary) -> bool:
    """Whether ``comma`` separates two complements of the name ("des cartons, papiers et celluloses")."""
    if comma.text != "," or comma.i + 1 >= len(doc):
        return False
    word = doc[comma.i + 1]
    while word.pos_ in ("ADP", "DET") and word.i + 1 < len(doc) and word.i < comma.i + 3:
        word = doc[word.i + 1]
    if not (word.dep_ == "conj" and word.is_lower and any(_inside(word, head, vocab) for head in heads)):
        return False
    for later in doc[word.i + 1 : word.i + 12]:  # the enumeration closes on "et": "papiers et celluloses"
        if later.pos_ == "CCONJ":
            return True
        if later.is_punct and later.text != ",":
            return False
    return False


def _coordinated_complement(doc: Doc, token: Token, vocab: lexicon.Vocabulary) -> Token | None:
    """The noun of a second complement in lower case that "et" (``token``) opens: "et d'industrie", "et
    de l'environnement" (an article may come between); None if ``token`` opens none."""
    if token.pos_ != "CCONJ" or token.i + 2 >= len(doc):
        return None
    prepositions = _prepositions(vocab.lang)
    nxt, noun = doc[token.i + 1], doc[token.i + 2]
    if noun.pos_ == "DET" and token.i + 3 < len(doc):
        noun = doc[token.i + 3]
    lower = nxt.lower_.replace("’", "'") in prepositions and noun.pos_ == "NOUN" and noun.is_lower
    return noun if lower else None


def _hyphened(hyphen: Token, word: Token) -> bool:
    """Whether ``word`` goes on the word before it across a hyphen, with no space on either side."""
    return hyphen.text == "-" and not hyphen.whitespace_ and not hyphen.nbor(-1).whitespace_ and word.is_alpha


def _name_word(token: Token, vocab: lexicon.Vocabulary) -> bool:
    """Whether ``token`` may go on a name: a word (no sign, number or possessive), no date word, no
    preposition but those that open a name's complement, no head noun or role coordinated with the name
    ("le barreau de Marseille et le barreau de Californie", "l'hôpital Avicenne et ancien membre"), no
    common noun with its own article coordinated with a capitalised word of the name or with a word no name
    preposition opens."""
    word = token.lower_.replace("’", "'")
    if not token.text.replace("’", "").replace("'", "").replace("-", "").isalpha():
        return False
    if word in _date_words(vocab.lang) or "Yes" in token.morph.get("Poss"):
        return False
    if token.pos_ == "ADP" and word not in _prepositions(vocab.lang) and not _inner(token):
        return False
    if token.dep_ != "conj":
        return True
    children = [child.pos_ for child in token.children]
    bare = "ADP" not in children and not _complement(token.head)
    if token.is_lower and "DET" in children and (token.head.text[:1].isupper() or bare):
        return False  # "Groupe TDK et le maintien de la participation", "le ministère de la Culture et la
        # mairie de Paris": a noun with its own article coordinated with a word that no name preposition
        # opens is another noun phrase ("Agence pour la promotion et le développement" is one name)
    return word not in vocab.org_heads and word not in vocab.role_words  # "et ancien membre du Comité"


def _complement(token: Token) -> bool:
    """Whether a name's preposition opens ``token`` ("pour la promotion", "de la Culture")."""
    prepositions = _prepositions(token.lang_)
    return any(c.dep_ == "case" and c.lower_.replace("’", "'") in prepositions for c in token.children)


@cache
def _prepositions(lang: str) -> frozenset[str]:
    """The prepositions that open a name's complement, with a straight apostrophe."""
    return frozenset(w.replace("’", "'") for w in lexicon.vocabulary(lang).name_prepositions)


@cache
def _date_words(lang: str) -> frozenset[str]:
    words = date_words.vocabulary(lang)
    return frozenset(w.lower() for w in (*words.months, *words.weekdays))


def _inside(token: Token, head: Token, vocab: lexicon.Vocabulary) -> bool:
    """Whether ``token`` hangs from ``head`` through name words and complements only: "ancien" in "l'hôpital
    Avicenne et ancien membre du Comité" hangs from "membre", which no name holds."""
    if token.pos_ not in INSIDE_POS or token.dep_ not in INSIDE_DEPS or not _name_word(token, vocab):
        return False
    node = token
    while node.i != head.i:
        if node.dep_ not in INSIDE_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i != head.i and not _name_word(node, vocab):
            return False
    return True


def _tokens(
    c: Candidate, blocks: Sequence[tuple[Block, Doc]], starts: list[int]
) -> tuple[Doc, Token, Token] | None:
    """The parsed tokens that open and close the candidate, in the block that holds it (blocks are in
    text order: the one is found by bisection, so that a long document's many blocks cost no more)."""
    at = bisect.bisect_right(starts, c.start) - 1
    if at < 0:
        return None
    block, doc = blocks[at]
    if c.end > block.end:
        return None
    span = doc.char_span(c.start - block.start, c.end - block.start, alignment_mode="expand")
    return (doc, span[0], span[-1]) if span is not None and len(span) else None


def _without_swallowed(candidates: list[Candidate], extended: list[Candidate]) -> list[Candidate]:
    """Drop the organisations an extended one now covers ("Nations Unies" inside the programme's name)."""
    if not extended:
        return candidates
    longer = Spans((c.start, c.end) for c in extended)
    ends = {(c.start, c.end) for c in extended}
    return [
        c
        for c in candidates
        if (c.start, c.end) in ends or c.label != "ORG" or not longer.contains(c.start, c.end)
    ]
