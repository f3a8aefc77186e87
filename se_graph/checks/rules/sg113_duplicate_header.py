"""Two columns of a header row map to the same field; the first is used.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.DUPLICATE_HEADER
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
