"""One boolean GSettings key, read with the ``gsettings`` tool.

GSettings has no reader short of GObject, far too much to load for a key or
two, so the command runs (a few milliseconds) with a timeout. The
do-not-disturb hold reads ``show-banners`` with it, the motion preference
``enable-animations``.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Mapping

log = logging.getLogger(__name__)


def read_boolean(gsettings: str, environ: Mapping[str, str], schema: str, key: str,
                 timeout_seconds: float) -> bool | None:
    """``schema``'s ``key`` as ``gsettings get`` prints it; None when it fails, times out or prints no boolean."""
    try:
        done = subprocess.run([gsettings, "get", schema, key], env=dict(environ), capture_output=True, text=True,
                              timeout=timeout_seconds, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("gsettings did not answer for %s %s: %s", schema, key, exc)
        return None
    answer = done.stdout.strip()
    if done.returncode != 0 or answer not in ("true", "false"):
        return None
    return answer == "true"
