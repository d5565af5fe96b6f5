#!/usr/bin/env bash
# Captures the README's console screenshots into docs/images/.
#
# Builds the baton command, starts `baton demo --keep`, waits for the console URL and, while the
# pipeline's load-test action runs and after it finished, captures PNGs with headless Chromium.
# When `baton demo` is not available in the build (exit code 3) or prints no console URL, the
# script sets the same story up by hand: `baton emulator`, `baton loadtest serve`, the load-test
# action type registered with `baton action register`, a pipeline created with the AWS CLI and
# `baton agent` running the load-test handler.
#
# Usage: eng/screenshots.sh [--no-build]
#   BATON_BUILD_DIR   where to build (default /tmp/baton-screenshots-build)
#   BATON_SCREENSHOT_MODE=manual   skip `baton demo` and always set the pipeline up by hand
# Needs: the .NET SDK, python3, chromium, and for the manual set-up the AWS CLI (`aws`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BATON_BUILD_DIR:-/tmp/baton-screenshots-build}"
images="$root/docs/images"
work="$(mktemp -d)"
max_png_bytes=$((300 * 1024))
pids=()

log() { printf '[screenshots] %s\n' "$*" >&2; }

cleanup() {
  # SIGINT, as Ctrl-C: `baton demo --keep` waits for exactly that; then SIGKILL after 30 s.
  for pid in "${pids[@]}"; do
    kill -INT "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 30))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# ---- build -------------------------------------------------------------------------------------
if [[ "${1:-}" != "--no-build" ]]; then
  log "building src/Baton.Cli into $build_dir"
  dotnet build "$root/src/Baton.Cli" --artifacts-path "$build_dir" -v quiet --nologo >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
fi
baton_dll="$build_dir/bin/Baton.Cli/debug/baton.dll"
[[ -f "$baton_dll" ]] || { log "no $baton_dll; build first (run without --no-build)"; exit 1; }
# An array, not a function: a background job started from it has the dotnet process's own pid.
baton=(dotnet "$baton_dll")

# Waits (at most $2 seconds) until file $1 has a line matching regex $3; prints the first match.
wait_for_line() {
  local file="$1" seconds="$2" pattern="$3" deadline=$((SECONDS + $2)) match
  while ((SECONDS < deadline)); do
    match="$(grep -Eo "$pattern" "$file" 2>/dev/null | head -n 1 || true)"
    if [[ -n "$match" ]]; then
      printf '%s\n' "$match"
      return 0
    fi
    sleep 1
  done
  log "no line matching '$pattern' in $file after ${seconds}s:"
  cat "$file" >&2 || true
  return 1
}

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_ENDPOINT_URL_CODEPIPELINE AWS_ENDPOINT_URL_S3 || true

# ---- the story: `baton demo --keep`, or the same pipeline set up by hand -----------------------
start_demo() {
  log "starting baton demo --keep"
  "${baton[@]}" demo --keep --duration 60s >"$work/demo.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  local deadline=$((SECONDS + 120))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "baton demo exited early:"
      cat "$work/demo.log" >&2
      return 1
    fi
    if grep -Eq 'Console: +http' "$work/demo.log"; then
      console_url="$(grep -Eo 'Console: +http[^ ]+' "$work/demo.log" | head -n 1 | awk '{print $2}')"
      endpoint="$(grep -Eo 'Emulator: +http://127\.0\.0\.1:[0-9]+' "$work/demo.log" | head -n 1 | awk '{print $2}')"
      return 0
    fi
    sleep 1
  done
  log "baton demo printed no console URL in 120 s"
  return 1
}

start_by_hand() {
  log "setting the pipeline up by hand: emulator, load-test service, action type, pipeline, agent"
  "${baton[@]}" emulator --port 0 >"$work/emulator.log" 2>&1 &
  pids+=("$!")
  endpoint="$(wait_for_line "$work/emulator.log" 120 'http://127\.0\.0\.1:[0-9]+')"
  console_url="$endpoint/console"

  "${baton[@]}" loadtest serve --port 0 --in-memory >"$work/loadtest.log" 2>&1 &
  pids+=("$!")
  local service
  service="$(wait_for_line "$work/loadtest.log" 120 'http://127\.0\.0\.1:[0-9]+/')"

  # The shipped definition as docs/aws.md adapts it for a custom action: real URLs, no sign-up page.
  sed -e "s#{service}/#$service#g" -e '/thirdPartyConfigurationUrl/d' \
      -e 's#"executionUrlTemplate": "\(.*\)",#"executionUrlTemplate": "\1"#' \
      "$root/src/Baton.LoadTest/ActionType/loadtest-action-type.json" >"$work/action-type.json"
  "${baton[@]}" action register --file "$work/action-type.json" --endpoint-url "$endpoint" >&2

  python3 - "$work/app.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("index.html", "<h1>Hello from the sample app</h1>\n")
PY
  aws --endpoint-url "$endpoint" s3 mb s3://baton-source >/dev/null
  aws --endpoint-url "$endpoint" s3 mb s3://baton-artifacts >/dev/null
  aws --endpoint-url "$endpoint" s3 cp "$work/app.zip" s3://baton-source/app.zip >/dev/null

  pipeline="baton-demo"
  cat >"$work/pipeline.json" <<JSON
{
  "pipeline": {
    "name": "$pipeline",
    "roleArn": "arn:aws:iam::123456789012:role/baton-demo",
    "artifactStore": { "type": "S3", "location": "baton-artifacts" },
    "stages": [
      { "name": "Source", "actions": [ {
          "name": "Source",
          "actionTypeId": { "category": "Source", "owner": "AWS", "provider": "S3", "version": "1" },
          "configuration": { "S3Bucket": "baton-source", "S3ObjectKey": "app.zip", "PollForSourceChanges": "false" },
          "outputArtifacts": [ { "name": "SourceOutput" } ] } ] },
      { "name": "LoadTest", "actions": [ {
          "name": "LoadTest",
          "actionTypeId": { "category": "Test", "owner": "Custom", "provider": "BatonLoadTest", "version": "1" },
          "configuration": {
            "TargetUrl": "$service", "Duration": "60s", "Rate": "20",
            "Thresholds": "p95<500ms; errors<1%", "ApiKey": "baton-demo-key" },
          "inputArtifacts": [ { "name": "SourceOutput" } ] } ] },
      { "name": "Release", "actions": [ {
          "name": "Approve",
          "actionTypeId": { "category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1" } } ] }
    ]
  }
}
JSON
  aws --endpoint-url "$endpoint" codepipeline create-pipeline --cli-input-json "file://$work/pipeline.json" >/dev/null

  cat >"$work/agent.json" <<JSON
{
  "Baton": {
    "Agent": {
      "StateDirectory": "$work/agent-state",
      "Polling": { "IdlePollStart": "00:00:00.500", "IdlePollInterval": "00:00:02" }
    },
    "LoadTest": { "ServiceUrl": "$service", "ActionType": "Test/Custom/BatonLoadTest/1" },
    "CodePipeline": { "Region": "us-east-1", "EndpointUrl": "$endpoint" }
  }
}
JSON
  AWS_ENDPOINT_URL="$endpoint" "${baton[@]}" agent --config "$work/agent.json" >"$work/agent.log" 2>&1 &
  pids+=("$!")
  aws --endpoint-url "$endpoint" codepipeline start-pipeline-execution --name "$pipeline" >/dev/null
}

console_url="" endpoint="" pipeline=""
if [[ "${BATON_SCREENSHOT_MODE:-}" == "manual" ]] || ! start_demo; then
  start_by_hand
fi
[[ -n "$pipeline" ]] || pipeline="$(aws --endpoint-url "$endpoint" codepipeline list-pipelines \
  --query 'pipelines[0].name' --output text)"
log "console $console_url, pipeline $pipeline"

# ---- wait for the moments worth a picture -------------------------------------------------------
# Prints "<status> <percent> <details url>" of the pipeline's first job action (not source/approval).
action_state() {
  aws --endpoint-url "$endpoint" codepipeline get-pipeline-state --name "$pipeline" --output json | python3 -c '
import json, sys
state = json.load(sys.stdin)
for stage in state.get("stageStates", [])[1:]:
    for action in stage.get("actionStates", []):
        if action.get("actionName") == "Approve":
            continue
        latest = action.get("latestExecution") or {}
        print(latest.get("status", "-"), latest.get("percentComplete", 0), latest.get("externalExecutionUrl", "-"))
        sys.exit(0)
print("- 0 -")'
}

wait_for_action() { # $1: python condition on status/percent/url, $2: seconds
  local deadline=$((SECONDS + $2)) status percent url
  while ((SECONDS < deadline)); do
    read -r status percent url < <(action_state || echo "- 0 -")
    if python3 -c "import sys; status, percent, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]; sys.exit(0 if ($1) else 1)" \
      "$status" "$percent" "$url"; then
      details_url="$url"
      return 0
    fi
    sleep 1
  done
  log "the load-test action did not reach ($1) in $2 s; last: $status $percent $url"
  return 1
}

shoot() { # $1: file name, $2: URL
  local file="$images/$1"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$work/chromium" --window-size=1280,900 --screenshot="$file" "$2" >/dev/null 2>&1
  local size
  size="$(stat -c %s "$file")"
  log "$1: $size bytes ($2)"
  if ((size > max_png_bytes)); then
    log "$1 is larger than $max_png_bytes bytes"
    exit 1
  fi
}

mkdir -p "$images"
details_url=""
wait_for_action 'status == "InProgress" and percent >= 30 and url != "-"' 240
shoot console-pipeline-in-progress.png "$console_url/pipelines/$pipeline"
shoot loadtest-details.png "$details_url"
wait_for_action 'status in ("Succeeded", "Failed")' 240
execution_id="$(aws --endpoint-url "$endpoint" codepipeline list-pipeline-executions --pipeline-name "$pipeline" \
  --query 'pipelineExecutionSummaries[0].pipelineExecutionId' --output text)"
sleep 3 # let the next stage start, so the picture shows the approval (or the finished pipeline)
shoot console-pipeline-done.png "$console_url/pipelines/$pipeline"
shoot console-execution.png "$console_url/pipelines/$pipeline/executions/$execution_id"
log "done: $(ls "$images" | tr '\n' ' ')"
