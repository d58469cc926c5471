"""``extract score``: score the tables against a gold folder, print the figures, write the reports.

The counting is :mod:`extract.evaluate.score` (with :mod:`extract.evaluate.matching`),
the reports :mod:`extract.evaluate.report`; this module only wires them to the
command line.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from extract.core.errors import message
from extract.evaluate import report
from extract.evaluate.score import load_gold_dir, score_tables

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract score``."""
    parser = subparsers.add_parser(
        "score",
        help="score the tables against gold files",
        description="Score the tables against the gold files; print a table, write reports/score.*.",
    )
    parser.add_argument("--gold", type=Path, default=Path("gold/dev"), help="gold folder (default gold/dev)")
    parser.add_argument(
        "--tables", type=Path, default=Path("extracted"), help="tables to score (default extracted)"
    )
    parser.add_argument(
        "--baseline",
        "--compare",
        type=Path,
        help="a baseline's tables, shown beside the pipeline's with the lift",
    )
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    parser.add_argument(
        "--reports", type=Path, default=Path("reports"), help="report folder (default reports)"
    )
    parser.add_argument("--no-html", action="store_true", help="do not write score.html")
    parser.set_defaults(func=score_command)


def score_command(args: argparse.Namespace) -> int:
    """Score, print the table (and errors), write the reports; always exit 0 once scored."""
    golds = load_gold_dir(args.gold)
    pipeline = score_tables(golds, args.tables)
    baseline = score_tables(golds, args.baseline) if args.baseline else None
    for gold_file in pipeline.unmatched_gold:
        log.warning(message("score.unmatched_gold", path=gold_file, tables=args.tables))
    report.print_summary(pipeline, baseline=baseline)
    if args.errors:
        report.print_errors(pipeline)
    for path in report.write_reports(
        pipeline,
        args.reports,
        gold_dir=args.gold,
        baseline=baseline,
        errors=args.errors,
        html=not args.no_html,
    ):
        log.info(message("score.written", path=path))
    return 0
