"""ifacedir: per-module interface directories for a Haskell-style compiler.

The public API grows with the project; today it is the on-disk format:

* :mod:`ifacedir.format.layout`    ModuleDir, FileRole, scan_outdir
* :mod:`ifacedir.format.container` open_container, read_header, write_container
* :mod:`ifacedir.errors`           the exception hierarchy
"""

__version__ = "0.1.0"
