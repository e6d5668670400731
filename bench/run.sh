#!/usr/bin/env bash
# The valuation benchmark, in one command (see bench/README.md):
#
#   bash bench/run.sh           full run: 100, 1,000 and 10,000 items; writes bench/RESULTS.md and bench/latency.png
#   bash bench/run.sh --quick   development run: 100 and 500 items, short throughput; writes bench/work/ only
#
# Builds the production jar and the bench's classes (./mvnw -Pbench) if needed, recreates the bench
# database, lets the service's Flyway create the schema, loads the data, counts statements per request
# (service behind a counting proxy), times the network case (the same proxy adding latency), then times the service, the database floor and the N+1 baseline
# (service straight on PostgreSQL).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
WORK=$BENCH/work
STARTED=$(date +%s)

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

DB_NAME=${BENCH_DB:-bullion_bench}
SEED=${BENCH_SEED:-0.42}
CATALOG=20000
SERVICE_PORT=${BENCH_SERVICE_PORT:-18080}
PROXY_PORT=${BENCH_PROXY_PORT:-15433}
PROXY_CONTROL_PORT=${BENCH_PROXY_CONTROL_PORT:-15434}
ISSUER=https://bench.bullion-tracker.local
if [ "$quick" = 1 ]; then
  SIZES=100,500
  PORTFOLIO_SIZES=500
  REFRESH_USERS=100
  RESULTS=$WORK/RESULTS.md
  CHART=$WORK/latency.png
else
  SIZES=100,1000,10000
  # The portfolio routes: history at both sizes, the summaries at the largest.
  PORTFOLIO_SIZES=1000,10000
  # The refresh's own users, 100 guide_price items each: 100,000 items across 1,000 users.
  REFRESH_USERS=1000
  RESULTS=$BENCH/RESULTS.md
  CHART=$BENCH/latency.png
fi
JAR=target/quarkus-app/quarkus-run.jar
# Written after each build by this script: a plain ./mvnw package since then leaves the bench's classes
# compiled against older service classes (whose SQL constants javac inlined), so it triggers a rebuild.
BUILT=target/bench-classes.built
BENCH_CP="target/quarkus-app/lib/main/*:target/quarkus-app/app/*:target/bench-classes"
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -X -q -v ON_ERROR_STOP=1)

