"""Rounds: one question a week, turned into safe social posts."""
