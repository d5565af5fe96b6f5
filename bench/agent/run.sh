#!/usr/bin/env bash
# bench/agent: a Baton agent (bench/Baton.Bench.Agent, no-op handler for a Custom action type)
# against the Baton emulator in another process on 127.0.0.1:
#   (a) jobs/s and CodePipeline calls per job step while one agent drains a backlog of PARALLEL
#       executions (target <= 2.2 calls per job step);
#   (b) many executions continuing at once (checkAfter, several steps each): agent working set
#       and each step's delay beyond its notBefore (p50/p99);
#   (c) idle: calls per minute with no work;
#   (d) the emulator's own no-op capacity (wrk, PollForJobs on an empty queue) in the same run.
#
# Usage: bench/agent/run.sh
# Settings (environment): EXECUTIONS (1000), CONCURRENCY (1000, slots of the (a) agent),
#   CONTINUING (10000), STEPS (10), CHECK_AFTER (1s), IDLE (60s), PHASE_TIMEOUT (600s),
#   CAPACITY_DURATION (10s), CONNECTIONS (64), THREADS (2),
#   BATON_BENCH_ARTIFACTS (build output; default ${TMPDIR:-/tmp}/baton-bench-agent),
#   RESULTS (default bench/agent/results-latest.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
executions="${EXECUTIONS:-1000}"
concurrency="${CONCURRENCY:-1000}"
continuing="${CONTINUING:-10000}"
steps="${STEPS:-10}"
check_after="${CHECK_AFTER:-1s}"
idle="${IDLE:-60s}"
phase_timeout="${PHASE_TIMEOUT:-600s}"
capacity_duration="${CAPACITY_DURATION:-10s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
artifacts="${BATON_BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/baton-bench-agent}"
results="${RESULTS:-$here/results-latest.md}"
content_type='application/x-amz-json-1.1'

fail() { echo "bench/agent: $*" >&2; exit 1; }

started_at="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
cpus="$(nproc)"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
echo "== load average at start: $load_at_start ($cpus CPUs)"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null || fail "apt-get install wrk failed."
fi
for tool in wrk curl dotnet python3; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed."
done

echo "== building (Release, artifacts in $artifacts)"
dotnet build "$root/src/Baton.Emulator/Baton.Emulator.csproj" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null \
  || fail "building src/Baton.Emulator failed; run: dotnet build src/Baton.Emulator -c Release --artifacts-path $artifacts"
dotnet build "$root/bench/Baton.Bench.Agent/Baton.Bench.Agent.csproj" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null \
  || fail "building bench/Baton.Bench.Agent failed; run: dotnet build bench/Baton.Bench.Agent -c Release --artifacts-path $artifacts"
emulator_dll="$artifacts/bin/Baton.Emulator/release/Baton.Emulator.dll"
bench_dll="$artifacts/bin/Baton.Bench.Agent/release/Baton.Bench.Agent.dll"
[[ -f "$emulator_dll" && -f "$bench_dll" ]] || fail "build output missing: $emulator_dll or $bench_dll"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port/"
logs="$(mktemp -d)"
emulator_pid=""
driver_pid=""
cleanup() {
  # The driver stops its agent processes itself on SIGTERM.
  [[ -n "$driver_pid" ]] && kill "$driver_pid" 2>/dev/null && wait "$driver_pid" 2>/dev/null
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$logs"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== starting the emulator on $url (--in-memory --auth none)"
dotnet "$emulator_dll" --port "$port" --in-memory --auth none >"$logs/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 120); do
  curl -s --max-time 1 -o /dev/null "${url}_baton/health" && break
  sleep 0.5
done
curl -sf --max-time 2 -o /dev/null "${url}_baton/health" || { cat "$logs/emulator.log" >&2; fail "the emulator did not answer on $url within 60 s."; }

echo "== (d) emulator no-op capacity: wrk PollForJobs on an empty queue, $capacity_duration, $connections connections"
curl -sf --max-time 5 -o /dev/null -X POST "$url" -H "X-Amz-Target: CodePipeline_20150709.CreateCustomActionType" -H "Content-Type: $content_type" \
  --data-binary '{"category":"Build","provider":"BatonBenchCapacity","version":"1","inputArtifactDetails":{"minimumCount":0,"maximumCount":1},"outputArtifactDetails":{"minimumCount":0,"maximumCount":1}}' \
  || fail "CreateCustomActionType for the capacity measurement failed."
wrk -t "$threads" -c "$connections" -d 3s -s "$here/poll.lua" "$url" >/dev/null # warm-up (JIT)
wrk_out="$(wrk -t "$threads" -c "$connections" -d "$capacity_duration" -s "$here/poll.lua" "$url")"
! grep -q 'Non-2xx' <<<"$wrk_out" || fail "non-2xx answers while measuring the emulator's capacity: $wrk_out"
capacity="$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")"
echo "   $capacity req/s"

echo "== running the agent scenarios"
dotnet "$bench_dll" drive --endpoint "$url" --executions "$executions" --concurrency "$concurrency" \
  --continuing "$continuing" --steps "$steps" --check-after "$check_after" --idle "$idle" \
  --phase-timeout "$phase_timeout" --emulator-capacity "$capacity" --emulator-pid "$emulator_pid" --results "$logs/table.md" &
driver_pid=$!
wait "$driver_pid" || { driver_pid=""; tail -20 "$logs/emulator.log" >&2; fail "the benchmark driver failed (its message is above)."; }
driver_pid=""
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# bench/agent — latest results"
  echo
  echo "A Baton agent (\`bench/Baton.Bench.Agent\`, no-op handler for a Custom action type, default agent"
  echo "options: SQLite journal, sealed continuation tokens) against the Baton emulator (\`--in-memory --auth none\`),"
  echo "each in its own process on 127.0.0.1. Calls are counted by operation by the emulator (\`/_baton/metrics\`)."
  echo "Produced by \`bench/agent/run.sh\`."
  echo
  cat "$logs/table.md"
  echo
  echo "## Run"
  echo
  echo "- Date: $started_at"
  echo "- Machine: $cpus CPUs ($cpu_model); load average at start $load_at_start, at end $load_at_end"
  echo "- .NET SDK $(dotnet --version), emulator and agent built in Release; $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- Settings: EXECUTIONS=$executions CONCURRENCY=$concurrency CONTINUING=$continuing STEPS=$steps CHECK_AFTER=$check_after IDLE=$idle"
  echo "- Emulator, agent and load generator share the same CPUs."
  if python3 -c "import sys; sys.exit(0 if float('${load_at_start%% *}') > $cpus else 1)"; then
    echo "- **The machine was busy with other work** (1-minute load average ${load_at_start%% *} on $cpus CPUs):"
    echo "  rerun on an idle machine before drawing conclusions."
  fi
} >"$results"
cat "$results"
echo "== results written to ${results#"$root"/}"
