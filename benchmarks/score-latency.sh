#!/usr/bin/env bash
# Single-application scoring latency (p50/p99, microseconds) of the XGBoost backend's models through
# the default feature pipeline, next to Tribuo's xgboost and xgboost4j's native per-row predict.
#
#   benchmarks/score-latency.sh BANKDIR [CALLS]      (a bank written by 'bankml generate')
#
# Uses the bankml.jar built by ./bankml (JAR=path overrides; EXTRA_CP=jars adds a backend the jar does
# not bundle). Timed with System.nanoTime per call after a warm-up pass; quote medians on an idle machine.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec_java_program score-latency/ScoreLatency.java "$@"
