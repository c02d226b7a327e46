#!/bin/sh
# Registers Inmo's Temporal namespace and the search attributes the lead workflows set, then exits.
# Run by the temporal-namespace job (temporalio/admin-tools image, `temporal` CLI) once the server
# answers; safe to run again at any time: whatever exists is left as it is.
#
# Search attributes are stored unencrypted in Temporal's visibility database and shown to anyone with
# the Web UI: they carry a stage, a broker id and a time, never personal data (no names, phone numbers,
# e-mail addresses or message text). Keep it so when adding one.
#
# Environment: TEMPORAL_ADDRESS (host:port), TEMPORAL_NAMESPACE (default "default"),
# TEMPORAL_NAMESPACE_RETENTION (how long closed runs are kept, default 30 days).
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-720h}"
ATTEMPTS="${RETRY_ATTEMPTS:-60}"
DELAY="${RETRY_DELAY_SECONDS:-2}"

# name:type, as `temporal operator search-attribute create --type` spells the type
SEARCH_ATTRIBUTES="LeadStage:Keyword BrokerId:Keyword NextActionAt:Datetime"

# retry <what> <command...>: a fresh server takes a while to serve, a fresh namespace to be seen everywhere
retry() {
  what=$1
  shift
  n=1
  until "$@"; do
    if [ "$n" -ge "$ATTEMPTS" ]; then
      echo "temporal namespace: gave up on: $what (after $ATTEMPTS attempts)" >&2
      return 1
    fi
    n=$((n + 1))
    sleep "$DELAY"
  done
}

serving() {
  temporal operator cluster health --address "$ADDRESS" 2> /dev/null | grep -q SERVING
}

ensure_namespace() {
  if temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" > /dev/null 2>&1; then
    return 0
  fi
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION" --address "$ADDRESS"
}

# the line listing one attribute, empty when it is not registered
attribute_line() {
  temporal operator search-attribute list --namespace "$NAMESPACE" --address "$ADDRESS" | grep -w -- "$1" || true
}

ensure_attribute() {
  line=$(attribute_line "$1") || return 1
  if [ -n "$line" ]; then
    return 0
  fi
  temporal operator search-attribute create --namespace "$NAMESPACE" --name "$1" --type "$2" --address "$ADDRESS"
}

echo "temporal namespace: waiting for the cluster at $ADDRESS"
retry "cluster health at $ADDRESS" serving
echo "temporal namespace: cluster SERVING"

retry "namespace $NAMESPACE" ensure_namespace
echo "temporal namespace: $NAMESPACE registered"

for attribute in $SEARCH_ATTRIBUTES; do
  name=${attribute%%:*}
  type=${attribute#*:}
  retry "search attribute $name" ensure_attribute "$name" "$type"
  # An attribute registered earlier with another type would break every workflow that sets it.
  # (the CLI prints the type as "Keyword"; as INDEXED_VALUE_TYPE_KEYWORD in JSON; never KeywordList)
  if ! attribute_line "$name" | grep -qiE "(^|[^A-Za-z_])(INDEXED_VALUE_TYPE_)?$type([^A-Za-z]|\$)"; then
    echo "temporal namespace: search attribute $name exists but is not of type $type: $(attribute_line "$name")" >&2
    exit 1
  fi
  echo "temporal namespace: search attribute $name ($type)"
done
echo "temporal namespace: ready"
