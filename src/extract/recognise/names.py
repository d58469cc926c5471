"""Name judgements: does this text name a person, or an organisation?

The models' labels are often wrong on press releases (institutions named after
people tagged PERSON, a capitalised sentence start tagged ORG); these tests,
on the text of a candidate and its context, decide what a span names. Their
vocabularies live in ``data/<lang>/names.json``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from extract.languages import lexicon
from extract.languages.name_forms import first_names
from extract.languages.registry import languages
from extract.text.acronyms import looks_like_acronym
from extract.text.fold import fold, fold_all

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.recognise.candidates import Candidate


def person_particles() -> frozenset[str]:
    """Lower-case parts of a person's name that are neither given name nor surname ("van", "de"), in
    every language: a name keeps its particles whatever the language of the text around it."""
    return lexicon.every_language("person_particles")


_NAME = r"[A-ZÀ-ÖØ-Þ](?:['’][A-ZÀ-ÖØ-Þ])?[a-zà-öø-ÿ'’]+(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)*"


#: One part of a person's name: "Anne", "Jean-Yves", "McKenzie", "O'Neill", "C.", "J.-Y."
NAME_PART = re.compile(rf"{_NAME}(?:-{_NAME})*|(?:[A-ZÀ-ÖØ-Þ]\.-?)+")
#: A nickname in quotes inside a person's name ("John “Dugan” Shipway"), never its first part.
NICKNAME_PART = re.compile(r"[“\"‘'][A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+[”\"’']")
#: A surname in capitals ("ASTRUC", "SARTOUT-ROUMILHAC"), a name part only after a given name that a rule
#: read (:mod:`extract.recognise.surnames`): alone, capitals are an acronym
CAPITALS_PART = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]{2,})*")


@cache
def _indefinite() -> re.Pattern[str]:
    """An indefinite article of any language ending a text ("a ", "une ")."""
    articles = lexicon.alternation(lexicon.every_language("indefinite_articles"))
    return re.compile(rf"(?:^|\s)(?:{articles})\s+$", re.IGNORECASE)


@cache
def _ends_on_elision() -> re.Pattern[str]:
    """A name ending on an elided word of any language ("Agence d'"): cut short before its complement."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.every_language('elisions'))})$")


def called_by(parts: list[str]) -> list[str]:
    """The names a full name's bearer is called by alone (``parts``, its words): its first part after the
    initials ("Julene" of "H. Julene Butler") and its nickname without quotes ("Mike" of "Michael ‘Mike’
    Hoover"); none for a name of one word, whose one part is a surname."""
    named = [p for p in parts[:-1] if not p.endswith(".")]
    return named[:1] + [p.strip("“”\"‘’'") for p in named if NICKNAME_PART.fullmatch(p)]


def is_person_name(name: str, source: str) -> bool:
    """Two or more capitalised name parts ("Jean-Yves Blay", "C. Brambilla"); one after a title."""
    if any(ch.isdigit() for ch in name) or "@" in name or "\n" in name:
        return False
    parts = [p for p in re.split(r"\s+", name) if p]
    names = [p for p in parts if p.lower() not in person_particles()]
    capitals_ok = source == "title" and len(names) > 1
    if not names or not all(
        NAME_PART.fullmatch(p)
        or (capitals_ok and i > 0 and CAPITALS_PART.fullmatch(p))
        or (0 < i < len(names) - 1 and NICKNAME_PART.fullmatch(p))
        for i, p in enumerate(names)
    ):
        return False
    return len(names) >= 2 or (source == "title" and len(names[0]) > 2)


@cache
def folded_organisations() -> frozenset[str]:
    """Folded aliases of the organisations list, built once: every person candidate is checked against it."""
    return frozenset(fold(alias) for _, alias in lexicon.organisations())


def _name_shaped(name: str, vocab: lexicon.Vocabulary) -> bool:
    """Two or three capitalised name parts, no organisation word, not a listed organisation, and no article
    or connector first: the lists of given names hold "Le", "Les" and "The", which open "Le Monde"."""
    parts = name.split()
    if not 2 <= len(parts) <= 3 or not all(NAME_PART.fullmatch(p) for p in parts) or has_head(name, vocab):
        return False
    return fold(name) not in folded_organisations() and not opens_on_function_word(name, vocab)


def looks_like_person(name: str, vocab: lexicon.Vocabulary) -> bool:
    """Two or three name parts, the first a known given name, no organisation word ("Anne Martin")."""
    first = name.split()[0]
    return _name_shaped(name, vocab) and first_names().get_gender(first.split("-")[0]) != "unknown"


