package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Calls into XGBoost's native library, turning its failures into {@link BankmlException}s. The
 * library ships inside the xgboost4j jar and needs the system's OpenMP runtime ({@code libgomp1}
 * on Debian/Ubuntu); when it cannot be loaded the message says so.
 */
final class Native {
  private Native() {}

  /** A native call that may fail. */
  interface Call<T> {
    T run() throws XGBoostError, IOException;
  }

  /** Runs {@code call}; {@code what} names the step in error messages ("training", "explaining a row"). */
  static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (XGBoostError | IOException e) {
      throw new BankmlException("XGBoost failed while " + what + ": " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      throw new BankmlException("XGBoost's native library could not be loaded while " + what + " (" + e
          + "); it needs a 64-bit Linux on x86_64 or aarch64 with the OpenMP runtime installed"
          + " (Debian/Ubuntu: apt-get install libgomp1)", e);
    }
  }

  /** The rows of {@code x} as a dense XGBoost matrix ({@code float}, NaN = missing). */
  static DMatrix matrix(FeatureMatrix x) throws XGBoostError {
    double[] v = x.rowMajorValues();
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return new DMatrix(f, x.rows(), x.cols(), Float.NaN);
  }

  /** One row as a dense XGBoost matrix. */
  static DMatrix matrix(double[] row) throws XGBoostError {
    float[] f = new float[row.length];
    for (int i = 0; i < row.length; i++) {
      f[i] = (float) row[i];
    }
    return new DMatrix(f, 1, row.length, Float.NaN);
  }
}
