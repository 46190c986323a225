"""When breaks fall due: the engine, its plan, runs, the calendar, holds and the day's discipline."""
