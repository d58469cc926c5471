"""Organisations known by their context alone: one-word company and brand names with no head noun.

"Gateway", "Keolis" or "la Fonda" carry no organisation word, and the models read them as nothing or as a
person; the words around them say what they are. A name in the role of a position ("CEO of SolarPower
Europe", "président de la Fonda"), the owner of a role ("Gotham’s CEO", "Alibaba co-founder Joe Tsai"),
the subject of an announcement or a deal ("Hagley Announces ...", "Atos a annoncé", "Fortinet formed"),
the body that appoints someone ("Zorvex Steel has appointed Mark Smith"),
the company a deal buys or is made with ("bought McQueen", "s’est offert Vormetric", "a deal with Zeneca"),
a company listed with its share's symbol ("Abiomed (NSDQ:ABMD)"), a newswire in a dateline ("2013
/PRNewswire/ --", "Paris (awp/afp) -"), a role's workplace ("vice-président chez Desjardins") and a name
described as a kind of body ("Vineyard Wind, an offshore wind developer") is an organisation. One such
occurrence is enough: the document-wide rules of :mod:`extract.recognise.consistency` tag its other
occurrences. The cue words are those of ``data/<lang>/names.json`` (``role_words``, ``role_complements``,
``announce_verbs``, ``appointing_verbs``, ``possessive_endings``, ``acquisition_verbs``, ``deal_phrases``,
``workplace_prepositions``, ``kind_nouns``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extract.languages import date_words, lexicon
from extract.recognise.candidates import Candidate
from extract.recognise.names import first_names, looks_like_person, opens_sentence
from extract.recognise.places import place_names
from extract.recognise.spans import URL_OR_EMAIL

#: One capitalised word of a name ("SolarPower", "Keolis", "Franche-Comté").
_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'&-]*[\w&]"
#: A capitalised word right before a match: the match is the end of a longer name.
_TITLE_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'&-]*[ \t]+\Z")
#: What gender_guesser answers for a word it knows as a given name: such a word starts a person's name.
_GIVEN = frozenset({"male", "female", "mostly_male", "mostly_female"})


@cache
def _role_of(lang: str) -> re.Pattern[str]:
    """A role word or a parent noun ("filiale d'Orange"), its complement and an optional article, then
    up to four capitalised words."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words | vocab.parent_nouns)
    complements = _complements(vocab)
    elided = lexicon.alternation(w for w in lexicon.every_language("elisions"))
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    openers = lexicon.alternation(vocab.clause_openers)
    complement = rf"(?:(?i:{complements})\s+(?:(?P<article>(?i:{articles}))\s+)?|(?i:{elided}))"
    # "président du directoire de Ragt": the board the role is held on, then its organisation
    boards = lexicon.alternation(lexicon.every_language("board_nouns"))
    board = rf"(?i:{boards})\s+(?:(?i:{complements})\s+(?:(?i:{articles})\s+)?|(?i:{elided}))"
    # "joined the board of Zorvex in May", "entre au directoire de Korian.": a board alone is held on
    # an organisation too
    return re.compile(
        rf"(?<![\w-])(?:(?i:{roles})\s+{complement}(?:{board})?|(?P<board>{board}))"
        rf"(?P<name>{_WORD}(?: {_WORD}){{0,3}})(?![\w’'-])"
        # and the name ends there, or the sentence goes on ("CEO of Rhodia since 2003"): a complement
        # ("Métropole de Lyon"), an adjective ("République française"), a workplace ("Networks at
        # EirGrid") or a list ("Sales, Marketing") follows a part
        rf"(?=\s*(?:[.;:)»\"”]|,(?!\s*[A-ZÀ-ÖØ-Þ])|$)|\s+(?:{openers})(?![\w’'-]))",
        re.MULTILINE,
    )


def _complements(vocab: lexicon.Vocabulary) -> str:
    """The role complements written as a word of their own ("of", "de"; not the elided "d'"), as one
    alternation."""
    return lexicon.alternation(w for w in vocab.role_complements if w[-1] not in "'’")


@cache
def _announces(lang: str) -> re.Pattern[str]:
    """A single capitalised word right before an announcing verb ("Hagley Announces", "Atos a annoncé")."""
    verbs = lexicon.alternation(lexicon.vocabulary(lang).announce_verbs)
    return re.compile(rf"(?<![\w’'-])(?P<name>{_WORD})\s+(?i:{verbs})(?![\w-])")


