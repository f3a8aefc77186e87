"""A row has data but no EPCL ID, so it was skipped.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.MISSING_ID
NAME = CODE.rule_name
SEVERITY = Severity.ERROR
check = passed_on(CODE)
