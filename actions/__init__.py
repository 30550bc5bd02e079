"""Thin rasa-sdk adapters: tracker <-> bot/, nothing more."""
