#!/usr/bin/env bash
# Installs se-graph from the action's own checkout (the version the workflow pinned).
set -euo pipefail
python -m pip install --quiet --disable-pip-version-check "${GITHUB_ACTION_PATH:?}"
se-graph --version
