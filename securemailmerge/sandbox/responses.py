"""The two kinds of answers the sandbox's own endpoints give: JSON and HTML, never cached."""

from __future__ import annotations

import json
from typing import Any

from werkzeug.wrappers import Response


def json_response(body: Any, status: int = 200) -> Response:
    """A JSON answer that no cache keeps (tokens and codes travel in them)."""
    return Response(
        json.dumps(body),
        status=status,
        content_type="application/json; charset=utf-8",
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def html_response(text: str, status: int = 200) -> Response:
    """An HTML page that no cache keeps."""
    return Response(
        text, status=status, content_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"}
    )
