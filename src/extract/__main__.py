"""``python -m extract``: the command line."""

from extract.cli import main

raise SystemExit(main())
