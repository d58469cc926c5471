"""The git textconv driver: a table file as sorted text, one row per line.

Parquet is binary, so without a driver ``git diff`` says only "binary files
differ". With ``*.parquet diff=parquet`` in ``.gitattributes`` and this driver
set as ``diff.parquet.textconv``, ``git diff``, ``git log -p`` and ``git show``
show exactly which rows changed.

Git runs the driver once per file per diff, so it reads only the columns it
prints (never the documents' full text) and imports nothing heavy: git runs this
module itself (:func:`main`, ``python -m extract.review.textconv FILE``) rather
than ``python -m extract``, which would import every command module (and with
them the stages). ``extract textconv`` (:mod:`extract.cli.textconv`) prints a
file the same way and installs the driver.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.core.errors import ExtractError
from extract.core.schema import TABLES
from extract.core.tables import sort_table

#: How each table's rows are written: the word that starts the line, the columns written
#: bare (the row's identity, in sort order; "span" is start-end), then those written name=value.
LAYOUTS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "documents": (
        "document",
        ("path", "doc_id"),
        ("sha256", "n_chars", "format", "lang", "status", "message", "title"),
    ),
    "mentions": (
        "mention",
        ("doc_id", "span", "label", "text"),
        ("entity_id", "value", "lang", "source", "mention_id"),
    ),
    "entities": ("entity", ("type", "name", "entity_id"), ("aliases", "n_docs", "n_mentions")),
    "relations": (
        "relation",
        ("doc_id", "span", "predicate", "subject_id", "object_id"),
        ("role", "date", "relation_id", "evidence"),
    ),
    "facts": (
        "fact",
        ("predicate", "subject_id", "object_id"),
        (
            "n_docs",
            "first_date",
            "last_date",
            "roles",
            "doc_ids",
            "relation_ids",
            "evidence_doc_id",
            "evidence_relation_id",
            "fact_id",
            "evidence",
        ),
    ),
}
#: Free-text columns: always quoted, so their spaces cannot be mistaken for field separators.
QUOTED = frozenset({"text", "title", "message", "name", "evidence"})
SEPARATOR = "  "
GIT_CONFIG_KEY = "diff.parquet.textconv"


def detect_table(columns: Sequence[str]) -> str | None:
    """The extract table whose columns the file has (git hands the driver temporary file names)."""
    present = set(columns)
    return next((name for name, schema in TABLES.items() if set(schema.names) <= present), None)


def textconv_lines(path: Path) -> list[str]:
    """The rows of a table file as text lines, in the table's stable order.

    A Parquet file that is not one of the extract tables is still shown, one
    line per row with every column as name=value, lines sorted.
    """
    columns = pq.read_schema(path).names
    name = detect_table(columns)
    if name is None:
        rows = pq.read_table(path).to_pylist()
        return sorted(
            SEPARATOR.join(["row", *(f"{key}={_value(value)}" for key, value in row.items())]) for row in rows
        )
    word, bare, named = LAYOUTS[name]
    needed = [c for c in TABLES[name].names if c in {*bare, *named, "start", "end"}]
    table = sort_table(name, pq.read_table(path, columns=needed))
    return [_line(word, bare, named, row) for row in table.to_pylist()]


def _line(word: str, bare: Sequence[str], named: Sequence[str], row: dict[str, Any]) -> str:
    """One row: the word, the bare fields, then the named fields that are not null."""
    fields = [word]
    for column in bare:
        if column == "span":
            fields.append(f"{row['start']}-{row['end']}")
        else:
            fields.append(_value(row[column], quoted=column in QUOTED))
    for column in named:
        if row[column] is not None:
            fields.append(f"{column}={_value(row[column], quoted=column in QUOTED)}")
    return SEPARATOR.join(fields)


def _value(value: Any, *, quoted: bool = False) -> str:
    """A value on one line: text quoted when free text or holding spaces, lists as JSON."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if quoted or not text or any(char.isspace() or char == '"' for char in text):
        return json.dumps(text, ensure_ascii=False)
    return text


# --- git configuration -------------------------------------------------------------------


def default_python(repo: Path) -> Path:
    """The interpreter git should run: the repository's virtualenv, else the one running now."""
    venv = repo / ".venv" / "bin" / "python"
    return venv if venv.exists() else Path(sys.executable)


def textconv_command(python: Path) -> str:
    """The shell command git runs, followed by a file name, to convert a table."""
    return f"{shlex.quote(str(python))} -m extract.review.textconv"


def git_config_command(repo: Path, *, python: Path | None = None) -> list[str]:
    """The ``git config`` command that sets this driver in ``repo``'s own configuration."""
    command = textconv_command(python or default_python(repo))
    return ["git", "-C", str(repo), "config", "--local", GIT_CONFIG_KEY, command]


def install(repo: Path, *, python: Path | None = None) -> bool:
    """Set the driver in ``repo``; return False when it was already set to the same command."""
    wanted = git_config_command(repo, python=python)
    current = subprocess.run(
        ["git", "-C", str(repo), "config", "--local", "--get", GIT_CONFIG_KEY],
        capture_output=True,
        text=True,
        check=False,
    )
    if current.returncode == 0 and current.stdout.strip() == wanted[-1]:
        return False
    subprocess.run(wanted, check=True, capture_output=True)
    return True


def repository_root(cwd: Path) -> Path:
    """The root of the git work tree holding ``cwd``, where the driver is installed."""
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise ExtractError("textconv.not_a_repo", path=cwd)
    return Path(done.stdout.strip())


# --- the driver -------------------------------------------------------------------------------


def print_lines(path: Path) -> None:
    """Print the rows of the table file ``path`` on stdout, as :func:`textconv_lines` gives them."""
    try:
        lines = textconv_lines(path)
    except (OSError, pa.ArrowException) as error:  # missing, unreadable or not Parquet
        raise ExtractError("diff.unreadable", table=path.name, where=path, error=error) from error
    sys.stdout.buffer.write("".join(f"{line}\n" for line in lines).encode("utf-8"))
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """``python -m extract.review.textconv FILE``, what git runs: print FILE; exit 2 when it cannot."""
    parser = argparse.ArgumentParser(
        prog="python -m extract.review.textconv", description=__doc__.splitlines()[0]
    )
    parser.add_argument("file", type=Path, metavar="FILE.parquet", help="table file to print")
    args = parser.parse_args(argv)
    try:
        print_lines(args.file)
    except ExtractError as error:
        print(f"extract textconv: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
