"""Fine-tune each language's entity recogniser on the gold texts, for :mod:`extract.recognise.trained_ner`.

Every gold text is cut as the pipeline cuts it (its blocks, and their languages), then into lines; each
line of a language is one training example for that language's model, whose ``ner`` component alone is
updated, from its own weights, for :data:`EPOCHS` passes. A line teaches the gold's organisations and
people, and, elsewhere on the line, the model's own other entities (places, dates, products... as it
read them before training): what the gold does not label is otherwise taught as nothing, and the model
would forget its places and dates, which the rules read. A line a gold name runs across is left out.

One fine-tuning moves with the order of its examples and its dropout: trained on 620 then 684 texts,
held-out French ORG F1 moved by 0.04. So the component is fine-tuned once per seed of :data:`SEEDS`,
each from the model's own weights, and the weights shipped are their mean (a "model soup": runs that
start from one model and stay near it can be averaged). Each run is seeded, so the same gold and model
give the same weights.
"""

from __future__ import annotations

import hashlib
import json
import random
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from extract.core.settings import Settings, model_version
from extract.evaluate.gold import load_gold
from extract.ingest.files import ingest
from extract.ingest.segment import segment
from extract.recognise.blocks import plan_blocks
from extract.recognise.recogniser import MODEL_LABELS
from extract.recognise.trained_ner import META, WEIGHTS

#: Passes over the examples: on 32 unseen real releases, 4 gave ORG F1 0.798, 8 gave 0.790 and 14 0.796;
#: the fewer, the less the weights move from the model's own, around which the rules were written.
EPOCHS = 4
#: Lines per update, and the dropout of each update.
BATCH = 16
DROPOUT = 0.2
SEED = 0
#: The seeds of the fine-tunings averaged. On 684 tune texts, three against one: held-out relations 0.358
#: and 0.363 (fk-fs), 0.513 and 0.505 (ft-ga), ORG entities 0.737 and 0.736, 0.729 and 0.721.
SEEDS = (0, 1, 2)

Entity = tuple[int, int, str]


def gold_lines(
    gold_dir: Path, raw_dir: Path, settings: Settings, lang: str
) -> Iterator[tuple[str, list[Entity]]]:
    """Each line in ``lang`` of each gold text, with its gold ORG and PERSON spans (offsets in the line)."""
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        text = ingest(raw_dir / gold["doc"], raw_dir).text
        names = [(m["start"], m["end"], m["label"]) for m in gold["mentions"] if m["label"] != "DATE"]
        for block in plan_blocks(text, segment(text, settings), settings.recognise_max_block_chars):
            if block.lang == lang:
                yield from _lines(text, block.start, block.end, names)


def _lines(text: str, start: int, end: int, names: Sequence[Entity]) -> Iterator[tuple[str, list[Entity]]]:
    """The lines of ``text[start:end]`` holding more than white space, with the names inside each."""
    at = start
    for line in text[start:end].split("\n"):
        first, last = at, at + len(line)
        at = last + 1
        across = any(s < last and first < e and not first <= s < e <= last for s, e, _ in names)
        if line.strip() and not across:
            yield line, [(s - first, e - first, label) for s, e, label in names if first <= s and e <= last]


def examples(nlp: Language, lines: Sequence[tuple[str, list[Entity]]]) -> list[Example]:
    """Training examples: the gold's names with the model's label for them, and the model's own entities
    of other labels where no gold name is."""
    ours = {MODEL_LABELS[label]: label for label in nlp.get_pipe("ner").labels if label in MODEL_LABELS}
    found = []
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W030\]")  # a name off the token bounds is left out
        for (line, names), read in zip(lines, nlp.pipe(line for line, _ in lines), strict=True):
            entities = [(s, e, ours[label]) for s, e, label in names if label in ours]
            entities += [
                (ent.start_char, ent.end_char, ent.label_)
                for ent in read.ents
                if ent.label_ not in MODEL_LABELS
                and not any(ent.start_char < e and s < ent.end_char for s, e, _ in entities)
            ]
            found.append(Example.from_dict(nlp.make_doc(line), {"entities": sorted(entities)}))
    return found


def fine_tune(
    nlp: Language, train: list[Example], *, epochs: int = EPOCHS, seed: int = SEED,
    progress: Callable[[str], None] = lambda _: None,
) -> None:
    """Update ``nlp``'s ``ner`` on ``train``, the other components left as they are."""
    fix_random_seed(seed)
    order = random.Random(seed)
    train = list(train)
    optimizer = nlp.resume_training()
    with nlp.select_pipes(enable="ner"):
        for epoch in range(epochs):
            order.shuffle(train)
            losses: dict[str, float] = {}
            for batch in minibatch(train, size=BATCH):
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
            progress(f"epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0.0):.1f}")


def ner_weights(nlp: Language) -> list[Any]:
    """Every parameter array of ``nlp``'s ``ner``, in the order of its layers."""
    return [node.get_param(name) for node, name in _parameters(nlp)]


def set_mean_weights(nlp: Language, runs: Sequence[Sequence[Any]]) -> None:
    """Set ``nlp``'s ``ner`` parameters to the mean of ``runs`` (each as :func:`ner_weights` gives them)."""
    named = _parameters(nlp)
    if any(len(run) != len(named) for run in runs):
        raise ValueError("the runs averaged are not of the same component")
    for n, (node, name) in enumerate(named):
        node.set_param(name, sum(run[n] for run in runs) / len(runs))


def _parameters(nlp: Language) -> list[tuple[Any, str]]:
    """(layer, parameter name) of every parameter ``nlp``'s ``ner`` holds, in the order of its layers."""
    model = nlp.get_pipe("ner").model
    return [(node, name) for node in model.walk() for name in node.param_names if node.has_param(name)]


def write_weights(
    nlp: Language, model: str, folder: Path, *, lines: int, epochs: int = EPOCHS, seeds: Sequence[int] = SEEDS
) -> None:
    """The ``ner`` weights of ``nlp`` and their meta file (model, passes, seeds averaged, checksum), in
    ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(folder, exclude=["vocab"])
    meta = {
        "model": model,
        "version": model_version(model),
        "sha256": hashlib.sha256((folder / WEIGHTS).read_bytes()).hexdigest(),
        "lines": lines,
        "epochs": epochs,
        "seeds": list(seeds),
    }
    (folder / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
