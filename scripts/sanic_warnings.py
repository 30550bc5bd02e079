"""Keep PYTHONWARNINGS=ignore in force in the servers that `make run`, `make cluster` and `make shell` start.

Two libraries put their own warning filters in front of the caller's choice:

- Sanic's app module (imported by Rasa and by rasa_sdk) sets DeprecationWarning to "once" when it
  is imported: every start printed some thirty deprecation notices of libraries. Importing this
  module first imports Sanic and puts the caller's choice back.
- Rasa's command line sets UserWarning to "once" when it starts (``rasa.utils.common``), and
  pyparsing's deprecation notices are UserWarnings: each start of the Rasa server printed seven
  PyparsingDeprecationWarning lines (matplotlib and packaging use pyparsing's old names).
  ``keep_after_rasa`` puts the caller's choice back after Rasa's filters.

Logging is not touched.
"""

import sys
import warnings

import sanic.app  # noqa: F401  (its filter goes in first, so the one below takes precedence)


def keep() -> None:
    if "ignore" in sys.warnoptions:
        warnings.filterwarnings("ignore")


def keep_after_rasa() -> None:
    """Rasa sets its warning filters when its command line starts; put ours back in front of them."""
    import rasa.utils.common as common

    original = common._filter_warnings

    def filter_warnings(*args, **kwargs):
        original(*args, **kwargs)
        keep()

    common._filter_warnings = filter_warnings


keep()
