"""Kept for one import path only: ``from extract.linking.canon import link`` (in ``run/stages.py``).

What this module held now lives where it belongs: the entities across documents in
:mod:`extract.linking.entities`, the keys within a document in :mod:`extract.recognise.keys`, and the
forms of a name both compare in :mod:`extract.languages.name_forms`. Import from those; this module
goes once no caller names it.
"""

from __future__ import annotations

from extract.linking.entities import Entity, entity_id, link

__all__ = ["Entity", "entity_id", "link"]
