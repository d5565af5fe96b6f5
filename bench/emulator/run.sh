#!/usr/bin/env bash
# bench/emulator: requests/s of the Baton emulator's cheapest real operation (PollForJobs on an
# empty queue, --auth none, in memory) against a bare Kestrel endpoint that answers the same
# bytes, measured side by side with wrk in one run. Target: emulator >= 0.5 x baseline.
#
# Usage: bench/emulator/run.sh
# Settings (environment): ROUNDS (3), DURATION (10s), WARMUP (5s), CONNECTIONS (64), THREADS (2),
#   BATON_BENCH_ARTIFACTS (build output; default ${TMPDIR:-/tmp}/baton-bench-emulator),
#   RESULTS (default bench/emulator/results-latest.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-5s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
artifacts="${BATON_BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/baton-bench-emulator}"
results="${RESULTS:-$here/results-latest.md}"
lua="$here/poll.lua"
expected_body='{"jobs":[]}'
content_type='application/x-amz-json-1.1'
poll_target='CodePipeline_20150709.PollForJobs'
poll_body='{"actionTypeId":{"category":"Build","owner":"Custom","provider":"BatonBench","version":"1"},"maxBatchSize":1}'
create_body='{"category":"Build","provider":"BatonBench","version":"1","inputArtifactDetails":{"minimumCount":0,"maximumCount":1},"outputArtifactDetails":{"minimumCount":0,"maximumCount":1}}'

fail() { echo "bench/emulator: $*" >&2; exit 1; }

for tool in wrk curl dotnet python3; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed (wrk: apt-get install -y wrk)."
done

# Facts about the machine, taken before anything of ours runs.
started_at="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
cpus="$(nproc)"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
dotnet_version="$(dotnet --version)"
wrk_version="$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2 || true)"

echo "== building (Release, artifacts in $artifacts)"
dotnet build "$root/src/Baton.Emulator/Baton.Emulator.csproj" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null \
  || fail "building src/Baton.Emulator failed; run: dotnet build src/Baton.Emulator -c Release --artifacts-path $artifacts"
dotnet build "$here/Baton.Bench.KestrelBaseline/Baton.Bench.KestrelBaseline.csproj" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null \
  || fail "building bench/emulator/Baton.Bench.KestrelBaseline failed; run: dotnet build bench/emulator/Baton.Bench.KestrelBaseline -c Release --artifacts-path $artifacts"
emulator_dll="$artifacts/bin/Baton.Emulator/release/Baton.Emulator.dll"
baseline_dll="$artifacts/bin/Baton.Bench.KestrelBaseline/release/Baton.Bench.KestrelBaseline.dll"
[[ -f "$emulator_dll" && -f "$baseline_dll" ]] || fail "build output missing: $emulator_dll or $baseline_dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
emulator_port="$(free_port)"
baseline_port="$(free_port)"
while [[ "$baseline_port" == "$emulator_port" ]]; do baseline_port="$(free_port)"; done
emulator_url="http://127.0.0.1:$emulator_port/"
baseline_url="http://127.0.0.1:$baseline_port/"

logs="$(mktemp -d)"
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$logs"
}
trap stop_servers EXIT

echo "== starting emulator on $emulator_url and baseline on $baseline_url"
dotnet "$emulator_dll" --port "$emulator_port" --in-memory --auth none >"$logs/emulator.log" 2>&1 &
pids+=($!)
dotnet "$baseline_dll" "$baseline_port" >"$logs/baseline.log" 2>&1 &
pids+=($!)

# call URL TARGET BODY: prints "status content-type" on the first line and the body on the second.
call() {
  curl -sS --max-time 5 -o "$logs/body" -D "$logs/headers" -X POST "$1" \
    -H "X-Amz-Target: $2" -H "Content-Type: $content_type" --data-binary "$3" || return 1
  local status type
  status="$(head -1 "$logs/headers" | cut -d' ' -f2)"
  type="$(grep -i '^content-type:' "$logs/headers" | cut -d' ' -f2- | tr -d '\r')"
  printf '%s %s\n%s\n' "$status" "$type" "$(cat "$logs/body")"
}

wait_ready() { # NAME URL LOG
  for _ in $(seq 1 120); do
    if curl -s --max-time 1 -o /dev/null -X POST "$2" -H "X-Amz-Target: $poll_target" -H "Content-Type: $content_type" -d '{}'; then return 0; fi
    sleep 0.5
  done
  cat "$3" >&2
  fail "$1 did not answer on $2 within 60 s (its output is above)."
}
wait_ready emulator "$emulator_url" "$logs/emulator.log"
wait_ready baseline "$baseline_url" "$logs/baseline.log"

