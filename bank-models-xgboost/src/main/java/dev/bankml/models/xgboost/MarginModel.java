package dev.bankml.models.xgboost;

/** XGBoost's model read into Java (a linear booster or trees): what it adds up for one row. */
interface MarginModel {
  /** XGBoost's margin (log-odds) of the row at {@code offset} in row-major {@code v}. */
  float margin(double[] v, int offset);
}