@cache
def _appoints(lang: str) -> re.Pattern[str]:
    """Two or three capitalised words right before an appointing verb and the capitalised name it
    appoints ("Zorvex Steel has appointed Mark Smith", "Arkéa Banque nomme Anne Roux"): who appoints is a
    body, though the model may read its name as a person's."""
    verbs = lexicon.alternation(lexicon.vocabulary(lang).appointing_verbs)
    return re.compile(rf"(?<![\w’'&.-])(?P<name>{_WORD}(?: {_WORD}){{1,2}})\s+(?i:{verbs})\s+(?=[A-ZÀ-ÖØ-Þ])")


@cache
def _acquired(lang: str) -> re.Pattern[str]:
    """A capitalised name of up to three words after an acquisition verb or a deal phrase, an article
    between or none ("bought McQueen", "s’est offert Vormetric", "a licensing deal with Zeneca"), ending
    where the clause goes on in lower case."""
    vocab = lexicon.vocabulary(lang)
    verbs = lexicon.alternation(vocab.acquisition_verbs | vocab.deal_phrases)
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    connectors = lexicon.alternation(lexicon.every_language("connectors"))
    return re.compile(
        rf"(?<![\w-])(?i:{verbs})\s*(?:(?i:{articles})\s*)?(?P<name>{_WORD}(?: {_WORD}){{0,2}})(?![\w’'-])"
        # the name goes on where a connector opens a capitalised complement ("de la Haute-Loire"), not
        # where the clause goes on in lower case ("a deal with Zeneca for its library")
        rf"(?=\s*(?:[.,;:)»\"”]|\s(?!(?:{connectors})\s+(?:(?i:{articles})\s*)?[A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿ]|$))",
        re.MULTILINE,
    )


@cache
def _before_role(lang: str) -> re.Pattern[str]:
    """Up to three capitalised words right before a role in lower case, perhaps with the unit it is over,
    and a capitalised name ("Alibaba co-founder Joe Tsai", "NBA commissioner Adam Silver", "Dropbox head
    of product Ilya Fushman"): the organisation whose role it is."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words)
    unit = _complements(vocab)
    return re.compile(
        rf"(?<![\w’'&.-])(?P<name>{_WORD}(?: {_WORD}){{0,2}}) (?P<role>{roles})(?: and (?:{roles}))?"
        rf"(?P<unit> (?:{unit}) [a-zà-öø-ÿ]+)? (?=[A-ZÀ-ÖØ-Þ])"
    )


@cache
def _article_role(lang: str) -> re.Pattern[str]:
    """Up to three capitalised words between an indefinite article and a role in lower case ("David Zwiener,
    a PartnerRe director", "a former Google executive"; not "a Visiting Professor", a title in capitals):
    the organisation whose role it is."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words)
    indefinite = lexicon.alternation(vocab.indefinite_articles)
    leading = lexicon.alternation(vocab.articles)
    return re.compile(
        rf"(?<![\w-])(?i:{indefinite})\s+(?:(?i:{leading})\s+)?(?P<name>{_WORD}(?: {_WORD}){{0,2}})\s+"
        rf"(?:{roles})(?![\w-])"
    )


@cache
def _workplace(lang: str) -> re.Pattern[str]:
    """A role word, a few words of its own, then a workplace preposition and a capitalised name
    ("vice-président au financement corporatif chez Desjardins", "professor at Cornell")."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words)
    places = lexicon.alternation(lexicon.every_language("workplace_prepositions"))
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    return re.compile(
        rf"(?<![\w-])(?i:{roles})(?![\w-])[^.;:!?\n]{{0,60}}?(?<![\w-])(?:{places})\s+(?:(?i:{articles})\s*)?"
        rf"(?P<name>{_WORD}(?: {_WORD}){{0,2}})(?![\w’'-])(?=\s*(?:[.,;:)»\"”]|\s[a-zà-öø-ÿ]|$))",
        re.MULTILINE,
    )


@cache
def _described(lang: str) -> re.Pattern[str]:
    """A capitalised name that an apposition describes as a kind of organisation, or as another's unit:
    "Vineyard Wind, an offshore wind developer, ...", "Zorvex, une start-up nantaise, ...", "Zorvex,
    filiale du groupe Orano"."""
    vocab = lexicon.vocabulary(lang)
    kinds = lexicon.alternation(vocab.kind_nouns)
    articles = lexicon.alternation(vocab.indefinite_articles)
    parents = lexicon.alternation(vocab.parent_nouns)
    every = lexicon.alternation(vocab.indefinite_articles | lexicon.every_language("definite_articles"))
    return re.compile(
        rf"(?<![\w’'&.-])(?P<name>{_WORD}(?: {_WORD}){{0,3}}),\s+(?:(?i:{articles})\s+"
        rf"(?:[a-zà-öø-ÿ-]+\s+){{0,3}}(?:{kinds})|(?:(?i:{every})\s+)?(?i:{parents}))(?![\w-])"
    )


@cache
def _quoted_after_kind(lang: str) -> re.Pattern[str]:
    """A capitalised name in quotes right after a kind noun and its adjectives ("l’ensemble baroque « Le
    Poème Harmonique »", "the charity 'Home Start'")."""
    kinds = lexicon.alternation(lexicon.vocabulary(lang).kind_nouns)
    return re.compile(
        rf"(?<![\w-])(?i:{kinds})(?:\s+[a-zà-öø-ÿ-]+){{0,2}}\s*[«\"“‘']\s*"
        rf"(?P<name>{_WORD}(?:\s+(?:[a-zà-öø-ÿ’']+\s+)?{_WORD}){{0,4}}|{_WORD}(?:\s+[a-zà-öø-ÿ]+){{1,2}})\s*[»\"”’']"
    )


@cache
def _owner_of_role(lang: str) -> re.Pattern[str]:
    """Up to three capitalised words with a possessive ending, then a role word ("Gotham’s CEO")."""
    vocab = lexicon.vocabulary(lang)
    roles = lexicon.alternation(vocab.role_words)
    endings = lexicon.alternation(lexicon.every_language("possessive_endings"))
    return re.compile(
        rf"(?<![\w’'&-])(?P<name>{_WORD}(?: {_WORD}){{0,2}})(?:{endings})\s+(?:(?i:{roles}))(?![\w-])"
    )


#: A newswire between slashes after a dateline's year: "NEW YORK, March 27, 2013 /PRNewswire/ -- ...".
_WIRE = re.compile(r"\d{4}\s*/\s*(?P<name>[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)*)\s*/\s*[-–—]")
#: The news agencies between brackets after a dateline's place, each a code in any case: "Paris (awp/afp) -",
#: "LONDON (Reuters) —".
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w .'’-]{1,40}?\s*\((?P<wires>[A-Za-z]{2,8}(?:\s*/\s*[A-Za-z]{2,8})*)\)\s*[-–—]",
    re.MULTILINE,
)
#: A company's name, then its share's exchange and symbol in brackets: "Abiomed (NSDQ:ABMD)".
_LISTED = re.compile(
    rf"(?<![\w’'&-])(?P<name>{_WORD}(?: {_WORD}){{0,3}})\s*\(\s*[A-Z][A-Za-z]+\s*:\s*[A-Z0-9.]{{1,6}}\s*\)"
)


