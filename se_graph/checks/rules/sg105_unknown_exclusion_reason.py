"""A reason for exclusion is missing or not in the vocabulary.

Known: Substantive Equivalence (SE, Substantively Equivalent, Child DMC);
Uneconomic (to Test); Firmware/FW Upgrade, To Be Upgraded; Covered by
Dormant, Clause 20.9; No Installations, Other.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.UNKNOWN_EXCLUSION_REASON
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
