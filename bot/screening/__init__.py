"""Compliance screen: PHI (HIPAA Safe Harbor identifiers, patient stories) and individual advice."""

from bot.screening.advice import suggest_rewording
from bot.screening.findings import ADVICE_KINDS, KINDS, PHI_KINDS, REPLY_KINDS, AllowList, Finding, Verdict
from bot.screening.jsonl import screen_jsonl
from bot.screening.screener import Screener

__all__ = [
    "ADVICE_KINDS",
    "KINDS",
    "PHI_KINDS",
    "REPLY_KINDS",
    "AllowList",
    "Finding",
    "Screener",
    "Verdict",
    "screen_jsonl",
    "suggest_rewording",
]
