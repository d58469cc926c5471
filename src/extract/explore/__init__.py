"""The analyst's view of the extracted tables: one entity (``extract show``), SQL (``extract query``),
exports for other tools (``extract export``), pandas DataFrames (``extract.load``) and a browsable static
explorer (``extract explore``, in ``site/``).

It reads the tables only; nothing in it decides them, so it is left out of the pipeline's code hash.
"""
