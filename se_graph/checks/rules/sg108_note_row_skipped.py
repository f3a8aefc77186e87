"""A note under the table (a row with a sentence and no EPCL ID) was skipped.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.NOTE_ROW
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
