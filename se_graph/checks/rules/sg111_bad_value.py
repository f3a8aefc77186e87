"""A cell could not be read as its column's type and was ignored.

For example a Target FW that is not Y/N, or a Parent EPCL ID or FW Upgrade To
that is not an EPCL ID.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.BAD_VALUE
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
