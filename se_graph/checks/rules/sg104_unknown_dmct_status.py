"""A DMCT status is missing or not in the vocabulary.

Known: Tested, Passed, Complete(d), Test Complete; Covered by Dormant,
Clause 20.9, Dormant Tested; In Test, In Progress, Scheduled, Not Started,
Planned; Failed, Test Failed; Excluded. The entry is treated as having no
status, so it is in no group; another row of the id with a different status
still disagrees with it (SG401). Add the word with care, or fix the cell.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.UNKNOWN_DMCT_STATUS
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