def context_candidates(text: str, start: int, end: int, lang: str) -> list[Candidate]:
    """Organisations that the words around them reveal, in ``text[start:end]`` of language ``lang``."""
    found = []
    announces, acquired, workplace = _announces(lang), _acquired(lang), _workplace(lang)
    appoints = _appoints(lang)
    described, quoted = _described(lang), _quoted_after_kind(lang)
    before_role = (_owner_of_role(lang), _before_role(lang), _article_role(lang))
    role_of = _role_of(lang)
    patterns = (role_of, announces, appoints, *before_role, acquired, workplace)
    for pattern in (*patterns, described, quoted, _LISTED, _WIRE):
        for match in pattern.finditer(text, start, end):
            name = match.group("name")
            if pattern is role_of:
                if match.group("board") and _goes_on_board(match.group("board"), name):
                    continue  # "Board of Directors": the word is the board's own
                name = _before_holder(name, lexicon.vocabulary(lang))
            if pattern in (announces, appoints) and _TITLE_BEFORE.search(
                text, max(0, match.start() - 40), match.start()
            ):
                continue  # "Palo Alto Networks formed": the word is the end of a longer name
            if re.search(r"-[a-zà-öø-ÿ]+\Z", name):
                continue  # "Michigan-based", "state-owned": an adjective, not a name
            if pattern in (workplace, acquired) and name in place_names():
                continue  # "director at London", "a collaboration with Germany": a place
            if pattern is acquired and name.split()[-1].lower() in lexicon.vocabulary(lang).generic:
                continue  # "a partnership with the Algerian State": a generic noun, however qualified
            if pattern in (workplace, acquired) and _noun_follows(text, match.end("name"), lang):
                continue  # "at the Hebridean distillery": the capitalised word qualifies a noun
            if match.groupdict().get("unit") and opens_sentence(text, match.start("name")):
                continue  # "Auparavant directeur du programme A380": a sentence's first word, not a name
            role = match.groupdict().get("role")
            if role and f"{name.split()[-1]} {role}".lower() in lexicon.vocabulary(lang).role_words:
                continue  # "Managing director Larry LaRocco": the word opens the role
            # "président de la Fonda": after an article, a given name ("Fonda") starts no person's name;
            # nor right before a role and its holder's name ("Norton Rose chief executive Peter Martyr")
            given_ok = (
                match.groupdict().get("article") is not None
                or pattern is quoted
                or (pattern is before_role[1] and not match.group("unit") and name not in place_names())
            )
            # the context says what the name is ("British Swimming chief executive David Sparkes")
            common_ok = pattern in (described, quoted, _LISTED, _WIRE, before_role[1])
            if _plausible(text, name, lang, given_ok=given_ok, common_ok=common_ok):
                at = match.start("name")
                found.append(Candidate(at, at + len(name), "ORG", "cue", lang))
    return found + _wires(text, start, end, lang)


