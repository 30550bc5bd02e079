"""A channel is on when all its variables are set; half set, the server does not start."""

import os
import subprocess
import sys

import pytest

from channels.messaging import config
from tests.channels.conftest import ROOT
from tests.conftest import MODEL, free_port


def test_half_configured_channels_refuse_to_start_and_name_what_is_missing():
    assert config.settings(config.TELEGRAM, {}) is None
    with pytest.raises(config.ChannelConfigError, match="set TELEGRAM_SECRET_TOKEN"):
        config.settings(config.TELEGRAM, {"TELEGRAM_TOKEN": "1:x"})
    twilio = {"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM": "+31970"}
    with pytest.raises(config.ChannelConfigError, match="set CHANNEL_PUBLIC_URL"):
        config.settings(config.TWILIO, twilio)
    on = config.settings(config.WHATSAPP, {name: "x" for name in config.WHATSAPP.required})
    assert on["WHATSAPP_API_URL"] == "https://graph.facebook.com/v19.0"


def test_the_server_refuses_to_start_and_names_the_missing_variable(tmp_path):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    env = {**os.environ, "TELEGRAM_TOKEN": "1:x", "TRACKER_DB": str(tmp_path / "trackers.db"), "ACTION_PORT": "1"}
    others = {name for provider in config.PROVIDERS for name in provider.required} - {"TELEGRAM_TOKEN"}
    env = {name: value for name, value in env.items() if name not in others}
    command = [sys.executable, "-m", "scripts.rasa_cli", "run", "--model", str(MODEL), "--endpoints", "endpoints.yml",
               "--credentials", "credentials.yml", "--port", str(free_port()), "--interface", "127.0.0.1"]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "The Telegram channel is partly configured: set TELEGRAM_SECRET_TOKEN" in done.stdout + done.stderr
