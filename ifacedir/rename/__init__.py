"""The renamer (Report chapter 5, §3.5, §4.4, §10.6): names as written to original names.

Entry points:

* ``rename_module(module, imports, package)`` (``rename``): one parsed module, renamed
  against the ``ModuleExports`` of the modules it imports; returns a ``RenamedModule``
  or raises ``SourceError`` with every diagnostic (codes ``R0xx``).
* ``rename_program(main, search_path)`` (``program``): finds, parses, orders and
  renames a whole program, with package base from ifacedir/lib/base.

Read in this order: ``env`` (the persisted data: ``Fixity``, ``Avail``,
``ModuleExports``), ``scope`` (the top-level environment and imports), ``context``
(the working state and lookup), ``binders`` (what patterns and binding groups bind,
and their checks), ``fixity`` (§10.6 re-association), ``types``, ``expr``, ``decls``,
``exports``, ``rename``, ``program``.
"""
