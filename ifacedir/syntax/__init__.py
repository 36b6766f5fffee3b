"""Data passed between the phases of the front end: source spans, names, syntax trees.

Only data lives here (frozen dataclasses and their small helpers); the passes that
build and transform it live in their own packages (``ifacedir.parse`` and later).
"""
