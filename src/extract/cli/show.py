"""``extract show NAME``: everything the tables say about one organisation or person.

Finding the entity is :mod:`extract.explore.lookup`, gathering what is known :mod:`extract.explore.profile`,
showing it :mod:`extract.explore.show`; this module wires them to the command line. Exit status: 0 one
entity shown, 1 no entity or several (then listed), 2 an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    parser.add_argument(
        "--tables", type=Path, default=Path("extracted"), help="folder of the tables (default extracted)"
    )
    parser.add_argument(
        "--format", choices=("terminal", "md", "json"), default="terminal", help="output format"
    )
    parser.add_argument(
        "--settings", type=Path, metavar="FILE", help="settings whose linking.aliases file is searched too"
    )
    parser.add_argument("--no-color", action="store_true", help="no colour even on a terminal")
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
        if args.format == "json":
            sys.stdout.write(show.as_json(matches))
        elif args.format == "md":
            sys.stdout.write(show.matches_markdown(matches))
        else:
            show.matches_terminal(matches, out)
        print(f"extract show: {message('show.several', name=name, count=len(matches))}", file=sys.stderr)
        return 1
    profile = entity_profile(tables, matches[0].entity_id, aliases=aliases)
    if args.format == "json":
        sys.stdout.write(show.as_json(profile))
    elif args.format == "md":
        sys.stdout.write(show.markdown(profile))
    else:
        show.terminal(profile, out)
    return 0
