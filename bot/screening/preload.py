"""Everything the screen reads on first need, read at start-up instead.

The models, the famous names and the phone metadata of the regions the screen tries are loaded lazily by the
modules that use them; left so, the first answers that touch them pay tens of milliseconds each, and a batch of
new text (`rounds screen` over a file, a burst of answers after a restart) runs slower than the screen itself.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from bot.screening.cities import big_cities
from bot.screening.given_names import nicknamer
from bot.screening.learned import load_advice_model, load_confirm_model, load_models
from bot.screening.phones import FOREIGN_REGIONS
from bot.screening.public_figures import famous_names, known_alone


@lru_cache(maxsize=1)
def preload() -> None:
    """Load once per process (every Screener calls it; only the first pays)."""
    load_models()
    load_advice_model()
    load_confirm_model()
    famous_names()
    known_alone()
    nicknamer()
    big_cities()
    for region in ("US", *FOREIGN_REGIONS):
        phonenumbers.PhoneMetadata.metadata_for_region(region)
