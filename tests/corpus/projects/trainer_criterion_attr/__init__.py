"""Flower classifier package: a Trainer class whose criterion is set by the caller."""
