"""Finding mentions: places, actors, times and quantities, with offsets into the clean text."""
