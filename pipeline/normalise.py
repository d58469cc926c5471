"""Stage 4, normalise: one canonical entity per organisation and person across documents,
and the four tables, into WORK/tables/.

Options and checks: extract.cli.stages, shared with ``extract run``.
"""

from extract.cli.stages import normalise

if __name__ == "__main__":
    raise SystemExit(normalise())
