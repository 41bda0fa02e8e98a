"""Helpers the readers share: line shapes, header building, note pairing, citations, furniture rules."""
