"""Rasa-server-side integrations (they import Rasa core, so they stay out of actions/)."""
