package dev.bankml.data;

import java.util.Optional;

/**
 * Bad input that a setting of the call may fix: a column to use, a value to look for, a count.
 * {@link #setting()} names that setting as the library calls it ({@code target}, {@code positive},
 * {@code k}…), so that an application can tell its user how to set it (the command line adds its
 * flag, a form its field); the message itself names columns and values only.
 */
public class SettingException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  /** An error that setting {@code setting} would fix (empty: only the data can), described by {@code message}. */
  public SettingException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** The library's name of the setting that would fix the error (e.g. {@code positive}); empty when only the data can. */
  public Optional<String> setting() {
    return setting.isEmpty() ? Optional.empty() : Optional.of(setting);
  }
}