def _wires(text: str, start: int, end: int, lang: str) -> list[Candidate]:
    """The news agencies of a dateline ("Paris (awp/afp) -"): no place and no stop-listed acronym ("(UK)")."""
    stop = lexicon.vocabulary(lang).acronym_stoplist
    found = []
    for match in _DATELINE.finditer(text, start, end):
        for wire in re.finditer(r"[A-Za-z]+", match.group("wires")):
            name = wire.group()
            if name.upper() not in stop and name.title() not in place_names() and name not in place_names():
                at = match.start("wires") + wire.start()
                found.append(Candidate(at, at + len(name), "ORG", "wire", lang))
    return found


def _goes_on_board(board: str, name: str) -> bool:
    """Whether ``name``'s first word continues ``board`` into a longer board noun ("Board of" and
    "Directors"), so that it names no organisation."""
    words = " ".join(f"{board} {name.split()[0]}".lower().split())
    nouns = lexicon.every_language("board_nouns")
    return any(noun == words or noun.startswith(words + " ") for noun in nouns)


def _before_holder(name: str, vocab: lexicon.Vocabulary) -> str:
    """The organisation's part of a name run on into the person who holds the role ("président du conseil
    d'administration d'EMLYON Bruno Bonnell"): the words before a person's name of two words or three."""
    words = name.split()
    for size in (2, 3):
        tail = words[-size:]
        if len(words) > size and looks_like_person(" ".join(tail), vocab) and tail[0] not in place_names():
            return " ".join(words[:-size])  # not "East London Advertiser": "London" is a place first
    return name


def _noun_follows(text: str, end: int, lang: str) -> bool:
    """Whether a head or kind noun in lower case follows ``end`` ("Hebridean distillery")."""
    vocab = lexicon.vocabulary(lang)
    word = re.match(r"\s+([a-zà-öø-ÿ]+)", text[end : end + 40])
    return word is not None and word.group(1) in vocab.org_heads | vocab.kind_nouns


def _plausible(text: str, name: str, lang: str, *, given_ok: bool = False, common_ok: bool = False) -> bool:
    """A proper name: no word of it written in lower case in the text ("Director of Sport" / "sport";
    with ``common_ok``, one such word at least), no conjunction ("Head of Insurance and Risk"), no
    generic noun, and no given name at its start (unless ``given_ok``)."""
    vocab = lexicon.vocabulary(lang)
    words = name.split()
    lower = _lower_words(text)
    common = [w.lower() in lower for w in words]
    if (all(common) if common_ok else any(common)) or name.lower() in vocab.generic:
        return False
    dates = date_words.vocabulary(lang)
    if name.lower() in dates.months or name.lower() in dates.weekdays:
        return False  # "on Tuesday announced"
    if any(w.lower() in vocab.org_heads or w.lower() in vocab.role_words for w in words):
        return False  # a head noun makes it a name the patterns read; a role word makes it a title
    return given_ok or first_names().get_gender(words[0].split("-")[0]) not in _GIVEN


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words a document writes in lower case outside its URLs and e-mail addresses, where a name is
    written in lower case too ("www.fonda.asso.fr")."""
    return frozenset(re.findall(r"(?<![\w-])[a-zà-öø-ÿ]+(?![\w-])", URL_OR_EMAIL.sub(" ", text)))
