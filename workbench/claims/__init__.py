"""Claims and events: clauses, attributed claims, coded events, the reference chronology."""
