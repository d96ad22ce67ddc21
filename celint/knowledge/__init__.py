"""Framework knowledge as tables: which call is a loss, a layer, an activation; what each expects.

Everything here is stdlib-only data so the flake8 prefilter can share it without importing libcst.
"""
