"""The PySide6 user interface: it reacts to engine events and owns no schedule logic."""
