"""Build the Dutch spaCy pipeline folder named in config.yml (see bot/dutch_pipeline.py)."""

from bot.dutch_pipeline import BLANK_NAME, PIPELINE_PATH, build

name = build()
if name == BLANK_NAME:
    print(f"Dutch spaCy pipeline: blank Dutch pipeline with lookup lemmatizer in {PIPELINE_PATH}")
else:
    print(f"Dutch spaCy pipeline: {name} (CC BY-SA 4.0, Explosion) in {PIPELINE_PATH}")
