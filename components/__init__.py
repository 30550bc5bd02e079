"""Custom Rasa NLU components: thin adapters from Rasa's pipeline to ``bot``."""
