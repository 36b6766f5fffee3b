"""The parsing phase: literate sources, the lexer, the layout rule and (later) the parser.

Read in pipeline order: ``literate`` (Report §10.4) turns a ``.lhs`` file into plain
source, ``lexer`` (Report chapter 2) turns source text into tokens, and ``layout``
(Report §10.3) inserts the virtual braces and semicolons while the parser drives it.
"""
