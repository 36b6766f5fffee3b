"""The on-disk model of each phase's output (spec/FORMAT.md §13 onwards).

``ifacedir.format`` frames files (containers, module directories); this package says
what the files of each phase hold and reads them back as the compiler's own values:

* ``model``: the pydantic models of the payloads' non-tree parts (``TcMeta``);
* ``tcfile``: the ``tc`` phase file: ``write_tc``, ``open_tc``, ``read_tc``.
"""
