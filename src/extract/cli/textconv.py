"""``extract textconv``: print a table file as text lines, or install the git diff driver.

The conversion and the git configuration are :mod:`extract.review.textconv`,
which git runs directly (``python -m extract.review.textconv FILE``) so as not to
import the whole command line at every diff.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.core.errors import ExtractError, message
from extract.review.textconv import git_config_command, install, print_lines, repository_root


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``textconv`` command."""
    parser = subparsers.add_parser(
        "textconv",
        help="print a table file as text lines (the git diff driver for *.parquet)",
        description="Print a table file as sorted text lines, one row per line, for git diff.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE.parquet", help="table file to print")
    parser.add_argument(
        "--install", action="store_true", help="set this driver as git's 'parquet' diff driver here"
    )
    parser.set_defaults(func=textconv_command)


def textconv_command(args: argparse.Namespace) -> int:
    """Print ``args.file`` as text lines, or install the git driver."""
    if args.install:
        repo = repository_root(Path.cwd())
        if install(repo):
            print(message("textconv.installed", repo=repo, command=git_config_command(repo)[-1]))
        else:
            print(message("textconv.already", repo=repo))
        return 0
    if args.file is None:
        raise ExtractError("textconv.no_file")
    print_lines(args.file)
    return 0
