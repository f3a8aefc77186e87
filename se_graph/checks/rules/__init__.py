"""The rules, one module each, named after the rule's code and name
(``sg201_se_no_parent``).  Each module's docstring is the rule's user
documentation (its first paragraph the summary ``se-graph rules`` shows); it
defines ``CODE``, ``NAME``, ``SEVERITY`` (the default) and ``check(ctx)``,
which yields ``(entry id, message, location)`` for each finding.  The codes and
names of what ingest finds are defined in ``se_graph.model.codes.InputCode``;
their modules read them from there and pass on what ingest found."""
