"""An Installations or Devices count is negative or not a whole number.

The count is ignored, so the audit's totals leave the entry out.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.BAD_COUNT
NAME = CODE.rule_name
SEVERITY = Severity.ERROR
check = passed_on(CODE)