def quoted_speaker(text: str, start: int, name: str, vocab: lexicon.Vocabulary) -> bool:
    """A name of two or three name parts, with no organisation head, right after a verb that introduces a
    quoted speaker ("said Eltayeb Adam"): a given name the lists do not know still starts a person."""
    if not _name_shaped(name, vocab):
        return False
    before = text[max(0, start - 30) : start].rstrip().lower()
    return any(
        before.endswith(verb) and not before[: -len(verb)][-1:].isalpha() for verb in vocab.speech_verbs
    )


def person_by_context(text: str, start: int, name: str, vocab: lexicon.Vocabulary) -> bool:
    """A name the model reads as an organisation that its context makes a person: a quoted speaker ("said
    Eltayeb Adam") or the holder of the role after it ("Charouck Arirachakaran, vice-president of")."""
    return quoted_speaker(text, start, name, vocab) or role_apposed(text, start, name, vocab)


def role_apposed(text: str, start: int, name: str, vocab: lexicon.Vocabulary) -> bool:
    """A name of two or three name parts, with no organisation head, followed by a role in apposition
    that names its organisation ("Charouck Arirachakaran, vice-president and secretary general of the
    National Olympic Committee"): a person, whatever given name it has. An organisation is described
    as a kind of body, not by a role of its own."""
    if not _name_shaped(name, vocab):
        return False
    return bool(_role_apposition(vocab.lang).match(text, start + len(name)))


@cache
def _role_apposition(lang: str) -> re.Pattern[str]:
    """A comma, an optional article, role words (joined by a conjunction) and the word that opens their
    organisation ("of", "de", "at", "chez")."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words)
    role = rf"(?:{roles})(?:[\s-]+(?:{roles}))*"
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    joins = lexicon.alternation(vocab.conjunctions)
    complements = lexicon.alternation(
        w for w in vocab.role_complements | vocab.workplace_prepositions if w[-1] not in "'’"
    )
    elided = lexicon.alternation(lexicon.every_language("elisions"))
    return re.compile(
        rf"\s*,\s+(?i:(?:{articles})\s+)?(?i:{role}(?:\s+(?:{joins})\s+{role})?)"
        rf"(?:\s+(?i:{complements})\s|\s*(?i:{elided}))"
    )


def _generic(folded: str, generic: frozenset[str]) -> bool:
    """A generic noun ("the Centre"), or a generic phrase of several words and what qualifies it in lower
    case ("Service de presse du ministère", "Communiqué de presse de l'université")."""
    if folded in generic:
        return True
    words = folded.split()
    return any(" ".join(words[:n]) in generic for n in range(2, len(words)))


#: What stands before a share's symbol in brackets: "(NYSE:", "(NSDQ: ".
_TICKER = re.compile(r"\(\s*[A-Z]{2,}\s*:\s*\Z")


#: A share's symbol with its exchange's suffix, and what may follow a symbol written without it.
_SYMBOL = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")
_SUFFIX_CLOSE = re.compile(r"(?:\.[A-Z]{1,3})?\)")


def share_symbol(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a share's symbol in brackets: "(NYSE:WRE)", "(GSZ.FR)", "(EDP.LB)"."""
    before = text[max(0, start - 12) : start]
    if _TICKER.search(before):
        return text[end : end + 1] == ")"
    name = text[start:end]
    closed = _SUFFIX_CLOSE.match(text, end) is not None
    return before.endswith("(") and closed and (_SYMBOL.fullmatch(name) is not None or text[end] == ".")


def _unjoined(name: str, vocab: lexicon.Vocabulary) -> bool:
    """A name of two or three words with no connector between them ("Board Chair", not "Council of Chief
    State School Officers")."""
    words = name.split()
    return 2 <= len(words) <= 3 and not any(w.lower() in vocab.connectors for w in words)


