"""The explorer: a static site over the tables, browsable under ``file://`` with no server and no network.

:mod:`extract.explore.site.build` writes it (``extract explore``, ``make explore``); its page, script and
style are package data under ``assets/``; :mod:`extract.explore.site.facts` gives it the facts.
"""
