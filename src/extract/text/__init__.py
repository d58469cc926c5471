"""Text helpers that know no language: folding, acronyms, and the union-find that groups spellings."""