def is_org_name(text: str, c: Candidate, vocab: lexicon.Vocabulary) -> bool:
    """Not a generic noun, a bare number, a lower-case phrase, a project or a label."""
    name = text[c.start : c.end]
    if c.source == "wire":
        return True  # a dateline's news agency, whatever its case ("Paris (awp/afp) -")
    if not any(ch.isalpha() for ch in name):
        return False
    if not any(ch.isupper() for ch in name) and not _lower_case_name(name, vocab):
        return False
    if _generic(fold(name), fold_all(vocab.generic)) or (" " not in name and name.lower() in vocab.org_heads):
        return False
    roles = lexicon.every_language("role_words")
    if " " not in name and name.lower() in roles:
        return False  # "Doyen", "Director": a role in capitals names no one
    lowered = name.lower().split()
    last = lowered[-1]
    # "Managing Directors", "Group Chief Executive": a role, perhaps of two words, ends the name
    titled = last in roles or last.removesuffix("s") in roles or " ".join(lowered[-2:]) in roles
    if c.source == "model" and titled and not has_head(name, vocab):
        return False  # "Technical Delegate", "Managing Directors": a title, not a body
    if c.source != "gazetteer" and titled and last not in vocab.org_heads and _unjoined(name, vocab):
        return False  # "Group President", "Board Chair": a title after its unit; not "Acme Partners"
    if c.source != "gazetteer" and portfolio(name, vocab):
        return False  # "Director of Sport and Development": what a role is in charge of
    if c.source == "gazetteer":
        return True
    if name in vocab.acronym_stoplist or name in lexicon.every_language("legal_forms"):
        return False  # "ISO", "AISBL", "BV": a standard or a legal form alone, whoever proposes it
    if name.lower() in vocab.headline_verbs:
        return False  # "TRUE RELIGION APPOINTS PRESIDENT": a headline's verb in capitals
    if share_symbol(text, c.start, c.end):
        return False  # "(NYSE:WRE)", "(GSZ.FR)": a share's symbol on its exchange
    granting_body = looks_like_acronym(name) and followed_by(text, c.end, vocab.awarding_nouns)
    if (followed_by(text, c.end, vocab.non_org_after) and not granting_body) or preceded_by(
        text, c.start, vocab.non_org_before
    ):
        return False  # "the HPST law", "the project DIAGNOS"; not "ABET accreditation"
    words = name.split()
    if c.source == "model" and (words[-1].lower() in vocab.connectors or _ends_on_elision().search(name)):
        return False  # cut short by the model: "Agence nationale de", "Service de"
    if c.source == "model" and len(words) == 1 and name.lower() in common_words(text):
        return False  # a word the text also writes in lower case ("Quantum" / "quantum sensors")
    if c.source in ("model", "acronym") and _shouted_words(name, text):
        return False  # "COMMUNIQUE", "DUREE DE L'OFFRE": words of a line in capitals, not a name
    if words[-1].lower() in vocab.non_org_after and not _head_with_complement(words, vocab):
        return False  # an event or a label: "World Cancer Congress", "Scientific Days"
    if re.fullmatch(r"[A-Z]{2,}s", name):
        return False  # a plural acronym is a kind of body ("FCCCs"), not a name
    if len(words) == 1 and re.search(r"\b\d+\s+$", text[max(0, c.start - 8) : c.start]):
        return False  # "24 ERN": a counted acronym is a common noun
    lower_after = len(words) > 1 and all(w.islower() for w in words[1:])
    sentence_case = lower_after and opens_sentence(text, c.start)
    if c.source in ("model", "pattern") and sentence_case and not has_head(name, vocab):
        return False  # a capital at the start of a sentence, not a name: "Improving diagnostics"
    if c.source == "model" and lower_after and words[0].lower()[:-1] in vocab.generic | vocab.org_heads:
        return False  # a plural common noun: "les vingt Centres de lutte contre le cancer français"
    indefinite = _indefinite().search(text[max(0, c.start - 6) : c.start])
    role_after = followed_by(text, c.end, vocab.role_words)
    if indefinite and c.source not in ("acronym", "definition", "cue") and not role_after:
        return False  # "a Strategic Plan"; not "an Olympic Committee member": the role says what it is
    return not (c.source == "model" and " " not in name and name.islower())


