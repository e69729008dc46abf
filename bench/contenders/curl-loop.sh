#!/usr/bin/env bash
# Contender: what users write today in a `run:` step instead of the action. Triggers the
# workflow with curl, then sleeps and gets the run until it ends. Inputs as the runner passes
# `with:` inputs: INPUT_API-KEY, INPUT_BASE-URL, INPUT_WORKFLOW-ID, INPUT_INPUTS (a JSON list).
# POLL_SECONDS (default 10) sets the sleep. JSON is read with jq, or with node where jq is absent.
set -euo pipefail

api_key=$(printenv 'INPUT_API-KEY')
base_url=$(printenv 'INPUT_BASE-URL')
workflow_id=$(printenv 'INPUT_WORKFLOW-ID')
inputs=$(printenv 'INPUT_INPUTS' || true)
api="${base_url%/}/api/v1/apps/workflow-execution"

# field NAME: prints the top-level field NAME of the JSON on stdin (nothing when null or absent).
if command -v jq >/dev/null; then
  field() { jq -r --arg f "$1" '.[$f] // empty'; }
else
  field() { node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8"))[process.argv[1]]
    if (v != null) console.log(typeof v === "string" ? v : JSON.stringify(v, null, 2))' "$1"; }
fi

run=$(curl -fsS -X POST "$api/trigger" \
  -H "Authorization: Bearer $api_key" -H 'Content-Type: application/json' \
  -d "{\"workflow_configuration_id\": \"$workflow_id\", \"inputs\": ${inputs:-[]}}")
run_id=$(field run_id <<<"$run")
status=$(field status <<<"$run")
echo "Started run $run_id ($status)"

until [[ $status == completed || $status == failed || $status == cancelled ]]; do
  sleep "${POLL_SECONDS:-10}"
  run=$(curl -fsS -H "Authorization: Bearer $api_key" "$api/runs/$run_id")
  status=$(field status <<<"$run")
  echo "Run $run_id: $status"
done

delimiter="EOF_${RANDOM}${RANDOM}${RANDOM}"
{
  echo "status=$status"
  echo "run-id=$run_id"
  echo "output<<$delimiter"
  field output <<<"$run"
  echo "$delimiter"
} >>"$GITHUB_OUTPUT"

if [[ $status != completed ]]; then
  echo "::error::Run $run_id $status: $(field error <<<"$run")"
  exit 1
fi
