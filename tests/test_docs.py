"""The README and docs/ say what the code does, and only point inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.webhook import sign

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_no_link_leaves_the_repository():
    for doc in DOCS:
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # https://…: a public page, not a file
                continue
            resolved = (doc.parent / target).resolve()
            assert resolved.is_relative_to(ROOT), f"{doc.name} links outside the repository: {target}"
            assert resolved.exists(), f"{doc.name} links to a missing file: {target}"


def test_slack_setup_steps_are_numbered_in_order_and_references_match():
    text = (ROOT / "docs" / "slack-setup.md").read_text(encoding="utf-8")
    steps = re.findall(r"^## (\d+)\. (.+)$", text, flags=re.M)
    assert [int(n) for n, _ in steps] == list(range(1, len(steps) + 1))
    assert not re.search(r"^\s*\d+[a-z]\.", text, flags=re.M), "no 4a/4b sub-numbering"
    titles = {n: title for n, title in steps}
    for number in re.findall(r"step (\d+)", text):
        assert number in titles, f"step {number} does not exist"
    assert "Socket Mode" in text.split("## 3.")[1].split("## 4.")[0]  # step 1 sends readers there


def test_the_webhook_doc_verifies_what_rounds_signs():
    text = (ROOT / "docs" / "webhook.md").read_text(encoding="utf-8")
    code = re.search(r"## Verifying the signature.*?```python\n(.*?)```", text, flags=re.S).group(1)
    namespace: dict = {}
    exec(code, namespace)  # the snippet a receiver copies
    body = '{"answer_id": 1}'
    import time

    timestamp = str(int(time.time()))
    headers = {"X-Rounds-Timestamp": timestamp, "X-Rounds-Signature": sign("s3cret", timestamp, body)}
    assert namespace["verify"]("s3cret", headers, body.encode())
    assert not namespace["verify"]("other", headers, body.encode())
    example = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    assert "HMAC-SHA256(secret, body)" not in example and "docs/webhook.md" in example
