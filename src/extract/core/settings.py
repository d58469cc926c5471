"""Settings: the commented defaults in ``data/settings.toml``, optionally overridden.

Every setting has a type and, where it matters, a range; a wrong name or value
is refused with a message that names the setting and the file, as dateparser
does, rather than failing later in a stage.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError

DEFAULTS = "settings.toml"
_LANG_CODE = re.compile(r"[a-z]{2}")
#: The rule of every ``[models] <code>`` setting: the spaCy package of one language.
_MODEL_RULE: tuple[type, Any, str] = (str, bool, "a spaCy package name")


@dataclass(frozen=True)
class Settings:
    """Validated settings; fields are ``table.name`` of the TOML file, flattened."""

    models: tuple[tuple[str, str], ...]  # (language code, spaCy package), sorted by code
    models_attribute_table: bool
    models_trained_ner: bool
    language_candidates: tuple[str, ...]
    language_min_chars: int
    language_max_chars: int
    language_min_confidence: float
    language_mixed_share: float
    language_supported_share: float
    ingest_max_file_bytes: int
    recognise_max_block_chars: int
    recognise_max_batch_chars: int
    recognise_max_document_chars: int
    recognise_batch_size: int
    recognise_min_acronym_len: int
    recognise_max_acronym_len: int
    recognise_max_long_form_words: int
    run_processes: int
    run_progress_min_docs: int
    linking_aliases: str  # a CSV file of the user's own aliases ("" for none), resolved against its TOML file

    def model_for(self, lang: str) -> str:
        """The spaCy package name configured for ``lang`` (``[models] <lang> = "..."``)."""
        for code, name in self.models:
            if code == lang:
                return name
        raise ExtractError("settings.no_model", lang=lang)


#: setting -> (expected type, check, description of valid values)
_RULES: dict[str, tuple[type, Any, str]] = {
    "models_attribute_table": (bool, lambda v: True, "true or false"),
    "models_trained_ner": (bool, lambda v: True, "true or false"),
    "language_candidates": (
        list,
        lambda v: all(isinstance(c, str) and _LANG_CODE.fullmatch(c) for c in v),
        "a list of ISO 639-1 codes",
    ),
    "language_min_chars": (int, lambda v: v >= 0, "an integer >= 0"),
    "language_max_chars": (int, lambda v: v >= 100, "an integer >= 100"),
    "language_min_confidence": (float, lambda v: 0 <= v <= 1, "a number between 0 and 1"),
    "language_mixed_share": (float, lambda v: 0 < v <= 0.5, "a number in (0, 0.5]"),
    "language_supported_share": (float, lambda v: 0 < v <= 1, "a number in (0, 1]"),
    "ingest_max_file_bytes": (int, lambda v: v > 0, "an integer > 0"),
    "recognise_max_block_chars": (int, lambda v: 1_000 <= v <= 1_000_000, "an integer from 1000 to 1000000"),
    "recognise_max_batch_chars": (
        int,
        lambda v: 1_000 <= v <= 100_000_000,
        "an integer from 1000 to 100000000",
    ),
    "recognise_max_document_chars": (int, lambda v: v > 0, "an integer > 0"),
    "recognise_batch_size": (int, lambda v: v >= 1, "an integer >= 1"),
    "recognise_min_acronym_len": (int, lambda v: v >= 2, "an integer >= 2"),
    "recognise_max_acronym_len": (int, lambda v: v >= 2, "an integer >= 2"),
    "recognise_max_long_form_words": (int, lambda v: v >= 2, "an integer >= 2"),
    "run_processes": (int, lambda v: v >= 0, "an integer >= 0"),
    "run_progress_min_docs": (int, lambda v: v >= 0, "an integer >= 0"),
    "linking_aliases": (str, lambda v: True, 'the path of a CSV file (canonical,alias), or "" for none'),
}


def _flatten(data: dict[str, Any], path: str) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for table, values in data.items():
        if not isinstance(values, dict):
            raise ExtractError("settings.unknown", name=table, path=path, known=", ".join(sorted(_RULES)))
        for name, value in values.items():
            flat[f"{table}_{name}"] = value
    return flat


def _resolve_paths(flat: dict[str, Any], folder: Path) -> dict[str, Any]:
    """``flat`` with a relative ``linking.aliases`` made relative to ``folder``, the folder of the TOML
    file that names it (as a path in a configuration file reads), whatever the working folder."""
    value = flat.get("linking_aliases")
    if isinstance(value, str) and value and not Path(value).is_absolute():
        flat["linking_aliases"] = str(folder / value)
    return flat


def _rule(key: str) -> tuple[type, Any, str] | None:
    """The rule of setting ``key``; ``models_<code>`` names the model of one language."""
    if key.startswith("models_") and _LANG_CODE.fullmatch(key.removeprefix("models_")):
        return _MODEL_RULE
    return _RULES.get(key)


def _check(flat: dict[str, Any], path: str) -> None:
    for key, value in flat.items():
        rule = _rule(key)
        if rule is None:
            known = ", ".join(sorted(["models.<lang>", *(k.replace("_", ".", 1) for k in _RULES)]))
            raise ExtractError("settings.unknown", name=key.replace("_", ".", 1), path=path, known=known)
        expected, valid, description = rule
        name = key.replace("_", ".", 1)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
            flat[key] = value
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise ExtractError("settings.type", name=name, path=path, expected=description, got=value)
        if not valid(value):
            raise ExtractError("settings.range", name=name, path=path, expected=description, got=value)


@cache
def load_settings(path: Path | None = None) -> Settings:
    """The default settings, with those of ``path`` (a TOML file) laid over them."""
    text = resources.files("extract.data").joinpath(DEFAULTS).read_text(encoding="utf-8")
    flat = _flatten(tomllib.loads(text), DEFAULTS)
    if path is not None:
        try:
            override = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ExtractError("data.invalid", path=path, problem=error) from error
        flat.update(_resolve_paths(_flatten(override, str(path)), Path(path).parent))
    _check(flat, str(path or DEFAULTS))
    missing = set(_RULES) - set(flat)
    if missing:
        raise ExtractError("data.invalid", path=DEFAULTS, problem=f"missing settings {sorted(missing)}")
    flat["language_candidates"] = tuple(flat["language_candidates"])
    model_keys = [key for key in flat if _rule(key) is _MODEL_RULE]
    models = tuple(sorted((key.removeprefix("models_"), flat.pop(key)) for key in model_keys))
    return Settings(models=models, **flat)


def model_version(name: str) -> str:
    """The installed version of spaCy package ``name`` ('' when it is not installed).

    Read from the package metadata, without importing spaCy: the version is part of the key
    that decides whether earlier work can be reused, and a run with nothing new must stay fast.
    """
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return ""
