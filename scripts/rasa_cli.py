"""The Rasa command line (``rasa run``) with PYTHONWARNINGS kept in force (scripts/sanic_warnings.py).

Arguments are Rasa's own: python scripts/rasa_cli.py run --model models/intake.tar.gz ...
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the model names components/ of this project

import sanic_warnings  # (scripts/ is on the path: this file's folder)
from rasa.__main__ import main

if __name__ == "__main__":
    sanic_warnings.keep_after_rasa()
    sys.argv[0] = "rasa"
    main()
