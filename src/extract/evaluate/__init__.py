"""Evaluation: gold files (checking, drafting, Label Studio), scoring the tables against them, reports."""
