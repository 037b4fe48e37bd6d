"""msal's HTTP client, made of one of the factory's clients: msal's calls, the allowlist's rules.

msal reads ``status_code``, ``text`` and ``headers`` and calls ``raise_for_status``; it wraps the
client in its own throttling layer, which raises msal's own errors for 4xx and 5xx answers. So
the sign-in boundary (``auth._msal_boundary``) cannot tell from msal's error what the server
said: ``MsalHttpClient`` remembers, per thread, the last redirect or server error it was
answered, and ``take_failure`` hands it to the boundary for its one-line message.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from securemailmerge.errors import AuthError
from securemailmerge.i18n import translate


@dataclass(frozen=True)
class HttpFailure:
    """A redirect or a server error the sign-in service answered."""

    host: str
    status: int


class MsalResponse:
    """An answer in the shape msal expects (``status_code``, ``text``, ``headers``)."""

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.text = response.text
        self.headers = dict(response.headers)
        self._host = response.request.url.host

    def raise_for_status(self) -> None:
        """Raise ``AuthError`` when the sign-in service answered with an HTTP error."""
        if self.status_code >= 400:
            raise AuthError(
                translate("Network", "The sign-in service {host} answered with HTTP status {status}.").format(
                    host=self._host, status=self.status_code
                ),
                code=str(self.status_code),
            )


class MsalHttpClient:
    """msal's ``http_client``: its GETs and POSTs go through the factory's allowlist and log."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client
        self._seen = threading.local()

    def get(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **kw: Any,
    ) -> MsalResponse:
        """HTTP GET as msal asks for it; extra keyword arguments are ignored (our TLS and timeouts apply)."""
        return self._answer(self._client.get(url, params=_params(params), headers=headers))

    def post(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        **kw: Any,
    ) -> MsalResponse:
        """HTTP POST as msal asks for it: ``data`` is a form (dict) or a ready body (str)."""
        if isinstance(data, Mapping):
            response = self._client.post(url, params=_params(params), data=dict(data), headers=headers)
        else:
            content = data.encode("utf-8") if isinstance(data, str) else data
            response = self._client.post(url, params=_params(params), content=content, headers=headers)
        return self._answer(response)

    def take_failure(self) -> HttpFailure | None:
        """The last redirect or server error answered in this thread since the last call, if any."""
        failure: HttpFailure | None = getattr(self._seen, "failure", None)
        self._seen.failure = None
        return failure

    def close(self) -> None:
        """Close the underlying connections."""
        self._client.close()

    def _answer(self, response: httpx.Response) -> MsalResponse:
        status = response.status_code
        if 300 <= status < 400 or status >= 500:
            self._seen.failure = HttpFailure(response.request.url.host, status)
        return MsalResponse(response)


def _params(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return dict(params) if params else None
