"""Helper for the kill test: records breaks until killed.

Usage: python history_writer.py <history file>

After each break and its exercise are committed it prints how many have been
committed so far, so the test knows which rows must survive a kill -9.
"""

from __future__ import annotations

import itertools
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from deskbreak.core.history import HistoryStore

START = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def main() -> None:
    with HistoryStore(Path(sys.argv[1])) as store:
        for count in itertools.count(1):
            moment = START + timedelta(minutes=count)
            break_id = store.start_break("sit", "desk", due_at=moment, shown_at=moment)
            store.record_exercise(break_id, "seated_twist", 30.0, True, moment)
            store.finish_break(break_id, moment + timedelta(minutes=1), "completed", note=f"row {count}")
            print(count, flush=True)


if __name__ == "__main__":
    main()
