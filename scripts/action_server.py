"""Start the action server (rasa_sdk) lean and warm.

- Without TensorFlow: spaCy's thinc imports TensorFlow whenever it is installed (and Rasa installs
  it), which costs the action server about 400 MB; no action uses it, so it is hidden here.
- Warm: the Dutch pipeline and the lexicon (bot/parsing/lexicon.py) are loaded before the first request.
- Quiet: PYTHONWARNINGS stays in force (scripts/sanic_warnings.py).

Arguments are rasa_sdk's own: python -m scripts.action_server --actions actions --port 5055
"""

import sys

sys.modules["tensorflow"] = None  # `import tensorflow` now raises ImportError: thinc runs without it

from scripts import sanic_warnings  # noqa: E402, F401  (first: Sanic's warning filter, then ours)

# isort: split
from rasa_sdk.__main__ import main  # noqa: E402

from bot.dutch_pipeline import load  # noqa: E402
from bot.parsing import lexicon  # noqa: E402
from bot.parsing.text import tokens  # noqa: E402

load()
tokens("drie keer per week")  # the tokenizer and lookup tables, once
lexicon.load()  # the word list, the speller and the compound splitter, once

if __name__ == "__main__":
    main()
