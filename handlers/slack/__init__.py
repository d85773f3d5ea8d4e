"""Slack adapter: inbound translation (`app`), sending (`chat`), Block Kit rendering (`render`).

Only this package imports slack_bolt / slack_sdk.
"""
