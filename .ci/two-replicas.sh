#!/usr/bin/env bash
# Two replicas on one database: a dependency declared through replica A must show in replica B's lineage and
# impact at once, without restarting B. Starts target/quarkus-app/quarkus-run.jar twice (build it first with
# ./mvnw package -DskipTests), checks with curl, stops both. Exits non-zero on the first failed check.
#
# Database: whatever QUARKUS_DATASOURCE_* the caller exports (PostgreSQL: QUARKUS_DATASOURCE_JDBC_URL,
# QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD, with a jar built for db-kind postgresql). Without
# them, both replicas share a fresh embedded H2 file opened in AUTO_SERVER mode (the first process serves it to
# the second over TCP).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
PORT_A=${PORT_A:-18081}
PORT_B=${PORT_B:-18082}
TOKEN=${WATERSHED_AUTH_BOOTSTRAP_TOKEN:-two-replicas-admin-token}
WORK=$(mktemp -d)
PIDS=()

[ -f "$JAR" ] || { echo "FAIL: $JAR not found; build with ./mvnw package -DskipTests"; exit 2; }

stop() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap stop EXIT

if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/db/watershed;AUTO_SERVER=TRUE"
    echo "database: embedded H2 in AUTO_SERVER mode under $WORK/db"
else
    echo "database: $QUARKUS_DATASOURCE_JDBC_URL"
fi
export WATERSHED_AUTH_BOOTSTRAP_TOKEN="$TOKEN"
export WATERSHED_EXAMPLES_LOAD=false

start() { # name port
    WATERSHED_DATA_DIR="$WORK/$1" java -Xmx512m -Dquarkus.http.port="$2" -jar "$JAR" > "$WORK/$1.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 180); do
        if curl -fs "http://localhost:$2/q/health/ready" > /dev/null 2>&1; then
            echo "replica $1 up on port $2"
            return 0
        fi
        sleep 1
    done
    echo "FAIL: replica $1 did not start; its log:"; tail -50 "$WORK/$1.log"; exit 1
}

# One after the other, so that only A runs the Flyway migration.
start A "$PORT_A"
start B "$PORT_B"

A="http://localhost:$PORT_A/api/v1"
B="http://localhost:$PORT_B/api/v1"
call() { # method url [body]
    curl -s -o "$WORK/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' ${3:+-d "$3"} "$2"
}
check() { # description expected-status method url [body]
    local status
    status=$(call "$3" "$4" "${5:-}")
    if [ "$status" != "$2" ]; then
        echo "FAIL: $1: expected HTTP $2, got $status: $(cat "$WORK/body")"; exit 1
    fi
    echo "ok: $1 (HTTP $status)"
}
contains() { # description text
    if ! grep -q -- "$2" "$WORK/body"; then
        echo "FAIL: $1: response does not contain $2: $(cat "$WORK/body")"; exit 1
    fi
    echo "ok: $1"
}

SUFFIX=$RANDOM
TEAM="replicas-$SUFFIX"
check "create team on A" 201 POST "$A/teams" "{\"name\":\"$TEAM\",\"email\":\"$TEAM@example.org\"}"
check "register producer on A" 201 POST "$A/assets" \
    "{\"name\":\"replicas.orders-$SUFFIX\",\"kind\":\"SOURCE\",\"owner\":\"$TEAM\"}"
check "publish its contract on A" 201 POST "$A/assets/replicas.orders-$SUFFIX/contracts" \
    '{"format":"JSON_SCHEMA","schema":{"type":"object","properties":{"amount":{"type":"number"}}}}'
check "register consumer on B" 201 POST "$B/assets" \
    "{\"name\":\"replicas.revenue-$SUFFIX\",\"kind\":\"DATASET\",\"owner\":\"$TEAM\"}"
