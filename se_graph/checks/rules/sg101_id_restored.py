"""An EPCL ID was stored as a number and its leading zeros were restored.

Excel turns `002255` into the number 2255 unless the cell is text. se-graph
restores the zeros to six digits and reads on; store the IDs as text so the
published list shows them as the DCC writes them.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.ID_RESTORED
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
