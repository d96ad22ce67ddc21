"""Benign / malignant lesion classifier as a package: net.py (the model), engine.py (the loops),
train.py (wires them). The network returns one raw score per image.
"""
