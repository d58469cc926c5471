"""The one code hash: what decides whether work from an earlier run can be reused.

Cached work is keyed by :func:`pipeline_version`, so a change of code, data files, settings or models
re-processes every document, and a change elsewhere (scoring, review, the command line) re-processes
nothing. The normalise stage's fingerprint uses :func:`code_hash` too, so the two never disagree.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from extract import __version__
from extract.core.settings import Settings, model_version
from extract.languages.registry import data_root, languages

#: Subpackages and top-level modules that do not decide the content of the tables (scoring, review, the
#: command line, training): a change to any other module of the package invalidates the work reused from
#: earlier runs. (A trained model is a data file, and counts.)
UNVERSIONED = frozenset(
    {"__init__.py", "__main__.py", "cli", "evaluate", "review", "explore", "training", "data"}
)
#: Data files that count (the data folder may hold other files, e.g. notes).
DATA_SUFFIXES = frozenset({".json", ".csv", ".toml"})


@cache
def code_hash() -> str:
    """A hash of the package's table-deciding code (every subpackage, recursively) and its data files."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(str(resources.files("extract")))
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] not in UNVERSIONED:
            digest.update(relative.as_posix().encode() + path.read_bytes())
    data = data_root()
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.suffix in DATA_SUFFIXES:
            digest.update(path.relative_to(data).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@cache
def pipeline_version(settings: Settings) -> str:
    """A hash of everything that decides the work of ingest, segment and recognise: code, data files,
    settings (but the user's aliases, read by linking alone), model versions."""
    digest = hashlib.sha256(code_hash().encode())
    # the user's aliases decide linking only, which the normalise stage's fingerprint keys by their content
    digest.update(repr(replace(settings, linking_aliases="")).encode())
    for lang in languages():
        name = settings.model_for(lang)
        digest.update(f"{name}={model_version(name)}".encode())
    return digest.hexdigest()[:16]
