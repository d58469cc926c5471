"""Linking: mentions of one organisation or person joined into one entity."""
