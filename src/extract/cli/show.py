"""``extract show NAME``: everything the tables say about one organisation or person.

Finding the entity is :mod:`extract.explore.lookup`, gathering what is known :mod:`extract.explore.profile`,
showing it :mod:`extract.explore.show`; this module wires them to the command line. Exit status: 0 one
entity shown, 1 no entity or several (then listed), 2 an error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extract.cli.options import add_no_color, add_tables
from extract.core.errors import message
from extract.core.settings import load_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``show`` command."""
    parser = subparsers.add_parser(
        "show",
        help="show everything about one organisation or person",
        description="Find an organisation or person by any of its names or aliases (accents and case "
        "ignored; the organisations list's aliases count too) and show its names, the documents it "
        "appears in and its facts in both directions, with dates and evidence. Exit status: 0 shown, "
        "1 no entity or several (listed), 2 error.",
    )
    parser.add_argument(
        "name", nargs="+", metavar="NAME", help="a name, alias or entity_id (quotes optional)"
    )
    add_tables(parser)
    parser.add_argument(
        "--format", choices=("terminal", "md", "json"), default="terminal", help="output format"
    )
    parser.add_argument(
        "--settings", type=Path, metavar="FILE", help="settings whose linking.aliases file is searched too"
    )
    add_no_color(parser)
    parser.set_defaults(func=show_command)


def show_command(args: argparse.Namespace) -> int:
    """Show the one entity ``NAME`` names; list them when it names several."""
    # imported here, not at every command: the tables and rich load only when an entity is shown
    from extract.explore import show
    from extract.explore.lookup import find_entities
    from extract.explore.profile import entity_profile
    from extract.explore.tables import read_tables
    from extract.linking.aliases import all_aliases, user_aliases

    name = " ".join(args.name)
    tables = read_tables(args.tables)
    aliases = all_aliases(user_aliases(load_settings(args.settings).linking_aliases))
    matches = find_entities(tables["entities"].to_pylist(), name, aliases=aliases)
    if not matches:
        print(f"extract show: {message('show.no_match', name=name, path=args.tables)}", file=sys.stderr)
        return 1
    out = show.console(color=not args.no_color)
    if len(matches) > 1:
        _write(args.format, matches, out, markdown=show.matches_markdown, terminal=show.matches_terminal)
        print(f"extract show: {message('show.several', name=name, count=len(matches))}", file=sys.stderr)
        return 1
    profile = entity_profile(tables, matches[0].entity_id, aliases=aliases)
    _write(args.format, profile, out, markdown=show.markdown, terminal=show.terminal)
    return 0


def _write(
    fmt: str, value: Any, out: Any, *, markdown: Callable[[Any], str], terminal: Callable[[Any, Any], None]
) -> None:
    """``value`` (the matches, or one entity's profile) in format ``fmt``: JSON, Markdown or the terminal."""
    from extract.explore import show

    if fmt == "json":
        sys.stdout.write(show.as_json(value))
    elif fmt == "md":
        sys.stdout.write(markdown(value))
    else:
        terminal(value, out)
