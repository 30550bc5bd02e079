"""The cluster's nginx with TLS (CLUSTER_TLS_CERT, CLUSTER_TLS_KEY): every answer carries HSTS, the Dutch error
page too. Real nginx and a self-signed certificate made here by openssl; no Rasa server behind it."""

import shutil
import subprocess
import time

import pytest
import requests

from channels.cluster import ERROR_TEXT
from scripts.cluster import HSTS, free_port_block, nginx_conf, upstreams


@pytest.fixture()
def tls_nginx(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    base = free_port_block(4)
    (tmp_path / "tmp").mkdir()
    (tmp_path / "nginx.conf").write_text(nginx_conf(tmp_path, base, base + 1, 10, str(cert), str(key)))
    (tmp_path / "upstreams.conf").write_text(upstreams([(base + 2, False)], [(base + 3, False)]))  # nobody there
    process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                               stderr=subprocess.PIPE)  # fmt: skip
    time.sleep(1)
    if process.poll() is not None:
        pytest.fail("nginx did not start: " + process.stderr.read().decode())
    yield f"https://127.0.0.1:{base}"
    process.terminate()
    process.wait(timeout=10)


def test_tls_answers_carry_hsts_even_the_error_page(tls_nginx):
    reply = requests.post(f"{tls_nginx}/webhooks/rest/webhook", json={}, verify=False, timeout=10)
    assert reply.status_code == 503
    assert reply.json() == [{"recipient_id": None, "text": ERROR_TEXT, "retry": True}]
    assert reply.headers["Strict-Transport-Security"] == HSTS == "max-age=31536000; includeSubDomains"


def test_without_tls_there_is_no_hsts(tmp_path):
    conf = nginx_conf(tmp_path, 5005, 5055, 10)
    assert "Strict-Transport-Security" not in conf and " ssl" not in conf
