"""The text base: Arabic characters and folding, the one tokenizer with offsets, the one lexicon
matcher, partial dates."""
