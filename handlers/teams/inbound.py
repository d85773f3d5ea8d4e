"""Inbound Teams: Bot Framework activities → core calls, and the core's outcome → Teams.

- Every activity first refreshes its conversation's reference (installationUpdate,
  conversationUpdate and any message), so Rounds can later write there proactively.
- `message` with text → `IncomingMessage`; `messageUpdate` → an edit of it; `message` whose
  `value` holds our card data → an `Action.Submit` click; `invoke` `adaptiveCard/action` →
  an `Action.Execute` click, answered with an invoke response (a card or a short message). A
  form opened by `Action.Execute` takes the card's place for the person who clicked; once it is
  submitted they see the card again (updated by the decision, or as the outbox last sent it).
- Teams re-delivers an activity it got no answer to within 15 s. The core deduplicates
  messages on (conversation, activity id) in the same transaction as their effect; here each
  activity id is also recorded after the core succeeded, and a recorded one is skipped.

Never log message text (it may hold PHI): ids and exception types only.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import re

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ActivityTypes, InvokeResponse

from bot import outbox
from bot.chat import ActionEvent, IncomingMessage, MessageRef, Outcome
from bot.weekly import inbound
from handlers.teams import references
from handlers.teams.render import (
    card_activity,
    form_card,
    message_activity,
    message_card,
    needs_card,
    parse_action_data,
)

logger = logging.getLogger(__name__)

PLATFORM = "teams"
CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"
_MENTION = re.compile(r"<at>.*?</at>", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def plain_text(activity: Activity) -> str:
    """Teams text as plain text: mentions of the bot dropped, HTML markup and entities decoded."""
    text = _MENTION.sub("", activity.text or "")
    if activity.text_format in ("xml", "html") or _TAG.search(text):
        text = html.unescape(_TAG.sub("", text.replace("<br>", "\n").replace("<br/>", "\n")))
    return text.strip()


def dedupe_key(activity: Activity) -> str:
    """One key per delivery of an activity: an edit keeps the message's id, so its text counts too."""
    conversation = activity.conversation.id if activity.conversation else ""
    key = f"teams:{activity.type}:{conversation}:{activity.id}"
    if activity.type == ActivityTypes.message_update:
        key += ":" + hashlib.sha256((activity.text or "").encode()).hexdigest()[:16]
    return key


def user_id(activity: Activity) -> str:
    """The AAD object id (the same in every chat of the tenant), else the channel account id."""
    sender = activity.from_property
    return (sender.aad_object_id or sender.id) if sender is not None else ""


