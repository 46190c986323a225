"""A window for the desktop tiers: fullscreen or normal, with a chosen WM_CLASS.

``python fake_window.py --wm-class zoom [--fullscreen]`` shows one
QWidget until terminated and prints ``SHOWN <window id>`` once it is on
screen.

Qt's xcb plugin writes WM_CLASS as (instance, class): the instance from the
``-name`` argument (else ``RESOURCE_NAME``, else argv[0]'s base name), the
class from the application name. Both are set here, so ``--wm-class zoom``
reads as ("zoom", "zoom") to the window manager, as the real Zoom client does.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wm-class", required=True)
    parser.add_argument("--fullscreen", action="store_true")
    options = parser.parse_args()
    QApplication.setApplicationName(options.wm_class)
    app = QApplication([sys.argv[0], "-name", options.wm_class])
    window = QWidget()
    window.setWindowTitle(f"test window ({options.wm_class})")
    window.resize(320, 200)
    if options.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    QTimer.singleShot(0, lambda: print(f"SHOWN {int(window.winId()):#x}", flush=True))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
