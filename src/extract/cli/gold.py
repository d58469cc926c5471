"""``extract gold``: check, draft, export and import gold files (see gold/GUIDELINES.md).

The checks are :mod:`extract.evaluate.gold`, drafts :mod:`extract.evaluate.draft`
and the Label Studio format :mod:`extract.evaluate.labelstudio`; this module only
wires them to the command line and writes the files.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError, message
from extract.core.tables import write_atomic
from extract.evaluate import report
from extract.evaluate.agreement import agreement
from extract.evaluate.draft import draft_gold
from extract.evaluate.gold import check_dir, gold_json
from extract.evaluate.labelstudio import export_labelstudio, import_labelstudio
from extract.evaluate.score import load_gold_dir

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract gold`` with its sub-commands check, draft, export and import."""
    parser = subparsers.add_parser(
        "gold",
        help="check, draft, export and import gold files",
        description="Tools for the hand-labelled gold files (see gold/GUIDELINES.md).",
    )
    commands = parser.add_subparsers(dest="gold_command", metavar="ACTION", required=True)

    check = commands.add_parser("check", help="validate gold files against the raw texts")
    check.add_argument("gold_dir", type=Path, metavar="DIR")
    check.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default raw)")
    check.set_defaults(func=_check_command)

    draft = commands.add_parser("draft", help="pre-annotate one raw file with the pipeline")
    draft.add_argument("raw_file", type=Path, metavar="FILE")
    draft.add_argument("--out", type=Path, help="gold file to write (default: print it)")
    draft.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    draft.set_defaults(func=_draft_command)

    export = commands.add_parser("export", help="gold files to a Label Studio JSON file")
    export.add_argument("gold_dir", type=Path, metavar="DIR")
    export.add_argument("--format", choices=["labelstudio"], default="labelstudio")
    export.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default raw)")
    export.add_argument("--out", type=Path, required=True, help="JSON file to write")
    export.set_defaults(func=_export_command)

    imp = commands.add_parser("import", help="a Label Studio JSON export to gold files")
    imp.add_argument("tasks_file", type=Path, metavar="FILE")
    imp.add_argument("--format", choices=["labelstudio"], default="labelstudio")
    imp.add_argument("--out", type=Path, required=True, help="gold folder to write into")
    imp.add_argument("--force", action="store_true", help="overwrite gold files that exist")
    imp.set_defaults(func=_import_command)

    agree = commands.add_parser(
        "agree", help="agreement of two labellings: SECOND's gold files scored against the first's"
    )
    agree.add_argument("second", type=Path, metavar="SECOND", help="gold folder of the second labelling")
    agree.add_argument(
        "first", type=Path, nargs="+", metavar="FIRST", help="gold folders of the first labelling"
    )
    agree.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default raw)")
    agree.add_argument("--errors", action="store_true", help="list every disagreement")
    agree.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    agree.set_defaults(func=_agree_command)


def _check_command(args: argparse.Namespace) -> int:
    problems, warnings, n_files = check_dir(args.gold_dir, args.raw)
    for line in warnings:
        log.warning("warning: %s", line)
    for line in problems:
        print(line)
    if problems:
        files = len({line.split(": ", 1)[0] for line in problems})
        print(message("gold.check_failed", problems=len(problems), files=files, n=n_files), file=sys.stderr)
        return 1
    log.info(message("gold.check_ok", n=n_files, raw=args.raw, warnings=len(warnings)))
    return 0


def _write_new(path: Path, text: str, *, force: bool) -> None:
    if path.exists() and not force:
        raise ExtractError("gold.exists", path=path)
    write_atomic(path, text.encode("utf-8"))
    log.info(message("gold.written", path=path))


def _draft_command(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.exists() and not args.force:
        raise ExtractError("gold.exists", path=args.out)  # before the (slow) run
    text = gold_json(draft_gold(args.raw_file))
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write_new(args.out, text, force=args.force)
    return 0


def _export_command(args: argparse.Namespace) -> int:
    tasks = export_labelstudio(args.gold_dir, args.raw)
    write_atomic(args.out, (json.dumps(tasks, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    log.info(message("gold.written", path=args.out))
    return 0


def _import_command(args: argparse.Namespace) -> int:
    golds: Sequence[dict[str, Any]] = import_labelstudio(args.tasks_file)
    for gold in golds:
        _write_new(args.out / f"{Path(gold['doc']).stem}.json", gold_json(gold), force=args.force)
    return 0


def _agree_command(args: argparse.Namespace) -> int:
    first = {path: gold for folder in args.first for path, gold in load_gold_dir(folder).items()}
    run = agreement(first, load_gold_dir(args.second), raw_dir=args.raw, second_dir=args.second)
    report.print_summary(run)
    if args.errors:
        report.print_errors(run)
    if args.json:
        write_atomic(args.json, (json.dumps(report.run_json(run), indent=2) + "\n").encode())
        log.info(message("score.written", path=args.json))
    return 0
