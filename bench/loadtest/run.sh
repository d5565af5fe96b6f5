#!/usr/bin/env bash
# bench/loadtest: maximum requests/s of Baton's load engine (closed model, socket HTTP/1.1 path)
# against wrk, h2load --h1, hey and ab -k, all against one private nginx on 127.0.0.1 with the
# same connection count and duration, in alternating rounds of one run; then the
# coordinated-omission check (constant rate while the nginx worker is stopped with SIGSTOP).
# Targets: Baton >= 0.8 x wrk and ahead of hey; corrected p99 near the analytic value.
#
# Usage: bench/loadtest/run.sh
# Settings (environment): ROUNDS (3), DURATION (10, seconds), CONNECTIONS (64), THREADS (2),
#   WARMUP (3, seconds of unmeasured Baton warm-up per round),
#   TOOLS ("baton baton-tasks wrk h2load hey ab"; baton is the closed model's event-loop path,
#   baton-tasks the task-per-user path, baton-inline the latter with the runtime's
#   DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1: socket continuations run on the epoll thread),
#   CO_RATE (2000), CO_DURATION (30), CO_PAUSE_AT (10), CO_PAUSE (1.4), SKIP_CO (0),
#   BATON_BENCH_ARTIFACTS (build output; default ${TMPDIR:-/tmp}/baton-bench-loadtest),
#   RESULTS (default bench/loadtest/results-latest.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
warmup="${WARMUP:-3}"
tools="${TOOLS:-baton baton-tasks wrk h2load hey ab}"
co_rate="${CO_RATE:-2000}"
co_duration="${CO_DURATION:-30}"
co_pause_at="${CO_PAUSE_AT:-10}"
co_pause="${CO_PAUSE:-1.4}"
skip_co="${SKIP_CO:-0}"
artifacts="${BATON_BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/baton-bench-loadtest}"
results="${RESULTS:-$here/results-latest.md}"

fail() { echo "bench/loadtest: $*" >&2; exit 1; }

started_at="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
cpus="$(nproc)"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
echo "== load average at start: $load_at_start ($cpus CPUs)"

