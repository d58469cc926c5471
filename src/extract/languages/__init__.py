"""The supported languages and every loader of their data files."""
