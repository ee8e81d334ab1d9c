#!/usr/bin/env bash
# Runs a built steerflow WAR on Payara Micro outside Maven, e.g. on a server:
#   deploy/steerflow.sh /path/to/payara-micro.jar target/steerflow.war
# Settings come from the environment (MicroProfile Config reads it):
#   STEERFLOW_DATA_DIR   where the Derby database lives (default ./data)
#   STEERFLOW_PORT       HTTP port (default 8080)
#   STEERFLOW_DEMO=true  load the demo organisation into an empty database (never in production)
set -euo pipefail
PAYARA_JAR=${1:?path to payara-micro.jar}
WAR=${2:?path to steerflow.war}
exec java -Xmx768m \
  -Dderby.storage.pageCacheSize=4000 -Dderby.storage.fileCacheSize=1000 -Dderby.storage.checkpointInterval=134217728 \
  -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot / \
  --port "${STEERFLOW_PORT:-8080}" --nohazelcast
