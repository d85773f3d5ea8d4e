"""`POST /api/messages` authentication: Bot Framework JWTs checked against OpenID metadata the
test serves (no internet). Valid → 200; expired, wrong audience, forged, malformed or missing
→ 401, never a 500; and the local unauthenticated mode exists only on loopback."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.config import ConfigError, config_from_mapping
from handlers.teams import references
from tests.handlers.teams.conftest import LEE_AAD, LEE_CHAT, install, post, teams_services

APP_ID = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def secured(sqlite_url, connector):
    services = teams_services(sqlite_url, connector, app_id=APP_ID, app_password="secret")
    yield services
    services.db.dispose()


def _status(services, connector, token: str | None, activity=None) -> int:
    activity = activity or install(connector, LEE_AAD, LEE_CHAT)
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    [(status, _)] = post(services, activity, headers=headers)
    return status


def test_a_valid_token_is_accepted_and_the_conversation_remembered(secured, connector):
    assert _status(secured, connector, connector.token(APP_ID, connector.url)) == 200
    assert references.personal_conversation(secured.db, LEE_AAD).conversation_id == LEE_CHAT


@pytest.mark.parametrize("case", ["expired", "wrong audience", "forged", "malformed", "missing",
                                  "wrong issuer", "unknown key", "wrong service url", "not bearer"])
def test_bad_tokens_get_401_and_change_nothing(secured, connector, case):
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = {
        "expired": lambda: connector.token(APP_ID, connector.url, expires_in=-3600),
        "wrong audience": lambda: connector.token("someone-else", connector.url),
        "forged": lambda: connector.token(APP_ID, connector.url, key=forger),
        "malformed": lambda: "not.a.jwt",
        "missing": lambda: None,
        "wrong issuer": lambda: connector.token(APP_ID, connector.url, issuer="https://evil.example"),
        "unknown key": lambda: connector.token(APP_ID, connector.url, key=forger, kid="other"),
        "wrong service url": lambda: connector.token(APP_ID, "http://127.0.0.1:1/"),
        "not bearer": lambda: None,
    }[case]()
    if case == "not bearer":
        [(status, _)] = post(secured, install(connector, LEE_AAD, LEE_CHAT), headers={"Authorization": "Basic xyz"})
    else:
        status = _status(secured, connector, token)
    assert status == 401
    assert references.personal_conversation(secured.db, LEE_AAD) is None


def test_a_body_that_is_not_an_activity_is_a_400(secured):
    async_results = post(secured, {"hello": "world"})
    assert async_results[0][0] == 400


def test_unauthenticated_mode_is_refused_off_loopback():
    with pytest.raises(ConfigError, match="teams.allow_unauthenticated"):
        config_from_mapping({"teams": {"allow_unauthenticated": True}, "server": {"host": "0.0.0.0"}})
    config = config_from_mapping({"teams": {"allow_unauthenticated": True}, "server": {"host": "127.0.0.1"}})
    assert config.teams.configured


def test_credentials_come_from_the_environment_and_errors_name_the_key():
    env = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "pw", "MicrosoftAppTenantId": "t1"}
    teams = config_from_mapping({}, env).teams
    assert (teams.app_id, teams.app_password, teams.tenant_id) == (APP_ID, "pw", "t1")
    with pytest.raises(ConfigError, match="teams.app_password"):
        config_from_mapping({"teams": {"app_id": APP_ID}})
    with pytest.raises(ConfigError, match="teams.sends_per_second"):
        config_from_mapping({"teams": {"sends_per_second": 100}})
