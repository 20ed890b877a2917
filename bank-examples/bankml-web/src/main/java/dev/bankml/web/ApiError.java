package dev.bankml.web;

import dev.bankml.data.BankmlException;

/** An API failure with its HTTP status, answered as {@code {"error": …, "field": …}}. */
final class ApiError extends BankmlException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  ApiError(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  static ApiError notFound(String field, String message) {
    return new ApiError(404, field, message);
  }

  static ApiError notLoaded(String what) {
    return new ApiError(404, "", what + " is not loaded in this server");
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
