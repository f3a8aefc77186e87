"""A totals row under the table was skipped.

Totals are computed by `se-graph audit`; a typed totals row is not an entry.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.TOTALS_ROW
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
