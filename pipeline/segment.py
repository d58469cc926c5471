"""Stage 2, segment: paragraphs, their language and boilerplate flags, into WORK/segmented.parquet.

Documents whose content and pipeline version did not change are not segmented again.
Options and checks: extract.cli.stages, shared with ``extract run``.
"""

from extract.cli.stages import segment

if __name__ == "__main__":
    raise SystemExit(segment())
