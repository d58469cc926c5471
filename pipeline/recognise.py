"""Stage 3, recognise: ORG, PERSON and DATE mentions and relations, into WORK/recognised.parquet.

Only documents that are new or changed (or all, after a change of rules or
models) go through the spaCy models; a run with nothing new loads no model.
Takes the recognition options of ``extract run`` (--settings, --processes,
--baseline, --no-progress, --engine, --scheduler), defined and checked once in
extract.cli.options.
"""

from extract.cli.stages import recognise

if __name__ == "__main__":
    raise SystemExit(recognise())
