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
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec_java_program cv-settings/CvSettings.java "$@"
