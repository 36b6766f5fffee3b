"""The ``ifacedir`` command line (typer). Rendering only: the work is in the library."""
