"""The frame lexicon of a language: the words of ``data/<lang>/frames.json``, checked and loaded.

The dependency-path rules (:mod:`extract.relations.paths`, :mod:`extract.relations.succession`) read
no word of a language from code: role verbs, pronouns, founder and succession words, and the frames (a
verb or noun, the predicate it states, which side its agent is) are keys of ``frames.json``, merged over
every supported language, since a sentence may mix them. An error names the file and the key at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from extract.core.schema import PREDICATES
from extract.languages.registry import language_file, languages, read_json
from extract.relations.lexicon import invalid, word_list

#: Frame agents: "subject" (the verb's agent is the relation's subject), "object", "either", or "holder":
#: a noun naming the doer, whose holder is the relation's object ("AXA, mécène de l'Opéra": the Opéra is
#: funded by AXA); its verbs read as with "object" ("Acme sponsors the festival").
AGENTS = ("subject", "object", "either", "holder")


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or noun that states ``predicate`` between the entities on either side of it."""

    predicate: str
    agent: str
    object_marks: frozenset[str]


@dataclass(frozen=True, slots=True)
class FrameLexicon:
    """The words of every language's ``frames.json``, merged: a sentence may mix languages."""

    role_verbs: frozenset[str]
    person_pronouns: frozenset[str]
    founder_roles: frozenset[str]
    appointing_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    succession_verbs: frozenset[str]
    predecessor_nouns: frozenset[str]
    successor_nouns: frozenset[str]
    affiliation_prepositions: frozenset[str]
    place_relatives: frozenset[str]
    parent_modifiers: frozenset[str]
    frames: dict[str, tuple[Frame, ...]]  # by lemma

    def frames_of(self, forms: tuple[str, str]) -> tuple[Frame, ...]:
        """The frames of a token by its (lower-cased text, lemma): its lemma's, else its text's (the
        parser's lemma of "fondée", "partenaire" is not always the word the lexicon holds)."""
        lower, lemma = forms
        return self.frames.get(lemma) or self.frames.get(lower) or ()


#: The keys of a frames.json file: word lists, then the frames.
_KEYS = (
    "role_verbs",
    "person_pronouns",
    "founder_roles",
    "appointing_verbs",
    "joining_verbs",
    "succession_verbs",
    "predecessor_nouns",
    "successor_nouns",
    "affiliation_prepositions",
    "place_relatives",
    "parent_modifiers",
    "frames",
)
FRAME_KEYS = ("lemmas", "predicate", "agent", "object_marks")


def _words(raw: Any, name: str, path: str) -> frozenset[str]:
    return frozenset(word_list(raw, name, path))


def parse_frames(data: Any, *, path: str) -> FrameLexicon:
    """Check a ``frames.json`` file's content; errors name the file and the key at fault."""
    if not isinstance(data, dict):
        raise invalid(path, "top level must be an object")
    missing = [key for key in _KEYS if key not in data]
    unknown = [key for key in data if key not in _KEYS and not key.startswith("_")]
    if missing or unknown:
        raise invalid(path, f"missing keys {missing}" if missing else f"unknown keys {unknown}")
    frames: dict[str, list[Frame]] = {}
    for number, entry in enumerate(data["frames"] if isinstance(data["frames"], list) else [None]):
        if not isinstance(entry, dict) or set(entry) != set(FRAME_KEYS):
            raise invalid(path, f"frame {number} must have exactly the keys {list(FRAME_KEYS)}")
        if entry["predicate"] not in PREDICATES:
            raise invalid(path, f"frame {number}: predicate must be one of {list(PREDICATES)}")
        if entry["agent"] not in AGENTS:
            raise invalid(path, f"frame {number}: agent must be one of {list(AGENTS)}")
        marks = _words(entry["object_marks"], f"frames[{number}].object_marks", path)
        frame = Frame(entry["predicate"], entry["agent"], marks)
        for lemma in _words(entry["lemmas"], f"frames[{number}].lemmas", path):
            frames.setdefault(lemma, []).append(frame)
    words = {key: _words(data[key], key, path) for key in _KEYS[:-1]}
    return FrameLexicon(**words, frames={lemma: tuple(found) for lemma, found in frames.items()})


@cache
def load_frames(lang: str) -> FrameLexicon:
    """The frame lexicon of ``lang``, read and checked once per process."""
    path = language_file(lang, "frames")
    return parse_frames(read_json(path), path=path)


@cache
def _merged(langs: tuple[str, ...]) -> FrameLexicon:
    lexicons = [load_frames(lang) for lang in langs]
    frames: dict[str, tuple[Frame, ...]] = {}
    for lexicon in lexicons:
        for lemma, found in lexicon.frames.items():
            frames[lemma] = tuple(dict.fromkeys(frames.get(lemma, ()) + found))
    return FrameLexicon(
        **{key: frozenset().union(*(getattr(lex, key) for lex in lexicons)) for key in _KEYS[:-1]},
        frames=frames,
    )


def frame_lexicon() -> FrameLexicon:
    """The frames of every supported language, merged (built once per set of languages)."""
    return _merged(languages())
