"""industry."""

ROWS = """
"""
