"""Recognition: ORG, PERSON and DATE mentions from the spaCy models and the name and date rules."""
