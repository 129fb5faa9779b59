"""Showing results: the timeline (plan.py, timeline.py), the governorate chart
(governorates.py), the report (report.py) and notebook display (display.py), with their
shared words (labels.py), names (names.py), fonts and colours (style.py) and cells (cells.py)."""
