"""Fine-tune each language's entity recogniser on the tune half of the real-text gold (``make train-ner``).

Writes src/extract/data/models/ner/<lang>/ (the ``ner`` weights, the mean of one fine-tuning per seed,
and meta.json) for every language with a model in the settings. Needs nothing beyond the pipeline's own
packages; takes about seven minutes a seed (both languages) on two cores.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import spacy

from extract.core.settings import load_settings
from extract.languages.registry import languages
from extract.training.ner import (
    SEEDS,
    examples,
    fine_tune,
    gold_lines,
    ner_weights,
    set_mean_weights,
    write_weights,
)


def report(lang: str, message: str) -> None:
    print(f"{lang}: {message}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/real/tune"), help="gold files to learn from")
    parser.add_argument("--raw", type=Path, default=Path("gold/real/raw"), help="their texts")
    parser.add_argument(
        "--out", type=Path, default=Path("src/extract/data/models/ner"), help="one folder per language"
    )
    args = parser.parse_args()
    settings = load_settings()
    for lang in languages():
        model = settings.model_for(lang)
        lines = list(gold_lines(args.gold, args.raw, settings, lang))
        if not lines:
            report(lang, f"no line in the gold files of {args.gold} (texts in {args.raw}): nothing written")
            return 1
        runs = []
        for seed in SEEDS:
            nlp = spacy.load(model)  # the model's own weights, never earlier trained ones
            train = examples(nlp, lines)
            report(lang, f"{model}, {len(train)} lines, seed {seed}")
            fine_tune(nlp, train, seed=seed, progress=partial(report, lang))
            runs.append([weights.copy() for weights in ner_weights(nlp)])
        set_mean_weights(nlp, runs)  # the last run's pipeline carries the mean of every run
        write_weights(nlp, model, args.out / lang, lines=len(train))
        print(f"wrote {args.out / lang}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