log() { printf '\n==> [%3ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }
die() { echo "bench: $*" >&2; exit 1; }

# ---- Processes this script starts, stopped on any exit ----
service_pid=""
proxy_pid=""
stop() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$service_pid"
  stop "$proxy_pid"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_service <reactive database url> <log name>: the production jar, waited on until ready.
start_service() {
  local url=$1 name=$2
  QUARKUS_DATASOURCE_REACTIVE_URL=$url \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$WORK/jwt-public.pem \
    MP_JWT_VERIFY_ISSUER=$ISSUER \
    QUARKUS_HTTP_PORT=$SERVICE_PORT \
    java -jar "$JAR" >"$WORK/service-$name.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$SERVICE_PORT/q/health/ready"; then
      return 0
    fi
    if ! kill -0 "$service_pid" 2>/dev/null; then
      tail -n 40 "$WORK/service-$name.log" >&2
      die "the service exited during start-up (log: $WORK/service-$name.log)"
    fi
    sleep 0.5
  done
  tail -n 40 "$WORK/service-$name.log" >&2
  die "the service was not ready within 120 s (log: $WORK/service-$name.log)"
}

# ---- 1. Preconditions ----
log "checking tools, PostgreSQL and ports"
for tool in java jcmd psql createdb dropdb pg_isready curl openssl; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL is down: starting it"
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "${version:-15}" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL did not come up on 127.0.0.1:5432"
fi
for port in "$SERVICE_PORT" "$PROXY_PORT" "$PROXY_CONTROL_PORT"; do
  port_in_use "$port" && die "port $port is in use (set BENCH_SERVICE_PORT / BENCH_PROXY_PORT / BENCH_PROXY_CONTROL_PORT)"
done
mkdir -p "$WORK"
rm -f "$WORK/counts.properties" "$WORK/network.properties"

# ---- 2. The production jar and the bench's classes, one Maven build (when missing or older than the sources) ----
BUILD_SECONDS=-1
if [ ! -f "$JAR" ] || [ ! -f "$BUILT" ] || [ -n "$(find src bench/src pom.xml "$JAR" -newer "$BUILT" -print -quit)" ]; then
  log "building the production jar and bench/src (./mvnw -Pbench package -DskipTests)"
  build_start=$(date +%s)
  rm -f "$BUILT"
  ./mvnw -q -B -Pbench package -DskipTests
  touch "$BUILT"
  BUILD_SECONDS=$(($(date +%s) - build_start))
else
  log "production jar and bench classes are up to date"
fi

# ---- 3. A signing key pair for this run's tokens (the service trusts the public half) ----
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"

# ---- 4. A fresh database; the service's Flyway creates the schema on its first start ----
log "recreating database $DB_NAME"
dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB_NAME"
createdb -h 127.0.0.1 -U postgres "$DB_NAME"

log "starting the statement-counting proxy (:$PROXY_PORT -> :5432) and the service behind it"
java -cp "$BENCH_CP" io.bulliontracker.bench.CountingProxy \
  "$PROXY_PORT" 127.0.0.1 5432 "$PROXY_CONTROL_PORT" >"$WORK/proxy.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 1 50); do port_in_use "$PROXY_CONTROL_PORT" && break; sleep 0.2; done
port_in_use "$PROXY_CONTROL_PORT" || die "the proxy did not start (log: $WORK/proxy.log)"
start_service "postgresql://127.0.0.1:$PROXY_PORT/$DB_NAME" counting
grep -o 'Successfully applied [0-9]* migrations[^(]*' "$WORK/service-counting.log" || true

# ---- 5. Data, set-based and seeded ----
log "loading data: $CATALOG coins, users with $SIZES items, portfolios of $PORTFOLIO_SIZES, $REFRESH_USERS refresh users, seed $SEED"
"${PSQL[@]}" -d "$DB_NAME" -v seed="$SEED" -v sizes="$SIZES" -v catalog="$CATALOG" \
  -v portfolio_sizes="$PORTFOLIO_SIZES" -v refresh_users="$REFRESH_USERS" -f "$BENCH/sql/load-data.sql"
"${PSQL[@]}" -d "$DB_NAME" -c 'VACUUM ANALYZE'

BENCH_ARGS=(
  --db-name="$DB_NAME" --proxy-port="$PROXY_PORT" --proxy-control-port="$PROXY_CONTROL_PORT"
  --service-url="http://127.0.0.1:$SERVICE_PORT" --issuer="$ISSUER" --private-key="$WORK/jwt-private.pem"
  --sizes="$SIZES" --portfolio-sizes="$PORTFOLIO_SIZES" --refresh-users="$REFRESH_USERS" --network-delays-micros=1000,5000
  --quick=$([ "$quick" = 1 ] && echo true || echo false) --seed="$SEED"
  --work-dir="$WORK" --results="$RESULTS" --chart="$CHART"
  --git-commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" --started="$STARTED" --build-seconds="$BUILD_SECONDS"
)

# ---- 6. Statements per request and fairness checks, through the proxy ----
log "counting statements per request and checking that service, floor and N+1 agree"
java -cp "$BENCH_CP" io.bulliontracker.bench.Bench count "${BENCH_ARGS[@]}"

# ---- 7. The network case: the same proxy, now with a latency on every round trip ----
log "the network case: service and N+1 with +1 ms and +5 ms per round trip"
java -cp "$BENCH_CP" io.bulliontracker.bench.Bench network "${BENCH_ARGS[@]}"

# ---- 8. Timing, with the service straight on PostgreSQL ----
log "restarting the service without the proxy"
stop "$service_pid"
service_pid=""
stop "$proxy_pid"
proxy_pid=""
start_service "postgresql://127.0.0.1:5432/$DB_NAME" timing

log "timing service, database floor and N+1 baseline"
java -cp "$BENCH_CP" io.bulliontracker.bench.Bench measure "${BENCH_ARGS[@]}" --service-pid="$service_pid"

# ---- 9. Where the service's CPU goes: the throughput run again, under Java Flight Recorder ----
# Separate from the measured run, so the recording's overhead is not in its requests per second.
log "profiling the throughput run with Java Flight Recorder (jcmd JFR.start, settings=profile)"
rm -f "$WORK/throughput.jfr"
jcmd "$service_pid" JFR.start name=bench-throughput settings=profile >/dev/null
java -cp "$BENCH_CP" io.bulliontracker.bench.Bench profile "${BENCH_ARGS[@]}" --service-pid="$service_pid"
jcmd "$service_pid" JFR.stop name=bench-throughput filename="$WORK/throughput.jfr" >/dev/null
java -cp "$BENCH_CP" io.bulliontracker.bench.Bench profile-report "${BENCH_ARGS[@]}"

stop "$service_pid"
service_pid=""
log "done in $(($(date +%s) - STARTED)) s: ${RESULTS#"$ROOT"/} and ${CHART#"$ROOT"/}"
