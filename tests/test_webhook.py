"""The approval webhook: signed POSTs to a small fake receiver, retries, and outbox delivery."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.chat import OutgoingMessage, PermanentSendError, TransientSendError
from bot.config import WebhookConfig
from bot.outbox import deliver_due
from bot.review.webhook import CONFIGURED_URL, enqueue_webhook, webhook_payload
from bot.services import build_services
from bot.store import Answer, Draft, OutboxMessage, OutboxStatus, Person, Prompt, PromptStatus, Question
from handlers import make_chats
from handlers.webhook import WebhookChat, retry_after_seconds, verify
from tests.conftest import make_config, utc

SECRET = "s"
NOW = utc(2026, 12, 1, 15, 0)


class FakeReceiver:
    """A webhook receiver on 127.0.0.1 that records requests and answers from a script."""

    def __init__(self):
        self.requests: list[dict] = []
        self.script: list[tuple[int, dict[str, str]]] = []  # answered first, then 200s
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                with receiver.lock:
                    receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                    status, headers = receiver.script.pop(0) if receiver.script else (200, {})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/rounds"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def fail(self, status: int, times: int, **headers: str) -> None:
        self.script.extend([(status, headers)] * times)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeReceiver()
    yield fake
    fake.close()


def quick_chat(url: str, **options) -> WebhookChat:
    options.setdefault("sleep", lambda seconds: None)
    return WebhookChat(WebhookConfig(url=url, secret=SECRET), **options)


# --- WebhookChat on its own --------------------------------------------------------------------


def test_post_is_signed_and_carries_the_delivery_key(receiver):
    body = json.dumps({"answer_id": 7, "posts": [{"channel": "x", "text": "Ça va — café"}]}, ensure_ascii=False)
    ref = quick_chat(receiver.url).send(receiver.url, OutgoingMessage(text=body, key="webhook:7"))
    [request] = receiver.requests
    headers = request["headers"]
    assert request["path"] == "/hooks/rounds" and request["body"] == body
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Rounds-Delivery"] == "webhook:7"
    assert headers["X-Rounds-Signature"].startswith("sha256=")
    assert verify(SECRET, headers["X-Rounds-Timestamp"], body, headers["X-Rounds-Signature"])
    assert not verify("other secret", headers["X-Rounds-Timestamp"], body, headers["X-Rounds-Signature"])
    assert not verify(SECRET, headers["X-Rounds-Timestamp"], body + " ", headers["X-Rounds-Signature"])
    assert ref.channel == receiver.url


def test_500s_are_retried_with_backoff_then_succeed(receiver):
    receiver.fail(500, 2)
    waits: list[float] = []
    chat = quick_chat(receiver.url, sleep=waits.append, base_delay=0.5)
    chat.send(receiver.url, OutgoingMessage(text="{}", key="webhook:1"))
    assert len(receiver.requests) == 3
    assert {r["headers"]["X-Rounds-Delivery"] for r in receiver.requests} == {"webhook:1"}
    assert len(waits) == 2 and 0.25 <= waits[0] <= 0.75 and 0.5 <= waits[1] <= 1.5  # doubling, jittered


def test_429_honours_retry_after(receiver):
    receiver.fail(429, 1, **{"Retry-After": "3"})
    waits: list[float] = []
    quick_chat(receiver.url, sleep=waits.append).send(receiver.url, OutgoingMessage(text="{}", key="k"))
    assert waits == [3.0] and len(receiver.requests) == 2


def test_long_retry_after_is_left_to_the_outbox(receiver):
    receiver.fail(429, 1, **{"Retry-After": "600"})
    waits: list[float] = []
    with pytest.raises(TransientSendError, match="Retry-After 600s"):
        quick_chat(receiver.url, sleep=waits.append).send(receiver.url, OutgoingMessage(text="{}", key="k"))
    assert waits == [] and len(receiver.requests) == 1


def test_persistent_5xx_is_transient_after_a_few_attempts(receiver):
    receiver.fail(503, 10)
    with pytest.raises(TransientSendError, match="HTTP 503") as raised:
        quick_chat(receiver.url, attempts=3).send(receiver.url, OutgoingMessage(text="{}", key="k"))
    assert len(receiver.requests) == 3
    assert receiver.url not in str(raised.value)  # URLs may hold tokens


def test_400_is_permanent_without_retries(receiver):
    receiver.fail(400, 1)
    with pytest.raises(PermanentSendError, match="HTTP 400"):
        quick_chat(receiver.url).send(receiver.url, OutgoingMessage(text="{}", key="k"))
    assert len(receiver.requests) == 1


def test_connection_refused_is_transient(receiver):
    url = receiver.url
    receiver.close()
    with pytest.raises(TransientSendError):
        quick_chat(url, attempts=2).send(url, OutgoingMessage(text="{}", key="k"))


def test_retry_after_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", 1445412480.0) == 10.0
    assert retry_after_seconds("garbage", 0.0) is None and retry_after_seconds(None, 0.0) is None


def test_no_direct_messages_no_recovery_lookup():
    chat = quick_chat("https://example.invalid/hook")
    with pytest.raises(PermanentSendError):
        chat.open_direct("U1")
    assert chat.find_sent("https://example.invalid/hook", "k", NOW) is None
    assert chat.lookup_user_by_email("a@example.org") is None


def test_make_chats_adds_the_webhook_only_when_configured(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    assert "webhook" not in make_chats(make_config(url))
    chats = make_chats(make_config(url, webhook={"url": "https://hooks.example.org/x", "secret": SECRET}))
    assert isinstance(chats["webhook"], WebhookChat)


# --- through the real outbox -----------------------------------------------------------------


def approved_answer(session) -> tuple[Answer, Person, list[Draft]]:
    person = Person(email="priya@example.org", name="Priya Patel", specialty="Cardiology",
                    timezone="America/New_York", weekday=1, local_time="09:00",
                    created_at=NOW, updated_at=NOW)
    question = Question(specialty="Cardiology", text="What do new patients ask you most?", created_at=NOW)
    session.add_all([person, question])
    session.flush()
    prompt = Prompt(person_id=person.id, week="2026-W49", question_id=question.id, status=PromptStatus.ANSWERED,
                    due_at=NOW, expires_at=NOW + timedelta(days=6), sent_at=NOW, answered_at=NOW)
    session.add(prompt)
    session.flush()
    answer = Answer(prompt_id=prompt.id, person_id=person.id, text="Salt matters.", status="ready",
                    review_status="approved", created_at=NOW, updated_at=NOW)
    session.add(answer)
    session.flush()
    drafts = [Draft(answer_id=answer.id, channel="x", text="Salt matters. #heart", length=20, limit=280,
                    slot_at=utc(2026, 12, 7, 15, 0), created_at=NOW, updated_at=NOW),
              Draft(answer_id=answer.id, channel="blog", text="Salt matters, a paragraph.", length=26,
                    created_at=NOW, updated_at=NOW)]
    session.add_all(drafts)
    session.flush()
    return answer, person, drafts


def webhook_services(database_url, url, chat):
    config = make_config(database_url, webhook={"url": url, "secret": SECRET})
    return build_services(config, chats={"webhook": chat})


def queue_approval(services) -> int:
    with services.db.transaction() as session:
        answer, person, drafts = approved_answer(session)
        assert enqueue_webhook(services, session, answer, person, drafts, "Sam Ortiz", NOW)
        assert not enqueue_webhook(services, session, answer, person, drafts, "Sam Ortiz", NOW)  # once
        return answer.id


def outbox_row(services) -> OutboxMessage:
    with services.db.transaction() as session:
        [row] = session.query(OutboxMessage).all()
        session.expunge(row)
        return row


def test_payload_shape(database_url):
    services = webhook_services(database_url, "https://hooks.example.org/x", quick_chat("https://x"))
    with services.db.transaction() as session:
        answer, person, drafts = approved_answer(session)
        payload = webhook_payload(answer, person, drafts, person, NOW)
    services.db.dispose()
    assert payload == {
        "event": "post.approved", "answer_id": answer.id, "week": "2026-W49",
        "physician": {"name": "Priya Patel", "specialty": "Cardiology"},
        "question": "What do new patients ask you most?", "approved_by": "Priya Patel",
        "approved_at": "2026-12-01T15:00:00Z",
        "posts": [{"channel": "blog", "text": "Salt matters, a paragraph.", "slot_at": None,
                   "html": "<p>Salt matters, a paragraph.</p>"},
                  {"channel": "x", "text": "Salt matters. #heart", "slot_at": "2026-12-07T15:00:00Z"}],
    }


def test_nothing_is_queued_without_a_webhook_url(database_url):
    services = build_services(make_config(database_url), chats={})
    with services.db.transaction() as session:
        answer, person, drafts = approved_answer(session)
        assert not enqueue_webhook(services, session, answer, person, drafts, "Sam", NOW)
        assert session.query(OutboxMessage).count() == 0
    services.db.dispose()


def test_outbox_delivers_the_signed_webhook_once(database_url, receiver):
    services = webhook_services(database_url, receiver.url, quick_chat(receiver.url))
    answer_id = queue_approval(services)
    report = deliver_due(services, NOW)
    assert report.delivered == 1
    [request] = receiver.requests
    headers = request["headers"]
    assert headers["X-Rounds-Delivery"] == f"webhook:{answer_id}"
    assert verify(SECRET, headers["X-Rounds-Timestamp"], request["body"], headers["X-Rounds-Signature"])
    body = json.loads(request["body"])
    assert body["answer_id"] == answer_id and body["approved_by"] == "Sam Ortiz"
    assert outbox_row(services).status == OutboxStatus.SENT
    assert deliver_due(services, NOW + timedelta(hours=1)).delivered == 0 and len(receiver.requests) == 1
    services.db.dispose()


def test_failing_webhook_stays_pending_and_is_delivered_later_exactly_once(database_url, receiver):
    services = webhook_services(database_url, receiver.url, quick_chat(receiver.url, attempts=3))
    queue_approval(services)
    receiver.fail(500, 3)  # every attempt of the first tick fails
    report = deliver_due(services, NOW)
    assert report.retrying == 1 and report.delivered == 0 and len(receiver.requests) == 3
    row = outbox_row(services)
    assert row.status == OutboxStatus.PENDING and row.not_before > NOW and "HTTP 500" in row.last_error
    assert receiver.url not in row.last_error
    assert deliver_due(services, NOW + timedelta(seconds=1)).delivered == 0  # backing off
    # A restart: a fresh process (new services, new chat) picks it up on a later tick.
    services.db.dispose()
    services = webhook_services(services.config.database.url, receiver.url, quick_chat(receiver.url))
    assert deliver_due(services, row.not_before).delivered == 1
    assert deliver_due(services, row.not_before + timedelta(hours=1)).delivered == 0
    assert len(receiver.requests) == 4
    assert len({r["headers"]["X-Rounds-Delivery"] for r in receiver.requests}) == 1
    assert outbox_row(services).status == OutboxStatus.SENT
    services.db.dispose()


def test_400_marks_the_outbox_row_failed(database_url, receiver):
    services = webhook_services(database_url, receiver.url, quick_chat(receiver.url))
    queue_approval(services)
    receiver.fail(400, 1)
    assert deliver_due(services, NOW).failed == 1
    row = outbox_row(services)
    assert row.status == OutboxStatus.FAILED and "HTTP 400" in row.last_error
    assert deliver_due(services, NOW + timedelta(days=1)).delivered == 0 and len(receiver.requests) == 1
    services.db.dispose()


def test_the_url_is_never_stored_in_the_database(database_url, receiver):
    """Webhook URLs often carry a token: the outbox names the configured URL instead of copying it."""
    long_url = receiver.url + "?token=" + "t" * 80
    services = webhook_services(database_url, long_url, quick_chat(long_url))
    queue_approval(services)
    assert outbox_row(services).recipient == CONFIGURED_URL
    assert deliver_due(services, NOW).delivered == 1
    assert receiver.requests[0]["path"].endswith("t" * 80)
    services.db.dispose()