answer="$(call "$emulator_url" CodePipeline_20150709.CreateCustomActionType "$create_body")" \
  || fail "CreateCustomActionType did not get an answer from the emulator."
[[ "$(head -1 <<<"$answer")" == "200 $content_type" ]] \
  || fail "CreateCustomActionType answered '$answer'; expected 200 with an actionType."

# The no-op must be a real empty-queue poll on both sides: same status, type, header and body.
for side in emulator baseline; do
  url="$emulator_url"; [[ "$side" == baseline ]] && url="$baseline_url"
  answer="$(call "$url" "$poll_target" "$poll_body")" || fail "PollForJobs got no answer from the $side."
  [[ "$answer" == "200 $content_type"$'\n'"$expected_body" ]] \
    || fail "the $side answered PollForJobs with '$answer'; expected '200 $content_type' and body $expected_body."
  grep -qi '^x-amzn-RequestId: ' "$logs/headers" || fail "the $side's PollForJobs answer has no x-amzn-RequestId header."
done
echo "== both answer PollForJobs with 200 $content_type $expected_body"

# measure URL SECONDS: runs wrk and prints requests/s; fails on errors or non-2xx answers.
measure() {
  local out
  out="$(wrk -t "$threads" -c "$connections" -d "$2" --latency -s "$lua" "$1")" || fail "wrk failed against $1: $out"
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then fail "non-2xx answers from $1: $out"; fi
  if grep -q 'Socket errors' <<<"$out"; then echo "warning: socket errors against $1: $(grep 'Socket errors' <<<"$out")" >&2; fi
  grep '^Requests/sec:' <<<"$out" | awk '{print $2}'
}

echo "== warming up ($warmup each)"
measure "$emulator_url" "$warmup" >/dev/null
measure "$baseline_url" "$warmup" >/dev/null

echo "== measuring: $rounds rounds x $duration, $connections connections, $threads threads, alternating"
rows=()
ratios=()
printf '%-6s %15s %15s %8s\n' round "emulator req/s" "baseline req/s" ratio
for round in $(seq 1 "$rounds"); do
  emulator_rps="$(measure "$emulator_url" "$duration")"
  baseline_rps="$(measure "$baseline_url" "$duration")"
  ratio="$(python3 -c "print(f'{$emulator_rps / $baseline_rps:.3f}')")"
  ratios+=("$ratio")
  rows+=("| $round | $emulator_rps | $baseline_rps | $ratio |")
  printf '%-6s %15s %15s %8s\n' "$round" "$emulator_rps" "$baseline_rps" "$ratio"
done
median="$(printf '%s\n' "${ratios[@]}" | python3 -c 'import statistics,sys; print(f"{statistics.median(float(l) for l in sys.stdin):.3f}")')"
verdict="$(python3 -c "print('meets' if $median >= 0.5 else 'misses')")"
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "median ratio: $median ($verdict the target of 0.5)"

{
  echo "# bench/emulator — latest results"
  echo
  echo "Requests/s of PollForJobs on an empty queue (Baton emulator, \`--in-memory --auth none\`) against a"
  echo "bare Kestrel endpoint answering the same status, headers and bytes (\`{\"jobs\":[]}\`)."
  echo "Produced by \`bench/emulator/run.sh\`; target: ratio >= 0.5."
  echo
  echo "| round | emulator req/s | baseline req/s | ratio |"
  echo "|------:|---------------:|---------------:|------:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "**Median ratio: $median** ($verdict the target of 0.5)."
  echo
  echo "## Run"
  echo
  echo "- Date: $started_at"
  echo "- Machine: $cpus CPUs ($cpu_model); load average at start $load_at_start, at end $load_at_end"
  echo "- .NET SDK $dotnet_version, both servers built in Release; $wrk_version"
  echo "- wrk: $threads threads, $connections connections, $rounds rounds x $duration per target, alternating, after $warmup warm-up each; 127.0.0.1 only; nothing pinned"
  echo "- Load generator and both servers share the same CPUs, so the numbers compare the two servers, not absolute capacity."
  if python3 -c "import sys; sys.exit(0 if float('${load_at_start%% *}') > $cpus else 1)"; then
    echo "- **The machine was busy with other work** (1-minute load average ${load_at_start%% *} on $cpus CPUs): single rounds"
    echo "  swing widely; read the median ratio, and rerun on an idle machine before drawing conclusions."
  fi
} >"$results"
echo "== results written to ${results#"$root"/}"
