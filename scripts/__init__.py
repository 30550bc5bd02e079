"""The project's command-line programs and their shared modules (`python -m scripts.<name>`)."""
