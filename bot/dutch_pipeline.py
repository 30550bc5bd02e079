"""The Dutch spaCy pipeline used by the NLU and by the Dutch text parsers.

``nl_core_news_sm`` (3.4.x, CC BY-SA 4.0, by Explosion, trained on the Dutch
UD LassySmall and Alpino corpora) is used when it is installed. Otherwise the
install step builds a blank Dutch pipeline here: spaCy's Dutch tokenizer and
the lookup lemmatizer with the tables of ``spacy-lookups-data``. Either way
the result lives in one folder, ``PIPELINE_DIR``, which ``config.yml`` names.
"""

from __future__ import annotations

from pathlib import Path

from bot.paths import PROJECT_ROOT

# Relative to the project root, as config.yml names it.
PIPELINE_PATH = ".venv/spacy-nl"
PIPELINE_DIR = PROJECT_ROOT / PIPELINE_PATH
TRAINED_PACKAGE = "nl_core_news_sm"
BLANK_NAME = "intake_nl_blank"
# Names the source the folder was built from, so that a rebuild happens only when it changes.
SOURCE_MARKER = "built-from.txt"


def trained_pipeline_available() -> bool:
    try:
        import nl_core_news_sm  # noqa: F401
    except ImportError:
        return False
    return True


def build(target: Path = PIPELINE_DIR) -> str:
    """Write the pipeline to ``target`` (again only if its source changed); return its name."""
    import spacy

    wanted = TRAINED_PACKAGE if trained_pipeline_available() else BLANK_NAME
    marker = target / SOURCE_MARKER
    if marker.exists() and marker.read_text(encoding="utf-8").strip() == wanted:
        return wanted
    if wanted == TRAINED_PACKAGE:
        nlp = spacy.load(TRAINED_PACKAGE)
    else:
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()  # loads the lookup table from spacy-lookups-data, once, at build time
        nlp.meta.update(
            name=BLANK_NAME,
            version="1.0.0",
            description="Blank Dutch pipeline: tokenizer and lookup lemmatizer (spacy-lookups-data).",
            license="MIT",
        )
    target.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    marker.write_text(wanted + "\n", encoding="utf-8")
    return wanted


_LOADED: dict = {}


def load():
    """The installed pipeline (trained or blank), loaded once per process (or the one ``share`` was given)."""
    if "nlp" not in _LOADED:
        import spacy

        if (PIPELINE_DIR / "meta.json").exists():
            _LOADED["nlp"] = spacy.load(PIPELINE_DIR)
        else:  # not built yet (e.g. a bare checkout): the tokenizer alone is enough for parsing
            _LOADED["nlp"] = spacy.blank("nl")
    return _LOADED["nlp"]


def share(nlp, loaded_from: str) -> bool:
    """Use ``nlp``, already loaded from ``loaded_from`` with every component on, as this process's pipeline: the
    Rasa server's NLU loads the same folder, and a second copy would take another 90 MB (the lemma table). True
    when it is used."""
    if "nlp" in _LOADED or getattr(nlp, "disabled", None) or Path(loaded_from).resolve() != PIPELINE_DIR.resolve():
        return False
    _LOADED["nlp"] = nlp
    return True
