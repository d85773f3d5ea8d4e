"""Bot Framework authentication for `/api/messages`: every request carries a JWT we verify.

The SDK's `CloudAdapter` checks the token (signature against the OpenID metadata's keys,
issuer, expiry, audience = our app id, `serviceurl` claim) but reports failures in many ways:
`PermissionError`, `jwt.DecodeError` for a malformed header, `IndexError` for an unknown key id,
a `requests` error when the metadata is unreachable. Left alone, most of those become a 500,
which Teams retries and which looks like an outage. So authentication runs on its own, before
the activity is processed, and *any* failure there is a 401.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, AuthenticationConstants

from bot.config import TeamsConfig

logger = logging.getLogger(__name__)

EMULATOR_METADATA_URL = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration"


@dataclass(frozen=True)
class _SdkSettings:
    """The attribute names `ConfigurationBotFrameworkAuthentication` reads."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TENANTID: str
    APP_TYPE: str
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str
    # Setting one endpoint makes the SDK expect all of them: these are the public cloud's.
    TO_CHANNEL_FROM_BOT_LOGIN_URL: str
    TO_CHANNEL_FROM_BOT_OAUTH_SCOPE: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
    OAUTH_URL: str = AuthenticationConstants.OAUTH_URL
    TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL: str = EMULATOR_METADATA_URL
    CALLER_ID: str = "urn:botframework:azure"


def make_adapter(config: TeamsConfig) -> CloudAdapter:
    """A CloudAdapter for our credentials (empty app id: the local, unauthenticated mode)."""
    settings = _SdkSettings(
        APP_ID=config.app_id, APP_PASSWORD=config.app_password, APP_TENANTID=config.tenant_id,
        APP_TYPE="SingleTenant" if config.tenant_id else "MultiTenant",
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=config.openid_metadata_url,
        TO_CHANNEL_FROM_BOT_LOGIN_URL=AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
        + (config.tenant_id or AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT),
    )
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(settings))


class Unauthorized(Exception):
    """The request's token is missing, malformed, forged, expired or for another bot."""


async def authenticate(adapter: CloudAdapter, config: TeamsConfig, activity: Activity,
                       auth_header: str) -> AuthenticateRequestResult:
    """Verify the request; raise `Unauthorized` for any failure (logged by type, never the token).

    With `allow_unauthenticated` (loopback only, no app id) the header is ignored: there are no
    credentials to check it against.
    """
    header = None if config.allow_unauthenticated else (auth_header or None)
    if header is None and not config.allow_unauthenticated:
        raise Unauthorized("no Authorization header")
    try:
        return await adapter.bot_framework_authentication.authenticate_request(activity, header)
    except Exception as error:  # every auth failure is a 401, whatever the SDK raised
        logger.info("teams request refused: %s", type(error).__name__)
        raise Unauthorized(type(error).__name__) from None
