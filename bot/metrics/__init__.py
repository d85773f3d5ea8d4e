"""How the program is doing: the weekly digest's numbers, its chart, and `rounds report`.

`numbers` asks the database with a few grouped queries (never loading every row), `chart`
draws the last weeks with matplotlib (imported lazily: start-up stays fast), and `digest`
queues the marketing channel's weekly message.
"""
