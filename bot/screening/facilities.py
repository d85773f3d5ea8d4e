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
# opens an organisation's own name in the other languages (capitalised): 'Istituto Superiore di Sanità', 'Instituto
# de Salud Carlos III', 'Institut Pasteur'; in German it may end one glued by a hyphen ('Robert Koch-Institut')
BODY_FIRST = "body_first"

_TABLE: dict[str, frozenset[str]] = {
    word: frozenset(roles.split())
    for word, roles in {
        "entrance": "venue",
        "auditorium": "venue body",
        "lobby": "venue",
        "campus": "venue site site_move",
        "building": "venue",
        "center": "venue site site_move body allowed",
        "centre": "venue site site_move body allowed body_first",
        "clinic": "venue site site_move body allowed",
        "hospital": "venue site site_move body allowed body_first",
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
        "institut": "body_first",
        "istituto": "body_first",
        "instituto": "body_first",
        "stiftung": "body_first",
        "fundación": "body_first",
        "fundacion": "body_first",
        "fundação": "body_first",
        "fondation": "body_first",
        "fondazione": "body_first",
        "universidad": "body_first",
        "universidade": "body_first",
        "université": "body_first",
        "università": "body_first",
        "universität": "body_first",
        "universitätsklinikum": "body_first",
        "klinikum": "body_first",
        "klinik": "body_first",
        "krankenhaus": "body_first",
        "zentrum": "body_first",
        "ospedale": "body_first",
        "policlinico": "body_first",
        "hôpital": "body_first",
        "hopital": "body_first",
        "clínica": "body_first",
        "clinique": "body_first",
        "centro": "body_first",
        "sociedad": "body_first",
        "sociedade": "body_first",
        "société": "body_first",
        "società": "body_first",
        "gesellschaft": "body_first",
        "ministerio": "body_first",
        "ministério": "body_first",
        "ministère": "body_first",
        "ministero": "body_first",
        "bundesministerium": "body_first",
        "agencia": "body_first",
        "agência": "body_first",
        "agence": "body_first",
        "agenzia": "body_first",
        "secretaria": "body_first",
        "servicio": "body_first",
        "serviço": "body_first",
    }.items()
}


def words(role: str, capitalised: bool = False) -> str:
    """The table's words for one role as a regular-expression alternation (longest first)."""
    chosen = sorted((w for w, roles in _TABLE.items() if role in roles), key=lambda w: (-len(w), w))
    return "|".join(w[:1].upper() + w[1:] if capitalised else w for w in chosen)
