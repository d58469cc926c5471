"""extract: organisations, people, dates and their relations from press releases."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported only when the tables are loaded
    from extract.explore.frames import Tables

__version__ = "0.1.0"


def load(folder: str | os.PathLike[str] = "extracted") -> Tables:
    """The tables of ``folder`` as pandas DataFrames, with entity names joined (a notebook's entry point;
    see :func:`extract.explore.frames.load`).

    >>> import extract
    >>> tables = extract.load("extracted")
    >>> tables.facts[["subject_name", "predicate", "object_name", "n_docs"]]
    """
    from extract.explore.frames import load as load_frames

    return load_frames(folder)
