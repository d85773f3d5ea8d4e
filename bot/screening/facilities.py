"""The hospital's own kinds of place and body, in one table: which words name a venue an address may follow,
a site of the practice, the last word of an organisation's own name, or make an allow-list entry an organisation.

Four checks ask about such words (`places` for an event's address, `learned_findings` for 'our Dublin clinic',
`screener` for 'the Kevin Brown Recovery Fund', `names.Roster` for the practice's allow-listed bodies). Each role
is its own column: a word added for one check does not change what the others match.
"""

from __future__ import annotations

VENUE = "venue"  # an address after it is the venue's: 'the Bennett Auditorium, 1400 Lakeshore Drive'
SITE = "site"  # a site of the practice after its place: 'our Dublin clinic', 'our Westerville urgent care'
SITE_MOVE = "site_move"  # a site that opens or moves somewhere: 'the clinic moves to Hilliard'
BODY = "body"  # ends an organisation's own name (capitalised): 'the Kevin Brown Recovery Fund'
ALLOWED = "allowed"  # makes an allow-list entry an organisation: 'Lakeshore Regional Medical Center'

_TABLE: dict[str, frozenset[str]] = {
    word: frozenset(roles.split())
    for word, roles in {
        "entrance": "venue",
        "auditorium": "venue body",
        "lobby": "venue",
        "campus": "venue site site_move",
        "building": "venue",
        "center": "venue site site_move body allowed",
        "centre": "venue site site_move body allowed",
        "clinic": "venue site site_move body allowed",
        "hospital": "venue site site_move body allowed",
        "office": "site site_move",
        "offices?": "venue",
        "garage": "venue",
        "hall": "venue body",
        "pavilion": "venue body",
        "atrium": "venue",
        "library": "venue body",
        "cafeteria": "venue",
        "location": "venue site site_move",
        "tower": "venue",
        "wing": "venue body",
        "institute": "venue body allowed",
        "church": "venue",
        "school": "venue body",
        "park": "venue body",
        "arena": "venue",
        "stadium": "venue",
        "museum": "venue",
        "headquarters": "venue",
        "mall": "venue",
        "plaza": "venue",
        "pharmacy": "venue site site_move allowed",
        "lab": "site site_move",
        "practice": "site_move allowed",
        "site": "site_move",
        "urgent care": "site",
        "foundation": "body allowed",
        "fund": "body",
        "society": "body",
        "association": "body",
        "university": "body allowed",
        "college": "body allowed",
        "award": "body",
        "prize": "body",
        "lecture": "body",
        "lectureship": "body",
        "scholarship": "body",
        "trust": "body",
        "endowment": "body",
        "chair": "body",
        "professorship": "body",
        "garden": "body",
        "medical": "allowed",
        "health": "allowed",
        "healthcare": "allowed",
        "group": "allowed",
        "associates": "allowed",
        "system": "allowed",
        "network": "allowed",
        "medicine": "allowed",
        "pediatrics": "allowed",
        "cardiology": "allowed",
        "care": "allowed",
        "partners": "allowed",
        "services": "allowed",
    }.items()
}


def words(role: str, capitalised: bool = False) -> str:
    """The table's words for one role as a regular-expression alternation (longest first)."""
    chosen = sorted((w for w, roles in _TABLE.items() if role in roles), key=lambda w: (-len(w), w))
    return "|".join(w[:1].upper() + w[1:] if capitalised else w for w in chosen)
