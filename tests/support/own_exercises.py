"""An exercises.toml table the tests of the user's own exercises share."""

WALL_CALF = """\
[[exercise]]
id = "wall-calf-stretch"
name = "Wall calf stretch"
pose = "split-hip-stretch"
targets = ["legs"]
steps = ["Face a wall, one foot back.", "Press the back heel down."]
hold = "30s"
sides = true
"""
