"""An EPCL ID is not 1 to 6 digits.

The row is skipped: nothing can refer to it. Correct the ID.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.BAD_ID
NAME = CODE.rule_name
SEVERITY = Severity.ERROR
check = passed_on(CODE)
