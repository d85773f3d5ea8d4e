"""The console adapter: the whole Rounds loop in a terminal, with the database as workspace.

`bot.cli` runs it with `run_console(services)`; it installs a `ConsoleChat` (see
`make_console_chat`) as `services.chats["console"]` for as long as it runs.
"""

from handlers.console.chat import ConsoleChat, dm_channel, make_console_chat
from handlers.console.run import resume_time, run_console

__all__ = ["ConsoleChat", "dm_channel", "make_console_chat", "resume_time", "run_console"]
