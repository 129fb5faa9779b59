"""Cleaning: repair of PDF-extraction damage (kashida, reversed runs, split words), gaps, layout."""
