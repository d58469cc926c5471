"""Showing an entity's profile (:mod:`extract.explore.profile`), or the entities a name matched, to a person:
a terminal view with rich, Markdown, or JSON.

Facts are written as statements ("Jean-Yves Blay heads Léon Bérard Cancer Center") rather than as IDs
and arrows, the entity itself in bold on a terminal. Text from the tables goes through
:class:`rich.text.Text`, never markup, so brackets in names or evidence print as written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract.explore.lookup import Match

Profile = Mapping[str, Any]


def statement(fact: Mapping[str, Any]) -> str:
    """A fact as a sentence: "subject predicate object"."""
    return f"{fact['subject_name']} {fact['predicate']} {fact['object_name']}"


def dates(fact: Mapping[str, Any]) -> str:
    """ "2017", "2015–2017-06" or "" (no date)."""
    return "–".join(dict.fromkeys(d for d in (fact.get("first_date"), fact.get("last_date")) if d))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _other_names(profile: Profile) -> list[str]:
    return [a for a in profile["aliases"] if a != profile["name"]]


# --- JSON ------------------------------------------------------------------------------


def as_json(data: Any) -> str:
    """A profile, or a list of matches, as indented JSON, accents kept."""
    if isinstance(data, list):
        data = {"matches": [asdict(m) for m in data]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Markdown --------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown(profile: Profile) -> str:
    """The profile as Markdown: a heading, names, facts as a table, documents as a table."""
    lines = [
        f"# {profile['name']}",
        "",
        f"{profile['type']} `{profile['entity_id']}`: "
        f"{_plural(profile['n_docs'], 'document')}, {_plural(profile['n_mentions'], 'mention')}",
        "",
    ]
    if _other_names(profile):
        lines += [f"- **Also written:** {', '.join(_other_names(profile))}"]
    if profile["listed_names"]:
        lines += [f"- **Also known as** (organisations list): {', '.join(profile['listed_names'])}"]
    lines += ["", f"## Facts ({len(profile['facts'])})", ""]
    if profile["facts"]:
        lines += ["| fact | documents | dates | evidence |", "|---|--:|---|---|"]
        for fact in profile["facts"]:
            roles = f" ({', '.join(fact['roles'])})" if fact["roles"] else ""
            evidence = f"“{fact['evidence']}” ({fact['evidence_path']})"
            lines.append(
                f"| {_cell(statement(fact) + roles)} | {fact['n_docs']} | {dates(fact)} | {_cell(evidence)} |"
            )
    lines += ["", f"## Documents ({len(profile['documents'])})", ""]
    lines += ["| path | lang | title | mentions | as |", "|---|---|---|--:|---|"]
    for doc in profile["documents"]:
        lines.append(
            f"| {_cell(doc['path'])} | {doc['lang']} | {_cell(doc['title'] or '')} | {doc['mentions']} | "
            f"{_cell(', '.join(doc['forms']))} |"
        )
    return "\n".join([*lines, ""])


def matches_markdown(matches: Sequence[Match]) -> str:
    """Several matches as a Markdown table."""
    lines = ["| entity_id | type | name | matched |", "|---|---|---|---|"]
    lines += [
        f"| `{m.entity_id}` | {m.type} | {_cell(m.name)} | {_cell(m.form)} ({m.how}) |" for m in matches
    ]
    return "\n".join([*lines, ""])


# --- terminal --------------------------------------------------------------------------


def console(file: TextIO | None = None, *, color: bool = True) -> Console:
    """A console: coloured on a terminal; plain when piped, with ``color=False`` or with ``NO_COLOR``."""
    color = color and not os.environ.get("NO_COLOR")
    return Console(file=file, no_color=not color, highlight=False)


def terminal(profile: Profile, out: Console) -> None:
    """The profile on a terminal: the entity, its other names, its facts, its documents.

    Facts and documents are lines rather than table columns, so that evidence sentences and paths
    wrap whole at any terminal width.
    """
    out.print(
        Text.assemble((profile["name"], "bold"), f"  {profile['type']}  ", (profile["entity_id"], "dim"))
    )
    out.print(f"{_plural(profile['n_docs'], 'document')}, {_plural(profile['n_mentions'], 'mention')}")
    if _other_names(profile):
        out.print(Text.assemble(("Also written: ", "bold"), ", ".join(_other_names(profile))))
    if profile["listed_names"]:
        listed = ", ".join(profile["listed_names"])
        out.print(Text.assemble(("Also known as: ", "bold"), listed, (" (organisations list)", "dim")))
    out.print()
    out.print(Text(f"Facts ({len(profile['facts'])})", style="bold"))
    for fact in profile["facts"]:
        qualifiers = ", ".join([_plural(fact["n_docs"], "document"), *filter(None, [dates(fact)])])
        _indented(out, Text.assemble(_statement_text(fact, profile["name"]), (f"  {qualifiers}", "dim")), 2)
        _indented(out, Text.assemble("“", fact["evidence"], "” ", (fact["evidence_path"] or "", "dim")), 4)
    out.print()
    out.print(Text(f"Documents ({len(profile['documents'])})", style="bold"))
    for doc in profile["documents"]:
        mentions = f"{_plural(doc['mentions'], 'mention')}: {', '.join(doc['forms'])}"
        title = f"  “{doc['title']}”" if doc["title"] else ""
        _indented(out, Text.assemble((doc["path"], "bold"), f" ({doc['lang']}, {mentions}){title}"), 2)


def _indented(out: Console, text: Text, indent: int) -> None:
    """``text`` wrapped to the console's width less ``indent``, every line indented (no trailing blanks)."""
    for line in text.wrap(out, max(20, out.width - indent)):
        line.rstrip()
        out.print(Text(" " * indent) + line, soft_wrap=True)


def _statement_text(fact: Mapping[str, Any], name: str) -> Text:
    """The fact's statement, the entity itself in bold, the predicate in colour, the roles after it."""
    text = Text()
    text.append(fact["subject_name"], style="bold" if fact["subject_name"] == name else "")
    text.append(f" {fact['predicate']} ", style="cyan")
    text.append(fact["object_name"], style="bold" if fact["object_name"] == name else "")
    if fact["roles"]:
        text.append(f" ({', '.join(fact['roles'])})")
    return text


def matches_terminal(matches: Sequence[Match], out: Console) -> None:
    """Several matches, one line each: ID, type, name, and the form that matched."""
    table = Table("entity_id", "type", "name", "matched", box=None, pad_edge=False, show_edge=False)
    for m in matches:
        table.add_row(m.entity_id, m.type, Text(m.name), Text(f"{m.form} ({m.how})"))
    out.print(table)