class TeamsBot:
    """The turn handler `CloudAdapter.process_activity` runs for each authenticated activity."""

    def __init__(self, services, chat):
        self.services, self.chat = services, chat

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        now = self.services.clock()
        seen = references.seen_in(activity)
        if seen is not None:
            removed = activity.type == ActivityTypes.installation_update and activity.action == "remove"
            await asyncio.to_thread(references.remember, self.services.db, seen, now, removed)
        key = dedupe_key(activity)
        if activity.id and await asyncio.to_thread(_recorded, self.services, key):
            logger.info("teams activity %s already handled; ignoring re-delivery", activity.id)
            if activity.type == ActivityTypes.invoke:
                await _invoke_response(turn_context, {"statusCode": 200, "type": MESSAGE_RESPONSE,
                                                      "value": "Already done."})
            return
        if activity.type == ActivityTypes.message:
            await self._on_message(turn_context, activity, edited=False)
        elif activity.type == ActivityTypes.message_update:
            await self._on_message(turn_context, activity, edited=True)
        elif activity.type == ActivityTypes.invoke and activity.name == "adaptiveCard/action":
            await self._on_execute(turn_context, activity)
        elif activity.type == ActivityTypes.conversation_update and seen is not None and seen.kind == "channel":
            await self._link_team_members(turn_context)
        elif activity.type == ActivityTypes.invoke:
            await _invoke_response(turn_context, None, status=501)
            return
        if activity.id:
            await asyncio.to_thread(inbound.already_seen, self.services, key, now)

    # --- messages and Action.Submit ---------------------------------------------------------

    async def _on_message(self, turn_context: TurnContext, activity: Activity, edited: bool) -> None:
        conversation = references.base_conversation_id(activity.conversation.id)
        parsed = parse_action_data(activity.value) if not edited else None
        if parsed is not None:  # an Action.Submit click (clients without Universal Actions)
            action = _action(activity, parsed)
            outcome = await asyncio.to_thread(inbound.handle_action, self.services, action, self.services.clock())
            if outcome.form is not None:
                await self._send_private(activity, card_activity(form_card(self.services.templates, outcome.form),
                                                                 outcome.form.title))
            await self._deliver(activity, outcome, clicked=action.message)
            return
        text = plain_text(activity)
        if not text:
            return
        message = IncomingMessage(platform=PLATFORM, user_id=user_id(activity), channel=conversation,
                                  ts=activity.id or "", text=text,
                                  is_direct=activity.conversation.conversation_type in (None, "personal"),
                                  thread_ts=activity.reply_to_id if activity.reply_to_id != activity.id else None,
                                  edited=edited)
        outcome = await asyncio.to_thread(inbound.handle_message, self.services, message, self.services.clock())
        await self._deliver(activity, outcome, clicked=None)

    # --- Action.Execute ---------------------------------------------------------------------

    async def _on_execute(self, turn_context: TurnContext, activity: Activity) -> None:
        value = activity.value or {}
        data = dict((value.get("action") or {}).get("data") or {})
        data.setdefault("rounds_action", (value.get("action") or {}).get("verb"))
        parsed = parse_action_data(data)
        if parsed is None:
            await _invoke_response(turn_context, {"statusCode": 400, "type": "application/vnd.microsoft.error",
                                                  "value": {"code": "BadRequest", "message": "unknown action"}})
            return
        action = _action(activity, parsed)
        outcome = await asyncio.to_thread(inbound.handle_action, self.services, action, self.services.clock())
        if outcome.form is not None:  # shown in place of the card, to the person who clicked only
            body = {"statusCode": 200, "type": CARD_RESPONSE,
                    "value": form_card(self.services.templates, outcome.form)}
        else:
            shown = await self._deliver(activity, outcome, clicked=action.message)
            if shown is None and parsed[3] is not None:  # a form shown in place of its message:
                shown = await self._restored(parsed[3])  # show the message again, not the form
            body = ({"statusCode": 200, "type": CARD_RESPONSE, "value": shown} if shown is not None else
                    {"statusCode": 200, "type": MESSAGE_RESPONSE,
                     "value": outcome.replies[0].text if outcome.replies else "Done."})
        await _invoke_response(turn_context, body)

    async def _restored(self, ref: MessageRef) -> dict | None:
        """The card the outbox sent at `ref` (the inbox reminder behind a Need help form), if any."""
        message = await asyncio.to_thread(outbox.sent_message, self.services.db, ref)
        return message_card(self.services.templates, message) if message is not None and needs_card(message) \
            else None

    # --- sending the outcome ----------------------------------------------------------------

    async def _deliver(self, activity: Activity, outcome: Outcome, clicked: MessageRef | None) -> dict | None:
        """Send replies and updates; returns the clicked message's new card, if it changed."""
        shown = None
        templates = self.services.templates
        for ref, message in outcome.updates:  # for everyone: edit the message in place
            await self._safely(self.chat.update_async(ref, message), "update")
            if clicked is not None and ref == clicked:
                shown = message_card(templates, message)
        for reply in outcome.replies:
            if reply.replace_original is not None:
                await self._safely(self.chat.update_async(reply.replace_original, reply.as_message()), "update")
                if clicked is not None and reply.replace_original == clicked:
                    shown = message_card(templates, reply.as_message())
            else:
                ref = await self._send_private(activity, message_activity(templates, reply.as_message()))
                if reply.key and ref is not None and ref.ts:  # a reply the core may change later
                    await asyncio.to_thread(inbound.record_reply, self.services, reply.key, ref,
                                            self.services.clock())
        return shown

    async def _send_private(self, activity: Activity, reply: Activity) -> MessageRef | None:
        """In a personal chat: there. In a channel (Teams has no ephemeral messages): the
        person's personal chat with Rounds if the app is installed for them, else the thread."""
        conversation = references.base_conversation_id(activity.conversation.id)
        thread = None
        if activity.conversation.conversation_type not in (None, "personal"):
            personal = await asyncio.to_thread(references.personal_conversation, self.services.db,
                                               user_id(activity))
            if personal is not None and personal.unreachable is None:
                conversation = personal.conversation_id
            else:
                thread = activity.conversation.id.split(";messageid=", 1)[-1] if ";messageid=" in \
                    activity.conversation.id else activity.reply_to_id
        return await self._safely(self.chat.send_activity_async(conversation, reply, thread_ts=thread), "reply")

    async def _safely(self, coroutine, what: str):
        """A reply that cannot be delivered is logged (None); the decision it reports stands."""
        try:
            return await coroutine
        except Exception as error:  # noqa: BLE001 - logged by type; the core's effect is committed
            logger.warning("teams %s failed: %s", what, type(error).__name__)

    async def _link_team_members(self, turn_context: TurnContext) -> None:
        """Installed in a team: match its members to the roster by email/UPN (teams_user_id)."""
        try:
            members = await TeamsInfo.get_members(turn_context)
        except Exception as error:  # noqa: BLE001 - matching is a convenience; ids can be set by CSV
            logger.warning("teams member list failed: %s", type(error).__name__)
            return
        pairs = [((m.email or m.user_principal_name or "").lower(), m.aad_object_id) for m in members]
        await asyncio.to_thread(link_members, self.services, [(e, a) for e, a in pairs if e and a])


def link_members(services, pairs: list[tuple[str, str]]) -> int:
    """Set `teams_user_id` on roster people found among a team's members (by email or UPN)."""
    from bot.people import find_person_by_email

    linked = 0
    with services.db.transaction() as session:
        for email, aad_id in pairs:
            person = find_person_by_email(session, email)
            if person is not None and person.teams_user_id is None:
                person.teams_user_id, person.updated_at = aad_id, services.clock()
                linked += 1
    return linked


def _action(activity: Activity, parsed) -> ActionEvent:
    action, value, fields, ref = parsed
    if ref is None and activity.reply_to_id:
        ref = MessageRef(references.base_conversation_id(activity.conversation.id), activity.reply_to_id)
    return ActionEvent(platform=PLATFORM, user_id=user_id(activity), action=action, value=value,
                       message=ref, fields=fields)


async def _invoke_response(turn_context: TurnContext, body, status: int = 200) -> None:
    await turn_context.send_activity(Activity(type=ActivityTypes.invoke_response,
                                              value=InvokeResponse(status=status, body=body)))


def _recorded(services, key: str) -> bool:
    from bot.store import ProcessedEvent

    with services.db.transaction() as session:
        return session.get(ProcessedEvent, key[:200]) is not None
