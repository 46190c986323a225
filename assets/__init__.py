"""Data files: the exercise catalog, poses, icons and sounds."""
