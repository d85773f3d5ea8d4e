"""`python -m bot` runs the `rounds` command."""

import sys

from bot.cli import main

sys.exit(main())
