"""What Label Studio does to an exported task when a person submits it, for the gold tests."""

from __future__ import annotations

import copy
from typing import Any


def submitted(task: dict[str, Any], *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """``task`` as Label Studio exports it once a person accepted its pre-annotations and submitted.

    The prediction's regions become the annotation's, ids and meta kept; the regions of ``drop`` (ids)
    are the ones the person deleted, with the relations that start or end at them.
    """
    task = copy.deepcopy(task)
    result = [
        region
        for region in task["predictions"][0]["result"]
        if region["id"] not in drop and region.get("from_id") not in drop and region.get("to_id") not in drop
    ]
    task["annotations"] = [{"id": 1, "result": result, "was_cancelled": False, "ground_truth": False}]
    return task
