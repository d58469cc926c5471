"""``extract gold``: check, draft, export and import gold files, the Label Studio config, agreement.

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
from extract.evaluate.labelstudio import export_labelstudio, import_labelstudio, labelling_config
from extract.evaluate.score import load_gold_dir

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract gold`` with its sub-commands check, draft, export, import, config and agree."""
    parser = subparsers.add_parser(
        "gold",
        help="check, draft, export and import gold files",
        description=(
            "Tools for the hand-labelled gold files (gold/GUIDELINES.md). Offsets count in each raw "
            "file's documents.text, read as the pipeline reads it, for every input format."
        ),
    )
    commands = parser.add_subparsers(dest="gold_command", metavar="ACTION", required=True)
    for add in (_add_check, _add_draft, _add_export, _add_import, _add_config, _add_agree):
        add(commands)


def _add_raw(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--raw",
        type=Path,
        default=Path("raw"),
        metavar="DIR",
        help="folder of the raw files the gold files' 'doc' names (default raw)",
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["labelstudio"],
        default="labelstudio",
        help="task file format (only labelstudio: Label Studio JSON)",
    )


def _add_check(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="validate gold files against the raw texts",
        description=(
            "Check every DIR/*.json against the guidelines and its raw file's text: one line per "
            "problem, exit code 1 if there is any."
        ),
    )
    check.add_argument("gold_dir", type=Path, metavar="DIR", help="folder of the gold files (*.json)")
    _add_raw(check)
    check.set_defaults(func=_check_command)


def _add_draft(commands: argparse._SubParsersAction) -> None:
    draft = commands.add_parser(
        "draft",
        help="pre-annotate one raw file with the pipeline",
        description=(
            "Run the pipeline on FILE alone and write its output as a gold file, to be corrected "
            "by hand (or in Label Studio) before it is trusted."
        ),
    )
    draft.add_argument(
        "raw_file", type=Path, metavar="FILE", help="raw file (.txt, .pdf, .html, .htm, .docx, .eml)"
    )
    draft.add_argument("--out", type=Path, metavar="FILE", help="gold file to write (default: print it)")
    draft.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    draft.set_defaults(func=_draft_command)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="gold files to a Label Studio JSON file",
        description=(
            "Write every DIR/*.json as a Label Studio task: the document's text, and the gold "
            "labels as predictions (pre-annotations) to accept or correct; label with the config "
            "of 'extract gold config'."
        ),
    )
    export.add_argument("gold_dir", type=Path, metavar="DIR", help="folder of the gold files (*.json)")
    _add_format(export)
    _add_raw(export)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="JSON file of tasks to write")
    export.set_defaults(func=_export_command)


def _add_import(commands: argparse._SubParsersAction) -> None:
    imp = commands.add_parser(
        "import",
        help="a Label Studio JSON export to gold files",
        description=(
            "Write one gold file per task of a Label Studio JSON export, from the annotation a "
            "person submitted; tasks without one are left out with a warning."
        ),
    )
    imp.add_argument(
        "tasks_file", type=Path, metavar="FILE", help="Label Studio JSON export (a list of tasks)"
    )
    _add_format(imp)
    imp.add_argument("--out", type=Path, required=True, metavar="DIR", help="gold folder to write into")
    imp.add_argument("--force", action="store_true", help="overwrite gold files that exist")
    imp.set_defaults(func=_import_command)


def _add_config(commands: argparse._SubParsersAction) -> None:
    config = commands.add_parser(
        "config",
        help="the Label Studio labelling config (XML) for exported tasks",
        description=(
            "Print (or write) the Label Studio labelling config: labels ORG, PERSON, DATE and the "
            "relation predicates, as gold/labelstudio.xml holds it."
        ),
    )
    config.add_argument("--out", type=Path, metavar="FILE", help="XML file to write (default: print it)")
    config.set_defaults(func=_config_command)


def _add_agree(commands: argparse._SubParsersAction) -> None:
    agree = commands.add_parser(
        "agree",
        help="agreement of two labellings: SECOND's gold files scored against the first's",
        description=(
            "Score the gold files of SECOND against those of FIRST for the same documents: the "
            "agreement of two independent labellings."
        ),
    )
    agree.add_argument("second", type=Path, metavar="SECOND", help="gold folder of the second labelling")
    agree.add_argument(
        "first", type=Path, nargs="+", metavar="FIRST", help="gold folders of the first labelling"
    )
    _add_raw(agree)
    agree.add_argument("--errors", action="store_true", help="list every disagreement")
    agree.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to this JSON file")
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
    golds: Sequence[dict[str, Any]]
    golds, left_out = import_labelstudio(args.tasks_file)
    for line in left_out:
        log.warning("warning: %s", line)
    for gold in golds:
        _write_new(args.out / f"{Path(gold['doc']).stem}.json", gold_json(gold), force=args.force)
    return 0


def _config_command(args: argparse.Namespace) -> int:
    if args.out is None:
        sys.stdout.write(labelling_config())
    else:
        write_atomic(args.out, labelling_config().encode("utf-8"))
        log.info(message("gold.written", path=args.out))
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
