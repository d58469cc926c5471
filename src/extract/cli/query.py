"""``extract query "SQL"``: SQL over the tables through DuckDB (:mod:`extract.explore.query`).

Exit status: 0 the result printed (even with no rows), 2 an error (a SQL error in one line).
"""

from __future__ import annotations

import argparse
import sys

from extract.cli.options import add_no_color, add_tables


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``query`` command."""
    parser = subparsers.add_parser(
        "query",
        help="run SQL over the tables (DuckDB)",
        description="Run one SQL statement (DuckDB's dialect) over the tables. Views: documents, mentions, "
        "entities, relations, facts (the tables); partners (partner_of facts in both directions); "
        "facts_named, relations_named, mentions_named (entity names and document paths beside the IDs). "
        "Exit status: 0 done, 2 error.",
    )
    parser.add_argument("sql", metavar="SQL", help='the query, e.g. "select * from partners where ..."')
    add_tables(parser)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    add_no_color(parser)
    parser.set_defaults(func=query_command)


def query_command(args: argparse.Namespace) -> int:
    """Run the query and print its result."""
    from rich.table import Table
    from rich.text import Text

    from extract.explore import query
    from extract.explore.show import console
    from extract.explore.tables import cell

    columns, rows = query.run_query(args.tables, args.sql)
    if args.format == "csv":
        sys.stdout.write(query.to_csv(columns, rows))
    elif args.format == "json":
        sys.stdout.write(query.to_json(columns, rows))
    else:
        table = Table(*columns, box=None, pad_edge=False, show_edge=False, header_style="bold")
        for row in rows:
            table.add_row(*(Text(cell(value)) for value in row))
        out = console(color=not args.no_color)
        out.print(table)
        out.print(Text(f"({len(rows)} row{'' if len(rows) == 1 else 's'})", style="dim"))
    return 0