check "B's lineage of the consumer, before" 200 GET "$B/lineage/replicas.revenue-$SUFFIX?direction=upstream"
if grep -q "replicas.orders-$SUFFIX" "$WORK/body"; then echo "FAIL: dependency visible before it was made"; exit 1; fi

check "declare the dependency on A" 201 PUT "$A/assets/replicas.revenue-$SUFFIX/dependencies/replicas.orders-$SUFFIX" \
    '{"versionRange":"^1","fields":["amount"],"usage":"SERVING"}'
check "B's upstream lineage of the consumer" 200 GET "$B/lineage/replicas.revenue-$SUFFIX?direction=upstream"
contains "B's lineage shows the producer" "\"from\":\"replicas.orders-$SUFFIX\""
check "B's impact of changing the producer's amount" 200 GET "$B/assets/replicas.orders-$SUFFIX/impact?fields=amount"
contains "B's impact names the consumer" "\"name\":\"replicas.revenue-$SUFFIX\""
check "publish the consumer's contract on B" 201 POST "$B/assets/replicas.revenue-$SUFFIX/contracts" \
    '{"format":"JSON_SCHEMA","schema":{"type":"object","properties":{"revenue":{"type":"number"}}}}'
check "B refuses the reverse dependency as a cycle" 409 PUT \
    "$B/assets/replicas.orders-$SUFFIX/dependencies/replicas.revenue-$SUFFIX" '{}'
contains "the cycle is named" "DEPENDENCY_CYCLE"

# Contracts and assets are served from each replica's memory: read them on A first, so that A holds them.
check "A's latest contract of the producer, before" 200 GET "$A/assets/replicas.orders-$SUFFIX/contracts/latest"
contains "A's latest is 1.0.0" '"version":"1.0.0"'
check "A's producer, before" 200 GET "$A/assets/replicas.orders-$SUFFIX"
check "A's Confluent latest, before" 200 GET \
    "http://localhost:$PORT_A/apis/ccompat/v7/subjects/replicas.orders-$SUFFIX-value/versions/latest"
check "publish 1.1.0 on B" 201 POST "$B/assets/replicas.orders-$SUFFIX/contracts" \
    '{"format":"JSON_SCHEMA","schema":{"type":"object","properties":{"amount":{"type":"number"},"vat":{"type":"number"}}}}'
check "A's lineage after B's publish" 200 GET "$A/lineage/replicas.revenue-$SUFFIX?direction=upstream"
contains "A resolves the new version" '"resolvedVersion":"1.1.0"'
check "A's latest contract after B's publish" 200 GET "$A/assets/replicas.orders-$SUFFIX/contracts/latest"
contains "A's latest is B's 1.1.0 at once" '"version":"1.1.0"'
check "A's producer after B's publish" 200 GET "$A/assets/replicas.orders-$SUFFIX"
contains "A's producer shows 1.1.0" '"latestVersion":"1.1.0"'
check "A's Confluent latest after B's publish" 200 GET \
    "http://localhost:$PORT_A/apis/ccompat/v7/subjects/replicas.orders-$SUFFIX-value/versions/latest"
contains "A's Confluent latest is version 2" '"version":2'
check "A's 1.0.0, before its deprecation" 200 GET "$A/assets/replicas.orders-$SUFFIX/contracts/1.0.0"
check "deprecate 1.0.0 on B" 200 POST "$B/assets/replicas.orders-$SUFFIX/contracts/1.0.0/deprecate"
check "A's 1.0.0 after B deprecated it" 200 GET "$A/assets/replicas.orders-$SUFFIX/contracts/1.0.0"
contains "A shows the deprecation at once" '"status":"DEPRECATED"'

check "remove the dependency on B" 204 DELETE "$B/assets/replicas.revenue-$SUFFIX/dependencies/replicas.orders-$SUFFIX"
check "A's impact after the removal" 200 GET "$A/assets/replicas.orders-$SUFFIX/impact"
contains "A's impact is empty" '"impacted":\[\]'

echo "PASS: both replicas follow each other's writes"
