"""A present device has no firmware version.

A device is present when its model is given; its firmware must be given too,
because equivalence and firmware upgrades are judged on it.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.MISSING_FIRMWARE
NAME = CODE.rule_name
SEVERITY = Severity.ERROR
check = passed_on(CODE)
