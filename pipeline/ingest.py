"""Stage 1, ingest: decode every .txt, .pdf and .html file under RAW into WORK/documents.parquet.

Files whose size and mtime did not change since the last run are not read again.
Options and checks: extract.cli.stages, shared with ``extract run``.
"""

from extract.cli.stages import ingest

if __name__ == "__main__":
    raise SystemExit(ingest())