def _lower_case_name(name: str, vocab: lexicon.Vocabulary) -> bool:
    """A name written wholly in lower case, a head of ``lowercase_name_heads`` and its complement ("ministère
    de la culture"): the only lower-case phrase that names an organisation."""
    words = name.split()
    return len(words) > 2 and words[0].lower() in vocab.lowercase_name_heads


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a line, where any word takes a capital (inside a sentence, a
    capital on the first word alone is how French writes a name: "l'Assemblée nationale")."""
    return re.search(r"(?:\A|[.!?:\n][\s«\"“]*)\Z", text[max(0, start - 4) : start]) is not None


def _head_with_complement(words: list[str], vocab: lexicon.Vocabulary) -> bool:
    """Whether a head noun opens a complement that the name's last word ends ("Library of Congress"): the
    last word names what the body is of, not the kind of thing the name is."""
    lower = [w.lower() for w in words]
    pairs = pairwise(lower[:-1])
    return any(word in vocab.org_heads and after in vocab.connectors for word, after in pairs)


def _shouted_words(name: str, text: str) -> bool:
    """A name in capitals whose long words the text also writes in lower case, accents aside."""
    if not name.isupper():
        return False
    words = [w for w in re.findall(r"\w+", name) if len(w) >= 4]
    folded = folded_common_words(text)
    return bool(words) and all(fold(w.lower()) in folded for w in words)


@lru_cache(maxsize=4)
def folded_common_words(text: str) -> frozenset[str]:
    """:func:`common_words`, accents and case folded, found once per document."""
    return frozenset(fold(w) for w in common_words(text))


def preceded_by(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether the word right before ``start`` is one of ``words`` ("le projet DIAGNOS")."""
    prev = re.search(r"([\w-]+)[\s\"'“«]*$", text[max(0, start - 40) : start])
    return bool(prev and prev.group(1).lower() in words)


@lru_cache(maxsize=4)
def common_words(text: str) -> frozenset[str]:
    """The words a document writes in lower case, found once per document."""
    return frozenset(re.findall(r"(?<![\w-])[a-zà-öø-ÿ]+(?![\w-])", text))


def followed_by(text: str, end: int, words: frozenset[str]) -> bool:
    nxt = re.match(r"[\s)’'\"]*(?:\([^()\n]{0,80}\)\s*)?([\w-]+)", text[end : end + 120])
    return bool(nxt and nxt.group(1).lower() in words)


def portfolio(name: str, vocab: lexicon.Vocabulary) -> bool:
    """Whether a name is only words of company functions ("Marketing & Application Engineering",
    "Insurance and Investment Risk"): the portfolio of a role, which the models read as a body. A head
    noun that is also a function ("Insurance", "Technology") makes no organisation without a name."""
    words = [w.lower() for w in re.findall(r"[\w’'-]+", name)]
    words = [w for w in words if w not in vocab.connectors]
    return bool(words) and all(w in vocab.functions for w in words)


def has_head(name: str, vocab: lexicon.Vocabulary) -> bool:
    return any(word.lower() in vocab.org_heads for word in re.findall(r"[\w’'-]+", name))


def names_org(long_form: str, vocab: lexicon.Vocabulary) -> bool:
    """A long form names an organisation when it carries an organisation head noun of its language, or
    of any other supported language (an English name defined in a French text)."""
    return has_head(long_form, vocab) or any(
        has_head(long_form, lexicon.vocabulary(lang)) for lang in languages() if lang != vocab.lang
    )


def shouted_name(name: str, lang: str) -> bool:
    """Whether a name is distinctive enough to look for in lines written in capitals:
    several words, or one word that is no common noun ("VERDANTIS", not "ALLIANCE")."""
    if " " in name:
        return True
    vocab = lexicon.vocabulary(lang)
    word = name.lower()
    return len(name) >= 4 and word not in vocab.org_heads and word not in vocab.generic


def worth_propagating(name: str, label: str) -> bool:
    """Names distinctive enough to tag wherever they occur."""
    if label == "PERSON":
        return len(name.split()) >= 2
    return len(name) >= 3 or name.isupper()


def capitalised_function_word(token: Token, vocab: lexicon.Vocabulary) -> bool:
    """ "DE", "ET", "LA" between words in capitals ("MINISTÈRE DE L'AGRICULTURE") are words, not acronyms."""
    if token.lower_ not in _function_words(vocab.lang):
        return False
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(n.text.isupper() and len(n.text) > 1 for n in neighbours)


def opens_on_function_word(name: str, vocab: lexicon.Vocabulary) -> bool:
    """Whether a name's first word is a connector, article or conjunction written with a capital ("In
    Yemen", "The Alliance"): a sentence's first word, not a part of a person's name."""
    return name.split()[0].lower() in _function_words(vocab.lang)


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Connectors and articles of ``lang``, with the conjunctions and definite articles of every language."""
    vocab = lexicon.vocabulary(lang)
    anywhere = lexicon.every_language("conjunctions") | lexicon.every_language("definite_articles")
    return vocab.connectors | vocab.articles | anywhere
