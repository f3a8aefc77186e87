"""No cohort was found for a table; its entries are in cohort `unknown`.

The cohort comes from a Cohort/SMSO column, else `--cohort`, else a cover
sheet cell labelled Cohort or SMSO. Parent and child must share a cohort.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.COHORT_UNKNOWN
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
