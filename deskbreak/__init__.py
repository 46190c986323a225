"""deskbreak: guided sit-breaks and pre-run glute activation for desk-bound runners."""

__version__ = "0.1.0"
APP_NAME = "deskbreak"
