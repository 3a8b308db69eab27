"""Pure Python: entities, enums, rules, the triangle catalogue. No Qt, no SQL."""
