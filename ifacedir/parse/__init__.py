"""The parsing phase: literate sources, the lexer, the layout rule and the parser.

Read in pipeline order: ``literate`` (Report §10.4) turns a ``.lhs`` file into plain
source, ``lexer`` (Report chapter 2) turns source text into tokens, and ``layout``
(Report §10.3) inserts the virtual braces and semicolons while the parser drives it.
The parser's entry points are in ``parser`` (``parse_module``) and ``header``
(``parse_header``, for the driver's downsweep); its grammar is split by chapter into
``cursor`` (tokens, errors, blocks), ``types``, ``patterns``, ``expressions``,
``declarations`` and ``module``.
"""
