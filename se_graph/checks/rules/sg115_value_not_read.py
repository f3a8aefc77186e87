"""A cell's value could not be read as its workbook stores it, and the reader kept an error value instead.

For example a cell formatted as a date whose number is outside the dates a
workbook can hold. The finding names the cell; correct it in the workbook
and save it again. Only what a reader says about the cells of a sheet
becomes a finding; its other notes (unsupported extensions, missing
styles) change no value and are shown only with `--debug`.
"""

from se_graph.checks.shared import passed_on
from se_graph.model import InputCode, Severity

CODE = InputCode.VALUE_NOT_READ
NAME = CODE.rule_name
SEVERITY = Severity.WARNING
check = passed_on(CODE)
