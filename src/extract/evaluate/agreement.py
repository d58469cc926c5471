"""Agreement between two labellings of the same texts: one gold folder scored against another.

A second, independent labelling of some texts says how far the gold itself can be trusted: the
first labelling plays the gold, the second the prediction, and the scorer's figures (strict F1 of
mentions, entities, relations) are the inter-annotator agreement. F1 is symmetric in the two, so
which folder is "first" does not change the figures, only which side an error is listed on.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from extract.evaluate.annotations import DocPair, gold_annotations
from extract.evaluate.raw import NoText, raw_text
from extract.evaluate.score import UNKNOWN_LANG, ScoreRun, score_pairs


def agreement(
    first: Mapping[str, Mapping[str, Any]],
    second: Mapping[str, Mapping[str, Any]],
    *,
    raw_dir: Path,
    second_dir: Path,
) -> ScoreRun:
    """``second``'s labels scored against ``first``'s, over the documents both folders label.

    Both map a gold file's path to its gold dict; documents are paired by their ``doc``. A document's
    language is read off its file name's ``_en_``/``_fr_`` part when it has one, else it is unknown.
    """
    firsts = {gold["doc"]: gold for gold in first.values()}
    pairs = []
    for gold_file, gold in sorted(second.items()):
        theirs = firsts.get(gold["doc"])
        if theirs is None:
            continue
        try:
            text: str | None = raw_text(raw_dir, gold["doc"])
        except NoText:  # the figures need no text: it only shows errors in their context
            text = None
        first_labels, second_labels = gold_annotations(theirs), gold_annotations(gold)
        pairs.append(DocPair(gold["doc"], gold_file, _lang(gold["doc"]), text, first_labels, second_labels))
    return score_pairs(second_dir, pairs, [])


def _lang(doc: str) -> str:
    parts = PurePosixPath(doc).stem.split("_")
    return next((part for part in parts[1:2] if len(part) == 2 and part.isalpha()), UNKNOWN_LANG)
