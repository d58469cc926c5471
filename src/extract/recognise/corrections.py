"""Corrections to the candidates' labels and spans that read the words around a name or the rest of the
document: a surname standing alone is its person, a capitalised head ends an organisation, a role and a
person end an organisation span, a "person" before a role and a person is that role's organisation, a
name in brackets after a person is their employer, a word that spells a bracketed name is its short
form, a place in capitals is a place, a name the text writes with its "’s" where no possessive stands keeps
it, a name after a role and its complement is where the role is held, a generational suffix ends a
person's name, and a pattern's organisation opens and closes where the model's around it does.

They sit beside the recogniser (:mod:`extract.recognise.recogniser`), which calls them while it cleans
and selects candidates; each reads only the text and the language's words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise

from extract.languages import lexicon
from extract.recognise.candidates import Candidate
from extract.recognise.names import folded_organisations, has_head, looks_like_person, person_particles
from extract.recognise.places import is_region, place_names
from extract.recognise.spans import Spans, possessive_endings
from extract.text import acronyms
from extract.text.fold import fold

#: A dash between spaces: no part of a person's name.
_SPACED_DASH = re.compile(r"\s[-–—]\s")


def before_titled_person(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """Where an organisation span ends when it runs on into a role and a person ("Board President Allison
    Chin", "Acme Chief Executive Jane Roe"): before the role, so that the person is read as one."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for n in range(1, len(words) - 2):
        if words[n].group().lower() not in vocab.role_words:
            continue
        at = n + 1
        while at < len(words) and words[at].group().lower() in vocab.role_words:
            at += 1
        tail = " ".join(w.group() for w in words[at:])
        if tail and looks_like_person(tail, vocab):
            return start + words[n - 1].end()
    return end


#: Words of a role that may stand at an organisation span's end, and the words after it that may finish it.
ROLE_WORDS_IN, ROLE_WORDS_AFTER = 2, 2


def before_trailing_role(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """Where an organisation span ends when the model ran it on into a role written after the name
    ("Boxing Federation of India President", "City National Bank Vice| President Roy Martinez", "Hagley
    Museum and Library Executive| Director"): before the role. A role after a connector or an article is the
    name's own ("Office of the President", "Institute of Directors")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    after = re.match(r"[ \t]+(\S+)(?:[ \t]+(\S+))?", text[end : end + 80])
    following = [w for w in (after.groups() if after else ()) if w][:ROLE_WORDS_AFTER]
    roles = lexicon.every_language("role_words")
    for inside in range(min(ROLE_WORDS_IN, len(words) - 1), 0, -1):
        tail = [w.group() for w in words[-inside:]]
        if not tail[0][:1].isupper():
            continue
        before = words[-inside - 1].group().lower()
        if before in vocab.connectors or before in vocab.articles:
            continue
        for more in range(len(following) + 1):
            if " ".join(tail + following[:more]).lower().rstrip(",.;:") in roles:
                return start + words[-inside - 1].end()
    return end


def before_trailing_person(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """Where an organisation span ends when the model ran it on into the name of the person who holds the
    role written before it ("la directrice générale de SNCF Voyageurs Barbara Dalibard", "l'ancienne CEO
    de l'entreprise Circuit Foil Fabienne Bozet"): before the given name. Only after a role that an
    article opens (a role in apposition to a name before it, "Patricia Ricard, présidente de l'Institut
    Paul Ricard", is that person's, and the name after it the organisation's), and only where what stays
    is two words or more ending on a capitalised word that is no head noun ("Centre Léon Bérard")."""
    if not _held_role_before(text, start, vocab):
        return end
    words = list(re.finditer(r"\S+", text[start:end]))
    for size in (2, 3):
        keep = len(words) - size
        if keep < 2:
            continue
        tail = " ".join(w.group() for w in words[keep:])
        last = words[keep - 1].group()
        if not last[:1].isupper() or last.lower() in vocab.org_heads or last.lower() in vocab.connectors:
            continue
        if looks_like_person(tail, vocab) and tail.split()[-1][:1].isupper():
            return start + words[keep - 1].end()
    return end


def after_dashed_person(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """Where an organisation span starts when it opens on a person's name and a spaced dash ("Rosa Palacin
    Peiro - Spanish National Research Council", a board's list of members and where they come from):
    after the dash."""
    dash = _SPACED_DASH.search(text, start, end)
    if dash is None or not looks_like_person(text[start : dash.start()], vocab):
        return start
    return dash.end()


def _held_role_before(text: str, start: int, vocab: lexicon.Vocabulary) -> bool:
    """Does an article, a role and its complement stand right before ``start`` ("la directrice générale de
    ", "the former chief executive of the company ")?"""
    words = re.findall(r"\w+['’]|[\w-]+", text[max(0, start - 80) : start].lower())
    while words and (words[-1] in vocab.articles or words[-1] in vocab.kind_nouns):
        words.pop()  # "de l'entreprise", "of the company"
    if not words or words[-1] not in vocab.role_complements:
        return False
    words.pop()
    roles = lexicon.every_language("role_words")  # "l'ancienne CEO": a role word of another language
    first = None
    for n in range(max(0, len(words) - 4), len(words)):
        if words[n] in roles or " ".join(words[n : n + 2]) in roles:
            first = n
            break
    # "la directrice générale", "l'ancienne CEO", "the former chief executive": an article a word or two
    # before the role's first word
    return first is not None and any(w in vocab.articles for w in words[max(0, first - 2) : first])


def owners_of_roles(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A model "person" written right before a role and a person is the organisation of that role
    ("Wilton Park Chief Executive Richard Burge", "former Turner Sports president David Levy"): no one's
    name is followed by another person's title."""
    result = list(chosen)
    for n, (first, second) in enumerate(pairwise(chosen)):
        if first.label != "PERSON" or second.label != "PERSON":
            continue
        if first.source == "model" and _lone_role(first.lang).fullmatch(text, first.end, second.start):
            result[n] = replace(first, label="ORG", source="cue")
        elif (
            second.source == "model"
            and _titled_role(first.lang).fullmatch(text, first.end, second.start)
            and not looks_like_person(text[second.start : second.end], lexicon.vocabulary(second.lang))
        ):
            # "Ronan McCabe, Chief Executive Animation Ireland": a person's title runs on to where it is
            # held; not "CFO Chris Barton, COO Christine Geissmar", a list of people and their titles
            result[n + 1] = replace(second, label="ORG", source="cue")
    return result


@cache
def _titled_role(lang: str) -> re.Pattern[str]:
    """A comma, then a role phrase alone between spaces (", Chief Executive ")."""
    return re.compile(rf",\s+(?i:{_roles(lang)})\s+")


#: A capitalised word, an initial with its full stop, and a capitalised word: a person's name.
_MIDDLE_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]+ [A-Z]\. [A-ZÀ-ÖØ-Þ]")


def after_role_complement(text: str, start: int, lang: str) -> bool:
    """Does a role word and its complement or workplace preposition stand right before ``start``
    ("President of Magna Seating", "chief executive at Eden Futures", "le nouveau PDG de Nestle Waters")?
    A person is no one's post: the name after is where the role is held. Not where the role is itself a
    complement ("le mandat de PDG de Frédéric Oudéa"): it is then the title of the person who follows."""
    found = _role_complement(lang).search(text, max(0, start - 80), start)
    if found is None or _MIDDLE_INITIAL.match(text, start):
        return False  # "PDG de Federico J. González": a given name, an initial and a surname are a person
    before = text[max(0, found.start() - 30) : found.start()].split()
    return not before or before[-1].lower() not in lexicon.every_language("role_complements")


@cache
def _role_complement(lang: str) -> re.Pattern[str]:
    """A role word, then its complement or a workplace preposition and an article, or an elided word,
    ending where the name starts."""
    roles = _roles(lang)
    complements = lexicon.alternation(
        lexicon.every_language("role_complements") | lexicon.every_language("workplace_prepositions")
    )
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    elided = lexicon.alternation(lexicon.every_language("elisions"))
    return re.compile(
        rf"(?<![\w-])(?i:{roles})\s+(?:(?i:{complements})\s+(?:(?i:{articles})\s+)?|(?i:{elided}))\Z"
    )


@cache
def _role_only(lang: str) -> re.Pattern[str]:
    """A role phrase and nothing else ("Trésorier", "Vice Chair")."""
    return re.compile(rf"(?i:{_roles(lang)})")


@cache
def _lone_role(lang: str) -> re.Pattern[str]:
    """A role phrase alone between spaces (" Chief Executive ")."""
    return re.compile(rf"\s+(?i:{_roles(lang)})\s+")


@cache
def _roles(lang: str) -> str:
    """The alternation of the language's role words, which the role patterns above share."""
    return lexicon.alternation(lexicon.vocabulary(lang).role_words)


#: A capitalised name of one to three words in brackets, alone or before a comma ("(Alstef, Boigny)"), of
#: two characters or more: "(L)" and "(R)" place a person in a picture.
_BRACKETED = re.compile(r"\s*\((?P<name>[A-ZÀ-ÖØ-Þ][\w&’'-]+(?: [A-ZÀ-ÖØ-Þ][\w&’'-]*){0,2})\s*[,)]")


def employers_in_brackets(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A name in brackets right after a person is where that person works ("Pierre Marol (Alstef,
    Boigny-sur-Bionne)", "Anna Smith (Acme)"), as is a name after an affiliation word that ends the phrase
    ("Jonas Sundborg of Ericsson, ..."), unless it is a place, a date word, a person or already read."""
    taken = Spans((c.start, c.end) for c in chosen)
    added = []
    for person in (c for c in chosen if c.label == "PERSON"):
        match = _BRACKETED.match(text, person.end) or _affiliated(person.lang).match(text, person.end)
        if match is None:
            continue
        start, end = match.span("name")
        name = match.group("name")
        if taken.overlaps(start, end) or is_place(name) or is_region(name):
            continue
        place = match.groupdict().get("place")
        if place and not any(is_place(" ".join(place.split()[1:n])) for n in (2, 3)):
            continue  # "of Women in Science": the words after the preposition are no place
        if match.group().endswith(")") and re.match(r"\s+[A-ZÀ-ÖØ-Þ]", text[match.end() :]):
            continue  # "Trina Solar (Schweiz) AG": the brackets are inside a name
        vocab = lexicon.vocabulary(person.lang)
        if looks_like_person(name, vocab) or name.lower() in vocab.generic or name in vocab.acronym_stoplist:
            continue
        if _role_only(person.lang).fullmatch(name):
            continue  # "Marianne Alphant (Vice-Présidente)": the person's role, not an employer
        added.append(Candidate(start, end, "ORG", "cue", person.lang))
    return sorted([*chosen, *added], key=lambda c: (c.start, c.end))


@cache
def _affiliated(lang: str) -> re.Pattern[str]:
    """An affiliation word, an optional "the", and up to three capitalised words that end the name."""
    vocab = lexicon.vocabulary(lang)
    if not vocab.affiliation_words:
        return re.compile(r"(?!)")
    connectors = lexicon.alternation(lexicon.every_language("connectors"))
    places = lexicon.alternation(vocab.place_prepositions)
    return re.compile(
        rf"\s+(?:{lexicon.alternation(vocab.affiliation_words)})\s+(?:the\s+)?"
        r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&’'-]*(?: [A-ZÀ-ÖØ-Þ][\w&’'-]*){0,2})"
        # the name ends there: punctuation, or a lower-case word that does not go on with it ("of Bank of
        # America", "of Guardia Volontaria del Mare": a connector, or any word before a capital), or the
        # place it is in ("of Vander Mill Cider in Grand Rapids": the place is checked by the caller)
        rf"(?=\s*(?:[,.;:)]|$)|\s+(?!(?:{connectors})\s)[a-zà-öø-ÿ][\w’'-]*(?:[,.;:]|\s+[^A-ZÀ-ÖØ-Þ\s])"
        rf"|\s+(?P<place>(?:{places})\s+[A-ZÀ-ÖØ-Þ][\w’'-]*(?: [A-ZÀ-ÖØ-Þ][\w’'-]*)?))"
    )


def short_form_of(word: str, inner: str, vocab: lexicon.Vocabulary) -> bool:
    """Whether ``word`` before "(inner)" is a short form of it: an acronym, or a capitalised word that
    spells the bracketed name from its first letter ("l'Esitc (École supérieure d'ingénieurs des travaux
    de la construction de Caen)") when that name has an organisation head."""
    if acronyms.looks_like_acronym(word):
        return True
    spelled = len(word) >= 3 and word[:1].isupper() and acronyms.long_form_start(word, inner) == 0
    return spelled and has_head(inner, vocab)


def is_place(name: str) -> bool:
    """A gazetteer place, as written or in capitals ("PARIS (Reuters) -", "BETHESDA, MD": a dateline)."""
    return name in place_names() or (name.isupper() and len(name) > 3 and name.title() in place_names())


def ends_on_head(name: str, vocab: lexicon.Vocabulary) -> bool:
    """A "person" whose last word is a capitalised organisation head ("Sierra Club", "Acme Group") is the
    model's mistake: no one's surname is written as a head noun of the language."""
    words = name.split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in vocab.org_heads


def _after_lower_words(name: str) -> str:
    """The one capitalised word after the one lower-case word that opens a span ("firm Ozzie" gives
    "Ozzie"); "" for any other span ("barreau de Marseille")."""
    words = name.split()
    return words[1] if len(words) == 2 and words[0][:1].islower() else ""


def inner_possessive(name: str) -> bool:
    """A "person" with a possessive ending inside, before a capitalised word ("David’s Bridal", "Macy's
    Inc"): no person's name holds one."""
    return _inner_possessive().search(name) is not None


@cache
def _inner_possessive() -> re.Pattern[str]:
    endings = [e for e in lexicon.every_language("possessive_endings") if any(ch.isalpha() for ch in e)]
    if not endings:
        return re.compile(r"(?!)")
    return re.compile(rf"\w(?:{lexicon.alternation(endings)}) [A-ZÀ-ÖØ-Þ]")


def not_surnames(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The last word of a person the model or a title found is that person wherever it stands alone
    ("Smith announced" is the Smith of "John Smith"): a cue organisation of that word is dropped, and a
    model organisation of that word is the person, unless the word also stands in a longer organisation
    name or in the organisations list ("Dell" beside "Dell Technologies" and "Michael Dell")."""
    # a spaced dash ends a person's name ("Michael Lippert - Saft": the model ran on into the employer)
    full = (_SPACED_DASH.split(text[c.start : c.end])[0].split() for c in candidates if c.label == "PERSON")
    # a one-word "person" is no one's surname, nor is a model "person" opening in lower case ("président
    # de la Fonda" gives no surname "Fonda")
    people = {words[-1] for words in full if len(words) > 1 and words[0][:1].isupper()}
    in_orgs = {
        word
        for c in candidates
        if c.label == "ORG" and " " in text[c.start : c.end]
        for word in text[c.start : c.end].split()
    }
    kept = []
    for c in candidates:
        name = text[c.start : c.end]
        if c.source == "cue" and name in people:
            continue
        if c.source == "pattern" and c.label == "ORG" and _after_lower_words(name) in people:
            continue  # "a software firm Ozzie formed": the kind noun's name is Ray Ozzie
        if (
            c.source == "model"
            and c.label == "ORG"
            and name in people
            and name not in in_orgs
            and fold(name) not in folded_organisations()
        ):
            c = replace(c, label="PERSON")
        kept.append(c)
    return kept


def with_particle_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A person's name run on over the particles and the surname the model left after it ("Federico
    Alvarez de Toledo", "Renato di Rocco"): one particle or two in lower case and a capitalised word that no
    other mention starts and that is no place."""
    after = _particle_surname()
    starts = {c.start for c in chosen}
    roles = lexicon.every_language("role_words")
    result = []
    for c in chosen:
        found = after.match(text, c.end) if c.label == "PERSON" else None
        if (
            found
            and found.start("surname") not in starts
            and found.group("surname") not in place_names()
            and found.group("surname").lower() not in roles  # "Bertrand Diard le Pdg": his title
        ):
            c = replace(c, end=found.end())
        result.append(c)
    return result


@cache
def _particle_surname() -> re.Pattern[str]:
    """One particle or two in lower case, then a capitalised surname: " de Larauze", " van der Velde"."""
    particles = lexicon.alternation(person_particles())
    return re.compile(rf" (?:(?:{particles}) ){{1,2}}(?P<surname>[A-ZÀ-ÖØ-Þ][\w’'-]+)")


def with_name_suffixes(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A person's name runs on over a generational suffix right after it, a comma between or none
    ("Flozell Daniels, Jr.", "Henry Ford II"): the suffix is part of the name, as the guidelines' span
    takes it."""
    taken = Spans((c.start, c.end) for c in chosen)
    result = []
    for c in chosen:
        found = _suffix(c.lang).match(text, c.end) if c.label == "PERSON" else None
        if found is not None and not taken.overlaps(c.end, found.end()):
            c = replace(c, end=found.end())
        elif c.label == "PERSON" and _dotted_suffix_at(text, c):
            c = replace(c, end=c.end + 1)  # "Robert C. Mankin Jr.": the full stop is the suffix's
        result.append(c)
    return result


def _dotted_suffix_at(text: str, c: Candidate) -> bool:
    """Whether the name ends on a suffix whose list form takes a full stop, and the stop follows."""
    last = text[c.start : c.end].split()[-1]
    return text[c.end : c.end + 1] == "." and f"{last}." in lexicon.vocabulary(c.lang).name_suffixes


@cache
def _suffix(lang: str) -> re.Pattern[str]:
    """A suffix of the language's list after a comma and a space or a space alone, then no word goes on."""
    suffixes = lexicon.vocabulary(lang).name_suffixes
    if not suffixes:
        return re.compile(r"(?!)")
    alternation = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf",? (?:{alternation})(?![\w’'-])")


def with_name_s(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """An organisation whose name ends on what looks like a possessive ("Christie’s", "Sotheby’s",
    "Kellogg's"): the text writes it with its 's where no possessive can stand, before a stop, a comma or
    a conjunction or at a line's end ("at Christie’s and Sotheby’s."), so every mention of it keeps it."""
    own = {text[c.start : c.end] for c in chosen if c.label == "ORG" and _owns_its_s(text, c.end)}
    own = {name for name in own if not _written_without_s(text, name)}
    return [
        replace(c, end=c.end + len(ending))
        if c.label == "ORG" and text[c.start : c.end] in own and (ending := _s_ending(text, c.end))
        else c
        for c in chosen
    ]


def _written_without_s(text: str, name: str) -> bool:
    """Whether the text also writes the name alone, with no possessive ending after it ("Microsoft said",
    beside "Microsoft's shares" and "at Microsoft's."): its "'s" is then a possessive."""
    for found in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", text):
        if not _s_ending(text, found.end()):
            return True
    return False


def _owns_its_s(text: str, end: int) -> bool:
    ending = _s_ending(text, end)
    return bool(ending) and _no_possessive_after().match(text, end + len(ending)) is not None


def _s_ending(text: str, end: int) -> str:
    """The possessive ending written right after ``end``, if any."""
    return next((e for e in possessive_endings() if text.startswith(e, end)), "")


@cache
def _no_possessive_after() -> re.Pattern[str]:
    """What cannot follow a possessive: a stop, comma, colon, bracket or quote, a line end, a conjunction."""
    joins = lexicon.alternation(lexicon.every_language("conjunctions"))
    return re.compile(rf"(?:[ \t]*(?:[.,;:)\]»”\"]|\n|$)|\s+(?:{joins})\b)")


#: Capitalised words, each followed by a space: what a model may read before a name's head.
_CAPITALISED_OPENING = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w’'&.-]*[ \u00a0])+")


def with_model_openings(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A pattern's, a cue's or a listed name's organisation starts where the model's, ending with it,
    starts, and ends where the model's, starting with it, ends, when only capitalised words stand between
    ("Haute Autorité de Santé", "Scotland's Rural College", "Arts Council England", "Arriva Rail North"):
    the pattern reads from its head noun to its complement, a list holds the parent's name, and the
    capitalised words the model reads around them are the name's."""
    model_starts: dict[int, int] = {}
    model_ends: dict[int, int] = {}
    for c in candidates:
        if c.label == "ORG" and c.source == "model":
            model_starts[c.end] = min(c.start, model_starts.get(c.end, c.start))
            model_ends[c.start] = max(c.end, model_ends.get(c.start, c.end))
    result = []
    for c in candidates:
        pattern = c.label == "ORG" and c.source in ("pattern", "gazetteer", "cue")
        start = model_starts.get(c.end, c.start) if pattern else c.start
        if start < c.start and _CAPITALISED_OPENING.fullmatch(text, start, c.start):
            c = replace(c, start=start)
        end = model_ends.get(c.start, c.end) if pattern else c.end
        if end > c.end and _CAPITALISED_CLOSING.fullmatch(text, c.end, end):
            c = replace(c, end=end)
        result.append(c)
    return result


#: Capitalised words, each after a space and perhaps a complement ("of Saskatchewan", "de Ligue Magnus"), but
#: no conjunction ("Institut Paoli-Calmettes and Institut Claudius Regaud" are two): what a model may read
#: after a pattern's name.
_CAPITALISED_CLOSING = re.compile(
    r"(?:[ \u00a0](?:(?:of|for|the|de|du|des|d’|d')[ \u00a0]?)*[A-ZÀ-ÖØ-Þ][\w’'&.-]*)+"
)
