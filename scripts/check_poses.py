"""Print every fault of the figures in motion (``deskbreak.core.content.pose_checks``).

``python scripts/check_poses.py`` prints one line per exercise, side and kind
of fault; ``--all`` prints every faulty moment. Exits 1 when there is a fault.
"""

from __future__ import annotations

import argparse
import sys

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.pose_checks import MOMENTS, all_faults, summarize
from deskbreak.core.content.poses import load_poses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="every faulty moment, not one line per fault")
    parser.add_argument("--moments", type=int, default=MOMENTS, help=f"moments per side (default {MOMENTS})")
    args = parser.parse_args()
    catalog = load_catalog()
    faults = all_faults(catalog, load_poses(catalog=catalog), args.moments)
    for line in (map(str, faults) if args.all else summarize(faults)):
        print(line)
    print(f"{len({(f.exercise, f.side) for f in faults})} exercise sides with faults, {len(faults)} faulty moments")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
