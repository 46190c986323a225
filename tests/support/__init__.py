"""What more than one test tier uses, under public names: one home instead of imports across tiers.

``tests/`` is on ``sys.path`` (``pythonpath`` in pyproject.toml), so any tier
and the benchmarks import these as ``support.<module>``.
"""
