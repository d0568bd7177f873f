#!/usr/bin/env bash
# Load test of the chat-settings endpoint on the loopback address (bounded in count and time): an
# application with the endpoint on (the starter's EndpointApplication, embedded Tomcat on a random
# port of 127.0.0.1), four logged-in sessions of different users and a visitor without a session,
# requests in turn over keep-alive connections. Every answer is checked (status, body = that
# session's user's settings, Cache-Control); the endpoint's throughput is measured beside /ping, a
# trivial JSON endpoint of the same application, in alternating rounds of the same run.
#
#   benchmarks/endpoint-load.sh                  7 rounds of 20,000 requests per endpoint over 8
#                                                connections, after 3 unrecorded rounds of warm-up:
#                                                about 1.5 minutes on 2 cores
#   benchmarks/endpoint-load.sh REQUESTS CONNECTIONS ROUNDS [WARM-UP ROUNDS]
#
# Prints one line per round (both throughputs and their ratio, and the CPU time per request of the
# test JVM, server and client, which other processes on a shared machine hardly move) and the
# medians with their ranges; the same goes to spring-boot-starter/target/endpoint-load.md. Exits non-zero on any wrong answer. Each round
# stops after 60 s at the latest.
set -euo pipefail

requests="${1:-20000}"
connections="${2:-8}"
rounds="${3:-7}"
warm_up="${4:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the start =="
result=spring-boot-starter/target/endpoint-load.md
log=spring-boot-starter/target/endpoint-load.log
mkdir -p spring-boot-starter/target
rm -f "$result"
if ! mvn -B -ntp -pl spring-boot-starter -am verify -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='ChatSettingsEndpointHttpTest#throughputBesideATrivialJsonEndpoint' -Dgroups=load -DexcludedGroups= \
    -Dload.requests="$requests" -Dload.connections="$connections" -Dload.rounds="$rounds" -Dload.warm-up-rounds="$warm_up" > "$log" 2>&1; then
  grep -E 'wrong answers|Expect|ERROR' "$log" | head -n 20 >&2 || true
  echo "endpoint-load.sh: the load test failed; see $log" >&2
  exit 1
fi
cat "$result"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end =="
