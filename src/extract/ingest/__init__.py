"""Ingest: files in, decoded text out; then paragraphs, their language and boilerplate."""
