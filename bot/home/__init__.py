"""Each person's home (Slack App Home; later a Teams tab), by role, as platform-neutral data.

`home_view` decides what a person sees; adapters render it (Block Kit for Slack). `actions`
handles the controls on it (day, time, time zone, pause until, resume).
"""

from bot.home.view import HomeBlock, HomeView, home_view

__all__ = ["HomeBlock", "HomeView", "home_view"]
