"""The supported languages, every loader of their data files, and the forms of names built on them."""
