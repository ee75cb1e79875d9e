"""Deterministic demo data: a believable Nordic sales team."""
