"""Text helpers that know no language: folding, acronyms."""
