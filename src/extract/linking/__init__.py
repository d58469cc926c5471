"""Linking: the entities of all documents joined into the canonical entities of the corpus."""
