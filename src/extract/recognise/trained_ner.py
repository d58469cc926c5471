"""Entity recogniser weights trained on the real-text gold, laid over a model's own.

The stock models learnt their names on news and web text labelled by other conventions (OntoNotes, WikiNER):
they split or miss the organisations of press releases ("Mutualité Française Pays de la Loire", a lower-case
"fédération") and read some people as organisations. ``make train-ner`` fine-tunes each language's ``ner``
component on the tune half of ``gold/real`` (:mod:`extract.training.ner`) and writes its weights, with a
``meta.json`` naming the model they were trained from, to ``data/models/ner/<lang>/``. Loading a model
then replaces its recogniser's weights by those, when the setting ``models.trained_ner`` is on and the
weights were trained from this very model (same package, same version); any other model keeps its own.
The meta file holds the weights' checksum, so a damaged file stops the run with a message naming it,
and the code hash (which keys the work reused between runs) changes with the weights.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from spacy.language import Language

from extract.core.errors import ExtractError
from extract.core.settings import model_version
from extract.languages.registry import data_root

log = logging.getLogger(__name__)

#: Where each language's weights are, under the data folder.
FOLDER = Path("models") / "ner"
#: The file describing them: the model they were trained from and the checksum of the weights.
META = "meta.json"
#: The weights file spaCy's ``ner`` component writes and reads.
WEIGHTS = "model"


def weights_folder(lang: str) -> Path:
    """The folder of ``lang``'s trained weights in the data folder in use."""
    return data_root() / FOLDER / lang


def use_trained_ner(nlp: Language, lang: str, model: str) -> bool:
    """Load ``lang``'s trained weights into ``nlp``'s ``ner`` when they were trained from ``model`` at its
    installed version; whether they were."""
    folder = weights_folder(lang)
    meta = read_meta(folder)
    if meta is None or "ner" not in nlp.pipe_names:
        return False
    if (meta.get("model"), meta.get("version")) != (model, model_version(model)):
        log.info(
            "trained ner weights of %s are for %s %s, not %s %s: its own kept",
            lang, meta.get("model"), meta.get("version"), model, model_version(model),
        )
        return False
    weights = folder / WEIGHTS
    if hashlib.sha256(weights.read_bytes()).hexdigest() != meta.get("sha256"):
        raise ExtractError("data.invalid", path=weights, problem="its checksum is not the one in meta.json")
    nlp.get_pipe("ner").from_disk(folder, exclude=["vocab"])
    return True


def read_meta(folder: Path) -> dict[str, Any] | None:
    """The meta file of a weights folder; None when there is none."""
    path = folder / META
    if not path.is_file():
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error
    if not isinstance(meta, dict) or not (folder / WEIGHTS).is_file():
        raise ExtractError("data.invalid", path=path, problem="not the meta file of trained ner weights")
    return meta
