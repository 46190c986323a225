"""The pure core of deskbreak: scheduling, catalog, settings and history.

Nothing in this package imports Qt (``tests/core/test_purity.py`` enforces
it), and nothing reads the time except :mod:`deskbreak.core.clock`.
"""
