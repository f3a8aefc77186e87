"""A column of a recognised table matches no known field, so it was not read.

Reported once per table, with the nearest known header. Rename the header, or
map it to a field with `[aliases]` in the config file.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.UNKNOWN_COLUMN
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
