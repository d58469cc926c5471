"""The tables as pandas DataFrames, for a notebook: ``extract.load("extracted")``.

pandas is what the design names for analysis; the DataFrames carry the names a person reads
(:func:`extract.explore.tables.with_names`), so ``tables.facts`` reads "Jean-Yves Blay heads Léon
Bérard Cancer Center" without a join.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from extract.explore.tables import read_tables, with_names


@dataclass(frozen=True)
class Tables:
    """The five tables of an output folder, as DataFrames in the tables' row order.

    Beyond the tables' columns: ``mentions.path`` and ``entity_name``; ``relations.path``,
    ``subject_name`` and ``object_name``; ``facts.subject_name``, ``object_name`` and ``evidence_path``.
    """

    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    relations: pd.DataFrame
    facts: pd.DataFrame

    def __repr__(self) -> str:
        counts = ", ".join(f"{f.name} {len(getattr(self, f.name))}" for f in fields(self))
        return f"Tables({counts})"


def load(folder: str | Path = "extracted") -> Tables:
    """Read the tables of ``folder`` (written by ``extract run`` or ``make extract``) as DataFrames.

    Raises :class:`extract.core.errors.ExtractError` when the folder holds no tables, or not all five.
    """
    tables = with_names(read_tables(folder))
    return Tables(**{name: table.to_pandas() for name, table in tables.items()})