# Missing tools come from Debian packages (never Debian's 'bombardier': an unrelated game).
need=()
command -v nginx >/dev/null || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
command -v h2load >/dev/null || need+=(nghttp2-client)
command -v hey >/dev/null || need+=(hey)
command -v ab >/dev/null || need+=(apache2-utils)
if ((${#need[@]})); then
  echo "== installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >/dev/null || fail "apt-get install ${need[*]} failed."
fi
for tool in nginx wrk h2load hey ab curl dotnet python3; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed."
done

echo "== building bench/Baton.Bench.LoadTest (Release, artifacts in $artifacts)"
dotnet build "$root/bench/Baton.Bench.LoadTest/Baton.Bench.LoadTest.csproj" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null \
  || fail "building bench/Baton.Bench.LoadTest failed; run: dotnet build bench/Baton.Bench.LoadTest -c Release --artifacts-path $artifacts"
baton_dll="$artifacts/bin/Baton.Bench.LoadTest/release/Baton.Bench.LoadTest.dll"
[[ -f "$baton_dll" ]] || fail "build output missing: $baton_dll"

work="$(mktemp -d)"
nginx_pid=""
cleanup() {
  if [[ -n "$nginx_pid" ]]; then
    # A stopped worker would never exit: continue it first.
    for child in $(pgrep -P "$nginx_pid" || true); do kill -CONT "$child" 2>/dev/null || true; done
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port/"
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  server {
    listen 127.0.0.1:$port;
    location / { default_type text/plain; return 200 "hello from nginx\n"; }
  }
}
CONF
echo "== starting nginx (1 worker) on $url"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -s --max-time 1 -o /dev/null "$url" && break
  sleep 0.1
done
[[ "$(curl -s --max-time 2 "$url")" == "hello from nginx" ]] || { cat "$work/logs/error.log" >&2; fail "nginx did not answer on $url."; }
worker_pid="$(pgrep -P "$nginx_pid" | head -1)"
[[ -n "$worker_pid" ]] || fail "no nginx worker process under $nginx_pid."

# measure TOOL: prints "requests/s cpu-microseconds-per-request" (0 and a warning on failure).
# CPU time (user + system) of the generator process comes from /usr/bin/time; for Baton from the
# process itself over the measured run only (its warm-up excluded). CPU per request is far less
# sensitive to other load on the machine than requests/s.
timed() { /usr/bin/time -f '%U %S' -o "$work/cpu" "$@"; }
measure() {
  local out rps cpu
  case "$1" in
    baton|baton-tasks|baton-inline)
            local inline=0 mode=closed-tasks
            [[ "$1" == baton-inline ]] && inline=1
            [[ "$1" == baton ]] && mode=closed
            out="$(DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=$inline dotnet "$baton_dll" "$mode" "$url" "$connections" "$duration" "$warmup" 2>&1)" || true
            rps="$(grep -o 'rps=[0-9]*' <<<"$out" | cut -d= -f2)"
            cpu="$(grep -o 'cpu_s=[0-9.]*' <<<"$out" | cut -d= -f2)"
            grep -q 'transport_errors=0 failed_responses=0' <<<"$out" || echo "warning: baton: $out" >&2 ;;
    wrk)    out="$(timed wrk -t "$threads" -c "$connections" -d "${duration}s" "$url" 2>&1)" || true
            rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
            ! grep -q 'Non-2xx\|Socket errors' <<<"$out" || echo "warning: wrk: $(grep 'Non-2xx\|Socket errors' <<<"$out")" >&2 ;;
    h2load) out="$(timed h2load --h1 -c "$connections" -t "$threads" -D "$duration" "$url" 2>&1)" || true
            rps="$(awk '/^finished in/ {gsub(",", "", $4); print $4}' <<<"$out")"
            grep -q ' 0 failed, 0 errored' <<<"$out" || echo "warning: h2load: $(grep '^requests:' <<<"$out")" >&2 ;;
    hey)    out="$(timed hey -c "$connections" -z "${duration}s" "$url" 2>&1)" || true
            rps="$(awk '/Requests\/sec:/ {print $2}' <<<"$out")"
            ! grep -q 'Error distribution' <<<"$out" || echo "warning: hey reported errors" >&2 ;;
    ab)     out="$(timed ab -k -q -c "$connections" -t "$duration" -n 100000000 "$url" 2>&1)" || true
            rps="$(awk '/^Requests per second:/ {print $4}' <<<"$out")"
            grep -q '^Failed requests: *0' <<<"$out" || echo "warning: ab: $(grep '^Failed requests' <<<"$out")" >&2 ;;
  esac
  if [[ -z "${rps:-}" ]]; then
    echo "warning: no requests/s from $1: $(tail -5 <<<"$out")" >&2
    rps=0
  fi
  [[ "$1" == baton* ]] || cpu="$(awk '{print $1 + $2}' "$work/cpu" 2>/dev/null || echo 0)"
  python3 -c "r=float('$rps'); c=float('${cpu:-0}' or 0); print(f'{r:.0f} {(c * 1e6 / (r * $duration)) if r else 0:.1f}')"
}

declare -A samples cpus_per_request
echo "== $rounds rounds x ${duration}s per tool, $connections connections, alternating: $tools"
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  for tool in $tools; do
    read -r rps cpu_us < <(measure "$tool")
    samples[$tool]="${samples[$tool]:-} $rps"
    cpus_per_request[$tool]="${cpus_per_request[$tool]:-} $cpu_us"
    line="$line $tool=$rps (${cpu_us} µs CPU/req)"
  done
  echo "$line"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | python3 -c 'import statistics,sys; print(round(statistics.median(float(l) for l in sys.stdin), 1))'; }
wrk_median="$(median "${samples[wrk]:-0}")"
table="| tool | command | req/s per round | median req/s | ÷ wrk | generator CPU µs/request (median) |"$'\n'"|---|---|---|---:|---:|---:|"
for tool in $tools; do
  med="$(median "${samples[$tool]}")"
  ratio="$(python3 -c "print(f'{$med / $wrk_median:.2f}' if $wrk_median else 'n/a')")"
  case "$tool" in
    baton)  cmd="Baton.Bench.LoadTest closed (engine, closed model, $connections VUs, socket HTTP/1.1 event loops, ${warmup}s warm-up)" ;;
    baton-tasks) cmd="Baton.Bench.LoadTest closed-tasks (the same on the task-per-user path)" ;;
    baton-inline) cmd="closed-tasks with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1" ;;
    wrk)    cmd="wrk -t$threads -c$connections -d${duration}s" ;;
    h2load) cmd="h2load --h1 -c$connections -t$threads -D$duration" ;;
    hey)    cmd="hey -c $connections -z ${duration}s" ;;
    ab)     cmd="ab -k -c $connections -t $duration" ;;
  esac
  table="$table"$'\n'"| $tool | \`$cmd\` | $(sed 's/^ //; s/ / \/ /g' <<<"${samples[$tool]}") | ${med%.0} | $ratio | $(median "${cpus_per_request[$tool]}") |"
  eval "median_${tool//-/_}=$med"
