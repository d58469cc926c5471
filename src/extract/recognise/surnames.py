"""People written with their surname in capitals ("Alain ASTRUC", "Lydie SARTOUT-ROUMILHAC"), or named in
full once and by their surname alone after ("Rona Fairhead is set to ... Fairhead said").

French releases, minutes and invitations often write a surname in capitals. The models read the capitals
as an acronym and tag the surname alone as an organisation, losing the person. A known given name
(gender-guesser's list) that the text never writes in lower case ("The CLB") right before one or two
words in capitals is a person; the capitals are no
acronym when the text never writes them alone in brackets ("SDEE (Syndicat ...)", "(FNCCR)") and they
are on no list of acronyms that name no one ("CEO"). A release names a person in full once, then by their
surname: a known given name and a capitalised word that the text also writes alone, and never in lower
case, is a person even where the model missed the full name (at a sentence's start, after a date).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.languages import lexicon
from extract.languages.name_forms import first_names
from extract.recognise.candidates import Candidate
from extract.recognise.names import common_words, folded_organisations, has_head
from extract.recognise.places import place_names
from extract.text.fold import fold

_UPPER = "A-ZÀ-ÖØ-Þ"
#: A given name in ordinary case (after an elided "d'" or "l'" too), then a surname of one or two words
#: in capitals, of three letters at least.
_PERSON = re.compile(
    rf"(?:(?<=\b[dDlL][’'])|(?<![\w’'-]))(?P<given>[{_UPPER}][a-zà-öø-ÿ]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)"
    rf"\s(?P<surname>[{_UPPER}]{{3,}}(?:['’-][{_UPPER}]{{2,}})*(?:\s[{_UPPER}]{{3,}})?)(?![\w’'-])"
    rf"(?!\s+[{_UPPER}])"  # "St Leonards CE Primary": a name goes on, no surname ends there
)
#: A given name and a surname, both in ordinary case, with no capitalised word after them.
_GIVEN_SURNAME = re.compile(
    rf"(?<![\w’'-])(?P<given>[{_UPPER}][a-zà-öø-ÿ]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)"
    rf"\s(?P<surname>[{_UPPER}][a-zà-öø-ÿ]{{2,}}(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)(?![\w’'-])(?!\s+[{_UPPER}])"
)
#: A given name, an initial or none, a capitalised nickname in quotes, then a surname.
_NICKNAMED = re.compile(
    rf"(?<![\w’'-])(?P<given>[{_UPPER}][a-zà-öø-ÿ]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)(?:\s[{_UPPER}]\.)?"
    rf"\s[“\"‘'][{_UPPER}][a-zà-öø-ÿ]+[”\"’']\s[{_UPPER}][\w’'-]*\w"
)
#: A capitalised word, and the word right before it (a space between): "Rona Fairhead", "Fairhead said".
_CAPITALISED = re.compile(rf"(?<![\w’'-])[{_UPPER}][\w’'-]*")
_PREVIOUS = re.compile(r"([\w’'-]+)[ \t]\Z")
#: What gender-guesser answers for a word it knows as a given name.
_GIVEN = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})


def capitalised_surnames(text: str, start: int, end: int, lang: str) -> list[Candidate]:
    """The people of ``text[start:end]`` written "Given SURNAME", as PERSON candidates of rank "title"."""
    stoplist = lexicon.vocabulary(lang).acronym_stoplist
    found = []
    lower, bracketed = None, None
    for match in _PERSON.finditer(text, start, end):
        given, surname = match.group("given"), match.group("surname")
        if lower is None:  # read once per call, and only when a candidate needs them
            lower, bracketed = common_words(text), _bracketed(text)
        if given.lower() in lower or first_names().get_gender(given.split("-")[0]) not in _GIVEN:
            continue  # "The CLB": a word the text writes in lower case is no given name
        if any(word in stoplist or word in bracketed for word in re.split(r"[\s'’-]", surname)):
            continue
        if _in_a_name(text[max(0, match.start() - 40) : match.start()]):
            continue
        found.append(Candidate(match.start(), match.end(), "PERSON", "title", lang))
    return found


def nicknamed_people(text: str, start: int, end: int, lang: str) -> list[Candidate]:
    """The people of ``text[start:end]`` written with a nickname in quotes after a known given name, as
    PERSON candidates of rank "title"."""
    lower = common_words(text)
    return [
        Candidate(match.start(), match.end(), "PERSON", "title", lang)
        for match in _NICKNAMED.finditer(text, start, end)
        if match.group("given").lower() not in lower
        and first_names().get_gender(match.group("given").split("-")[0]) in _GIVEN
    ]


def _in_a_name(before: str) -> bool:
    """Whether the text before a match ends on a capitalised word and a connector: "Coop de France ALPC"
    goes on with a name, where "accompagné de Gilbert VASSELON" starts one."""
    connectors = lexicon.alternation(lexicon.every_language("connectors"))
    return re.search(rf"[{_UPPER}][\w’'-]*\s+(?i:{connectors})\s+$", before) is not None


def _bracketed(text: str) -> frozenset[str]:
    """The words a text writes alone in brackets ("(SDEE)"): acronyms it defines."""
    return frozenset(re.findall(r"\(([^()\s]+)\)", text))


def repeated_surnames(text: str, start: int, end: int, lang: str) -> list[Candidate]:
    """The people of ``text[start:end]`` written "Given Surname" whose surname the text also writes alone
    ("Fairhead said"), as PERSON candidates of rank "cue"; no place, no listed organisation, no head noun."""
    found = []
    lower, words_before = None, None
    vocab = lexicon.vocabulary(lang)
    common_nouns = vocab.generic | vocab.kind_nouns | vocab.non_org_after | vocab.role_words
    for match in _GIVEN_SURNAME.finditer(text, start, end):
        given, surname = match.group("given"), match.group("surname")
        if lower is None:
            lower = common_words(text)
        if given.lower() in lower or surname.lower() in lower or {given, surname} & place_names():
            continue  # "Sydney Festival", "France Aquitaine": a place, no one's name
        if len(given) < 3 or first_names().get_gender(given.split("-")[0]) not in _GIVEN:
            continue  # "So Marcus": a short word that opens a sentence
        if has_head(match.group(), vocab):
            continue
        if surname.lower() in common_nouns:
            continue  # "London Games", "Vice Chairperson": a common noun or a role in capitals
        if re.search(rf"[{_UPPER}][\w’'.-]*\s\Z", text[max(0, match.start() - 30) : match.start()]):
            continue  # "José Manuel Pelaez", "Hafiz Mohammed Bashir": the end of a longer name
        if words_before is None:
            words_before = _words_before(text)
        if words_before.get(surname, frozenset()) <= {given}:
            continue  # the surname is never written without the given name
        if fold(match.group()) not in folded_organisations():
            found.append(Candidate(match.start(), match.end(), "PERSON", "cue", lang))
    return found


@lru_cache(maxsize=4)
def _words_before(text: str) -> dict[str, frozenset[str]]:
    """For each capitalised word of the text, the words written right before it ("" after punctuation or
    at a line's start): read once per document (each of a long document's blocks asks), where asking for
    each name would read the whole text again."""
    before: dict[str, set[str]] = {}
    for match in _CAPITALISED.finditer(text):
        previous = _PREVIOUS.search(text, max(0, match.start() - 40), match.start())
        before.setdefault(match.group(), set()).add(previous.group(1) if previous else "")
    return {word: frozenset(found) for word, found in before.items()}
