"""``extract diff``: which rows of the extracted tables changed between two versions.

Reading and comparing the versions is :mod:`extract.review.diff`, showing the
result :mod:`extract.review.render`; this module only wires them to the command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.cli.options import add_no_color
from extract.core.schema import LABELS, TABLES
from extract.review.diff import Filters, compare, load_folder, load_side


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``diff`` command."""
    parser = subparsers.add_parser(
        "diff",
        help="show which rows of the extracted tables changed between two versions",
        description=(
            "Compare two versions of the extracted tables, matching rows by key. OLD and NEW are each "
            "a git revision or a folder; by default the committed tables (HEAD) against the working "
            "copy. Exit status: 0 no change, 1 changes, 2 error."
        ),
    )
    parser.add_argument("old", nargs="?", default="HEAD", metavar="OLD", help="revision or folder (HEAD)")
    parser.add_argument(
        "new",
        nargs="?",
        default=None,
        metavar="NEW",
        help="revision or folder (the working copy)",
    )
    parser.add_argument("--tables-dir", default="extracted", help="tables folder in the repository")
    parser.add_argument("--format", choices=("terminal", "md"), default="terminal", help="report format")
    add_no_color(parser)
    parser.add_argument("--table", choices=tuple(TABLES), help="compare this table only")
    parser.add_argument("--doc", metavar="DOC", help="rows of this document only (doc_id or path)")
    parser.add_argument("--label", choices=LABELS, help="mentions and entities of this label only")
    parser.add_argument("--predicate", metavar="P", help="relations and facts with this predicate only")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="rows shown per section; 0: all")
    parser.set_defaults(func=diff_command)


def diff_command(args: argparse.Namespace) -> int:
    """Run ``extract diff``; exit status 1 when anything changed, as ``git diff --exit-code`` does."""
    from extract.review import render  # imports rich: only when a diff is shown, not at every command

    cwd = Path.cwd()
    tables_dir = Path(args.tables_dir)
    old = load_side(args.old, tables_dir=tables_dir, cwd=cwd)
    if args.new is None:
        new = load_folder(cwd / tables_dir, label=f"{args.tables_dir} (working copy)")
    else:
        new = load_side(args.new, tables_dir=tables_dir, cwd=cwd)
    filters = Filters(table=args.table, doc=args.doc, label=args.label, predicate=args.predicate)
    report = compare(old, new, filters=filters)
    limit = args.limit if args.limit > 0 else None
    if args.format == "md":
        sys.stdout.write(render.markdown(report, limit=limit))
    else:
        render.terminal(report, limit=limit, color=not args.no_color)
    return 1 if report.has_changes else 0