done
echo
echo "$table"
verdict=""
if [[ " $tools " == *" baton "* && " $tools " == *" wrk "* ]]; then
  verdict="$(python3 -c "
b, w, h = $median_baton, $wrk_median, ${median_hey:-0}
print(('meets' if b >= 0.8 * w else 'misses') + ' the target of 0.8 x wrk (' + f'{b / w:.2f}' + ')' + ('' if not h else (', ahead of hey' if b > h else ', behind hey')))")"
  echo "Baton: $verdict"
fi

co_line=""
if [[ "$skip_co" != 1 ]]; then
  echo "== coordinated-omission check: $co_rate req/s for ${co_duration}s, nginx worker $worker_pid stopped ${co_pause}s at ${co_pause_at}s"
  co_out="$(dotnet "$baton_dll" co "$url" "$co_rate" "$co_duration" "$worker_pid" "$co_pause_at" "$co_pause" 2>&1)" || fail "the coordinated-omission run failed: $co_out"
  echo "$co_out"
  get() { grep -oE "(^| )$1=[0-9.]*" <<<"$co_out" | cut -d= -f2; }
  # The analytic p99 for the nominal pause, and for the pause as measured (signals take time).
  analytic="$(python3 -c "p=$co_pause; d=$co_duration; print(f'{p * (1 - 0.01 / (p / d)) * 1000:.0f}')")"
  measured_pause="$(get paused_s)"
  analytic_measured="$(python3 -c "p=${measured_pause:-$co_pause}; d=$co_duration; print(f'{p * (1 - 0.01 / (p / d)) * 1000:.0f}')")"
  co_line="| $co_rate req/s, ${co_duration}s, worker stopped ${co_pause}s (measured $(get paused_s)s) | $(get corrected_p99_ms) ms | $(get uncorrected_p99_ms) ms | $analytic ms ($analytic_measured ms for the measured pause) | $(get achieved_rps) req/s, $(get errors) errors, $(get missed) missed |"
  echo "analytic p99: $analytic ms ($analytic_measured ms for the measured pause of ${measured_pause}s)"
fi
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# bench/loadtest — latest results"
  echo
  echo "Maximum requests/s against one nginx (1 worker, \`return 200\`, access_log off) on 127.0.0.1:"
  echo "$connections connections, ${duration}s per measurement, $rounds alternating rounds. Produced by"
  echo "\`bench/loadtest/run.sh\`; target: Baton ≥ 0.8 × wrk and ahead of hey."
  echo
  echo "$table"
  echo
  [[ -n "$verdict" ]] && echo "**Baton $verdict.**" && echo
  if [[ -n "$co_line" ]]; then
    echo "## Coordinated omission"
    echo
    echo "Open model, constant rate; the nginx worker is stopped (SIGSTOP) and continued (SIGCONT)."
    echo "Analytic p99 of the corrected latency: pause × (1 − 0.01 / (pause / duration))."
    echo
    echo "| run | corrected p99 | uncorrected p99 | analytic p99 | achieved |"
    echo "|---|---:|---:|---:|---|"
    echo "$co_line"
    echo
  fi
  echo "## Run"
  echo
  echo "- Date: $started_at"
  echo "- Machine: $cpus CPUs ($cpu_model); load average at start $load_at_start, at end $load_at_end"
  echo "- .NET SDK $(dotnet --version), Baton built in Release; $(nginx -v 2>&1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(h2load --version | head -1)"
  echo "- Generators and nginx share the same CPUs; compare the ratios, not absolute numbers."
  if python3 -c "import sys; sys.exit(0 if float('${load_at_start%% *}') > $cpus else 1)"; then
    echo "- **The machine was busy with other work** (1-minute load average ${load_at_start%% *} on $cpus CPUs):"
    echo "  rerun on an idle machine before drawing conclusions."
  fi
} >"$results"
echo "== results written to ${results#"$root"/}"
