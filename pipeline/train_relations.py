"""Train the relation pair classifier on the tune half of the real-text gold (``make train-relations``).

Writes src/extract/data/models/relation_pairs.json and prints the cross-validation figures by threshold
(the rules alone at 0.0). Needs scikit-learn, which the make target installs from requirements-train.lock.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.core.settings import load_settings
from extract.training.relation_pairs import read_gold_texts, train


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/real/tune"), help="gold files to learn from")
    parser.add_argument("--raw", type=Path, default=Path("gold/real/raw"), help="their texts")
    parser.add_argument("--out", type=Path, default=Path("src/extract/data/models/relation_pairs.json"))
    args = parser.parse_args()
    texts = read_gold_texts(
        args.gold, args.raw, load_settings(), progress=lambda doc: print(f"read {doc}", file=sys.stderr)
    )
    print("cross-validation by document: triples right / wrong / missed, precision, recall, F1")
    for name, f in train(texts, args.out):
        print(
            f"{f['tp']:5d} / {f['fp']:5d} / {f['fn']:5d}  {f['precision']:.3f}  {f['recall']:.3f}  "
            f"{f['f1']:.3f}  {name}"
        )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
