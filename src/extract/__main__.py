"""``python -m extract``: the command line."""

from extract.cli.main import main

raise SystemExit(main())
