"""Showing results: partial-date labels, the timeline, the governorate chart, the report, notebook display."""
