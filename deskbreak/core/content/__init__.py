"""What a break shows: the exercise catalog, routines, the guide's timeline and the poses."""
