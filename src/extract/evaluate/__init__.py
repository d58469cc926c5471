"""Evaluation: gold files, scoring against them, score reports."""
