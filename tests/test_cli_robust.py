"""What a black-box tester found with the `rounds` command (session 17), run as real subprocesses."""

from __future__ import annotations

import json
import subprocess

from tests.test_cli import ROUNDS, base_env, cli, rounds, write_config  # noqa: F401 (fixtures)


def run_bytes(args: list[str], data: bytes, env: dict, cwd, config=None, strict: bool = False):
    """`rounds ARGS < data`; `strict` decodes stdin as a UTF-8 terminal locale does (errors are errors)."""
    env = {**env, "LC_ALL": "C.UTF-8"}
    if strict:
        env["PYTHONIOENCODING"] = "utf-8:strict"
    if config is not None:
        env["ROUNDS_CONFIG"] = str(config)
    result = subprocess.run([str(ROUNDS), *args], input=data, cwd=cwd, env=env, capture_output=True, timeout=60)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result.returncode, result.stdout.decode("utf-8", "replace"), stderr


def sqlite(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'rounds.db'}"


# --- 1. text the screen cannot encode ----------------------------------------------------------


def test_screen_takes_lone_surrogates_and_bad_bytes_and_screens_every_line(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    lines = (b'{"id":1,"text":"Call \\ud800 John Smith at 608-555-0142"}\n'
             b'{"id":2,"text":"ok text"}\n'
             b'{"id":3,"text":"caf\xff \xfe bytes"}\n')
    status, out, err = run_bytes(["screen"], lines, base_env, tmp_path, config, strict=True)
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 0, err
    assert [r["id"] for r in results] == [1, 2, 3]
    first = results[0]
    assert first["verdict"] == "block"
    phone = [f for f in first["findings"] if f["kind"] == "phone"]
    text = "Call \ud800 John Smith at 608-555-0142"
    assert phone and text[phone[0]["start"]:phone[0]["end"]] == "608-555-0142"  # offsets into the input


def test_inbox_check_takes_control_characters_and_bad_bytes(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    for strict in (False, True):
        status, out, err = run_bytes(["inbox", "check"], b"\x00\x01\xff\xfe bad bytes\n", base_env, tmp_path,
                                     config, strict)
        assert status == 0 and "Looks fine" in out, (out, err)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"We saw you last week \xff\xfe!\n")
    status, out, err = run_bytes(["inbox", "check", str(draft)], b"", base_env, tmp_path, config)
    assert status == 1 and "Confirms someone is a patient" in out, (out, err)


def test_the_console_takes_bad_bytes_as_a_message(tmp_path, base_env):  # noqa: F811
    from tests.test_cli import EXAMPLE

    script = b":as Maya\n" + b"caf\xff \xed\xa0\x80 answer text\n:quit\n"
    for strict in (False, True):
        status, out, err = run_bytes(["console", "--roster", str(EXAMPLE)], script, base_env, tmp_path,
                                     strict=strict)
        assert status == 0 and "Error:" not in out, (out, err)
