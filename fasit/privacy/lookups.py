"""``binaryfield__privacy_contains=b"..."``: does a stored file hold these bytes?

Django has no lookup for searching inside binary columns; erasure needs one to find
transcript files that mention a person without reading every file into Python.
"""

from __future__ import annotations

from typing import Any

from django.db.models import BinaryField, Lookup


@BinaryField.register_lookup
class BinaryContains(Lookup):
    lookup_name = "privacy_contains"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        params = [*lhs_params, *rhs_params]
        if connection.vendor == "postgresql":
            return f"position({rhs} in {lhs}) > 0", params
        return f"instr({lhs}, {rhs}) > 0", params
