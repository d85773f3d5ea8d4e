"""Daily inbox checks: the staff on duty get one reminder, tap Done, and the lead hears when nobody did.

Modules: `settings` ([inbox] config), `duty` (who is on duty on which day), `schedule` (the
reminders, snoozes and escalations `run_due` sends), `actions` (Done, Need help, Snooze, the
forms), `replies` (reply templates), `reply_check` (checking a draft reply before posting it),
`status` (one day's record, for the CLI and the digest). This package imports no chat SDK.
"""
