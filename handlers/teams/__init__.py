"""Microsoft Teams adapter (Bot Framework): the only package that imports botbuilder.

- `routes`: `POST /api/messages` (authentication first, then the activity).
- `inbound`: activities → core calls; the core's outcome → replies, card updates, invoke responses.
- `chat`: `TeamsChat`, the sending side (proactive sends, pacing, retries, unreachable people).
- `render`: messages and forms → Adaptive Cards from `templates/teams/`.
- `references`: conversation references kept from every activity.
- `package`: the Teams app package (`rounds teams package`).

Moving to the Microsoft 365 Agents SDK changes this package only.
"""
