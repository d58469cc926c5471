"""People written with their surname in capitals: "Alain ASTRUC", "Lydie SARTOUT-ROUMILHAC".

French releases, minutes and invitations often write a surname in capitals. The models read the capitals
as an acronym and tag the surname alone as an organisation, losing the person. A known given name
(gender-guesser's list) that the text never writes in lower case ("The CLB") right before one or two
words in capitals is a person; the capitals are no
acronym when the text never writes them alone in brackets ("SDEE (Syndicat ...)", "(FNCCR)") and they
are on no list of acronyms that name no one ("CEO").
"""

from __future__ import annotations

import re

from extract.languages import lexicon
from extract.languages.name_forms import first_names
from extract.recognise.candidates import Candidate
from extract.recognise.names import common_words

_UPPER = "A-ZÀ-ÖØ-Þ"
#: A given name in ordinary case (after an elided "d'" or "l'" too), then a surname of one or two words
#: in capitals, of three letters at least.
_PERSON = re.compile(
    rf"(?:(?<=\b[dDlL][’'])|(?<![\w’'-]))(?P<given>[{_UPPER}][a-zà-öø-ÿ]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)"
    rf"\s(?P<surname>[{_UPPER}]{{3,}}(?:['’-][{_UPPER}]{{2,}})*(?:\s[{_UPPER}]{{3,}})?)(?![\w’'-])"
    rf"(?!\s+[{_UPPER}])"  # "St Leonards CE Primary": a name goes on, no surname ends there
)
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


def _in_a_name(before: str) -> bool:
    """Whether the text before a match ends on a capitalised word and a connector: "Coop de France ALPC"
    goes on with a name, where "accompagné de Gilbert VASSELON" starts one."""
    connectors = lexicon.alternation(lexicon.every_language("connectors"))
    return re.search(rf"[{_UPPER}][\w’'-]*\s+(?i:{connectors})\s+$", before) is not None


def _bracketed(text: str) -> frozenset[str]:
    """The words a text writes alone in brackets ("(SDEE)"): acronyms it defines."""
    return frozenset(re.findall(r"\(([^()\s]+)\)", text))
