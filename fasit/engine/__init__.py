"""The analysis engine: pure Python, no Django.

It takes and returns frozen dataclasses. Django apps convert their rows to these
types in one mapper module each; the `fasit listen` and `fasit signals group`
commands run the engine with no database at all.
"""
