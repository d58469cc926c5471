"""The command line: ``python -m extract COMMAND ...``.

Each command lives in its own module of this package, which exposes
``register(subparsers)``; that function adds the command's parser and sets
``func`` to the callable that runs it and returns the exit code. Modules are
imported here only, so that adding a command is one line in :data:`COMMANDS`.
The stage scripts of ``pipeline/`` (:mod:`extract.cli.stages`) and the bare git
driver (:mod:`extract.cli.textconv`) share :func:`call` and :func:`configure_logging`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable

from extract import __version__
from extract.core.errors import ExtractError

#: Modules that each register one command, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = (
    "extract.cli.run",
    "extract.cli.score",
    "extract.cli.gold",
    "extract.cli.diff",
    "extract.cli.explore",
    "extract.cli.textconv",
)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command of :data:`COMMANDS` registered."""
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Organisations, people, dates and their relations from press releases.",
    )
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    add_verbosity(parser, default=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        importlib.import_module(module).register(subparsers)
    _verbosity_below(parser)
    return parser


def add_verbosity(parser: argparse.ArgumentParser, *, default: object) -> None:
    """``-q/--quiet`` and ``-v/--verbose``, one or the other."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-q", "--quiet", action="store_true", default=default, help="print warnings and errors only"
    )
    group.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="print debugging messages too"
    )


def _verbosity_below(parser: argparse.ArgumentParser) -> None:
    """Accept ``-q`` and ``-v`` after every (sub)command too: ``extract run -q`` as ``extract -q run``.

    Their default there is SUPPRESS, so a command without them keeps the value given before it.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                add_verbosity(sub, default=argparse.SUPPRESS)
                _verbosity_below(sub)


def configure_logging(*, quiet: bool = False, verbose: bool = False) -> None:
    """Log to stderr: information and up; with ``quiet`` warnings and errors only.

    ``verbose`` adds the debugging messages of this package (not of the libraries it uses).
    """
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(levelname)s: %(message)s" if quiet else "%(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("extract").setLevel(logging.DEBUG if verbose else logging.NOTSET)


def call(prog: str, func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run ``func(args)``; return its exit code, or 2 for a stopping failure (printed after ``prog``)."""
    try:
        return int(func(args) or 0)
    except ExtractError as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{prog}: interrupted; the tables on disk are unchanged", file=sys.stderr)
        return 130


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (2 for a usage error or a stopping failure)."""
    args = build_parser().parse_args(argv)
    configure_logging(quiet=args.quiet, verbose=args.verbose)
    return call(f"extract {args.command}", args.func, args)
