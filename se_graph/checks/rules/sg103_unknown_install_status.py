"""An installation status is missing or not Active, Dormant or Mixed.

Each EPCL entry is one DMC at one installation status, so the status decides
which entry a row is and which Clause 20.9 rules apply.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.UNKNOWN_INSTALL_STATUS
NAME = CODE.rule_name
SEVERITY = Severity.ERROR
check = passed_on(CODE)
