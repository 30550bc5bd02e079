"""Keep PYTHONWARNINGS=ignore in force in the servers that run.sh and shell.sh start.

Sanic's app module (imported by Rasa and by rasa_sdk) sets DeprecationWarning to "once" when it is
imported, which overrides PYTHONWARNINGS: every start then printed some thirty deprecation notices
of libraries. Importing this module first imports Sanic and puts the caller's choice back.
Logging is not touched.
"""

import sys
import warnings

import sanic.app  # noqa: F401  (its filter goes in first, so the one below takes precedence)

if "ignore" in sys.warnoptions:
    warnings.filterwarnings("ignore")
