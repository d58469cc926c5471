"""Relations: triples read off the parse of each document's sentences."""
