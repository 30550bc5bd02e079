"""The Rasa command line (``rasa run``) with PYTHONWARNINGS kept in force (scripts/sanic_warnings.py) and the
action server's responses checked per event type (channels/action_responses.py).

Arguments are Rasa's own: python -m scripts.rasa_cli run --model models/intake.tar.gz ...
(The model names this project's components/ by module path: the package is installed, and
``python -m`` from the project's folder finds them there first.)
"""

import sys

from scripts import sanic_warnings

# isort: split
from rasa.__main__ import main

from channels import action_responses

if __name__ == "__main__":
    sanic_warnings.keep_after_rasa()
    action_responses.install()
    sys.argv[0] = "rasa"
    main()
