#!/usr/bin/env bash
# The action's validate step: annotations on stdout (--format github), a JUnit
# file and the step summary in Markdown, and the audit folder when asked for.
# Exit status: validate's (0 valid, 1 findings fail it, 2 unusable input).
# SE_GRAPH overrides the command (the tests run this script with the checkout's).
set -uo pipefail
read -r -a se_graph <<< "${SE_GRAPH:-se-graph}"
read -r -a paths <<< "${INPUT_PATHS:?the action needs paths: workbooks or folders}"
read -r -a args <<< "${INPUT_ARGS:-}"
read -r -a audit_args <<< "${INPUT_AUDIT_ARGS:-}"
out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/se-graph-$$"
mkdir -p "$out"

"${se_graph[@]}" validate "${paths[@]}" "${args[@]}" --format github
code=$?
if [ "$code" -ge 2 ]; then
  echo "::error title=se-graph::se-graph could not use the inputs (exit $code); the lines above say why."
  exit "$code"
fi
"${se_graph[@]}" validate "${paths[@]}" "${args[@]}" --format junit --output "$out/junit.xml" 2>/dev/null
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  "${se_graph[@]}" validate "${paths[@]}" "${args[@]}" --format markdown >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${INPUT_AUDIT_FOLDER:-}" ]; then
  "${se_graph[@]}" audit "${paths[@]}" "${audit_args[@]}" --output "$INPUT_AUDIT_FOLDER" > /dev/null
  audit_code=$?
  if [ "$audit_code" -ge 2 ]; then
    echo "::error title=se-graph audit::the audit could not be written (exit $audit_code); the lines above say why."
    exit "$audit_code"
  fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "junit=$out/junit.xml"
    echo "audit-folder=${INPUT_AUDIT_FOLDER:-}"
    echo "valid=$([ "$code" -eq 0 ] && echo true || echo false)"
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
