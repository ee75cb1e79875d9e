"""Pure relationship logic: yearly dates and name days, the knowledge score, cadence,
going dark, coverage, relationship health and revenue at risk.

No Django here: the ``fasit.relationships`` app maps rows to these frozen dataclasses.
The formulas are published in ``docs/relationships.md``; keep the two in step.
"""
