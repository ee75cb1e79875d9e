"""Text utilities shared by the listening and signals engines."""
