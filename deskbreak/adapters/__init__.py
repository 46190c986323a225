"""Adapters: the outside world (alarm, notifications, idle time), each behind a core port."""
