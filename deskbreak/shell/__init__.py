"""The shell: Qt code that is not a window, between the core and the UI.

The single instance and its control socket (instance.py), the answers to
control requests (control.py, driven by core/protocol.py's verb table) and the
user's language (translation.py). The command line may import this package;
it never imports ``deskbreak.ui``, where the windows live.
"""
