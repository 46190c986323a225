"""``python -m deskbreak`` runs the command line."""

import sys

from deskbreak.cli import main

sys.exit(main())
