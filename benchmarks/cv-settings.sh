#!/usr/bin/env bash
# Mean and pooled 5-fold CV AUC and seconds of one backend algorithm under several hyperparameter
# settings, all on the same folds of a bank's loan-application view or of a CSV file.
#
#   benchmarks/cv-settings.sh BANKDIR BACKEND ALGORITHM [SETTING ...]
#   e.g. benchmarks/cv-settings.sh /tmp/bank xgboost gradient-boosting "" "max_depth=3" "learning_rate=0.1,max_depth=3"
#   TARGET=bad POSITIVE=bad SEED=1 benchmarks/cv-settings.sh german_like.csv xgboost logistic "" "lambda=0.03"
#
# A CSV needs TARGET (the label column) and, unless it is 0/1 or true/false, POSITIVE; SEED picks the
# folds (42).
# A SETTING is name=value pairs separated by commas; "" means the defaults. Uses the bankml.jar built by
# ./bankml (JAR=path overrides; EXTRA_CP=jars adds e.g. a backend the jar does not bundle).
# OMP_WAIT_POLICY defaults to passive (XGBoost's OpenMP threads busy-wait).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$(find "$root/bank-examples" -name bankml.jar -path '*/target/*' | head -1)}"
if [ -z "$jar" ]; then
  echo "no bankml.jar: build it with ./bankml --help first (or set JAR=...)" >&2
  exit 2
fi
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
exec java ${JAVA_OPTS:-} -cp "$jar${EXTRA_CP:+:$EXTRA_CP}" "$root/benchmarks/cv-settings/CvSettings.java" "$@"
