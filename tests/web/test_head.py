"""HEAD (curl -I, uptime monitors) is answered like GET, without a body, on the pages people and monitors ask."""

import pytest
import requests


@pytest.mark.parametrize("path, status", [("/", 200), ("/chat", 200), ("/clinic", 200), ("/clinic/intakes", 401),
                                          ("/clinic/intakes/IN-NOSUCH", 401), ("/favicon.ico", 200)])  # fmt: skip
def test_head_is_answered_like_get(stack, path, status):
    head = requests.head(f"{stack['base']}{path}", timeout=10)
    get = requests.get(f"{stack['base']}{path}", timeout=10)
    assert (head.status_code, get.status_code) == (status, status)
    assert head.content == b""
    assert head.headers["X-Content-Type-Options"] == "nosniff"
