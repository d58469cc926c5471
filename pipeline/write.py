"""Stage 5, write: check the tables against the contract, then replace OUT/*.parquet atomically.

Holds the output folder's lock while writing, so two runs never interleave.
Options and checks: extract.cli.stages, shared with ``extract run``.
"""

from extract.cli.stages import write

if __name__ == "__main__":
    raise SystemExit(write())
