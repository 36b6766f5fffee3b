"""``python -m ifacedir`` runs the command line."""

from cli.app import main

main()
