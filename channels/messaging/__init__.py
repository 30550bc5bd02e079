"""Messaging channels: WhatsApp Cloud API, Telegram, Messenger and Twilio (see README)."""
