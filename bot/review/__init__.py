"""From a screened answer to a scheduled post: drafts, cards, approvals, reminders, calendar, webhook."""
