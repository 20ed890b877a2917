package dev.bankml.data.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Fast ISO-8601 {@code yyyy-MM-ddTHH:mm:ss} formatting and parsing for the transactions file. */
final class Timestamps {
  private Timestamps() {}

  static String format(LocalDateTime t) {
    char[] c = new char[19];
    put4(c, 0, t.getYear());
    c[4] = '-';
    put2(c, 5, t.getMonthValue());
    c[7] = '-';
    put2(c, 8, t.getDayOfMonth());
    c[10] = 'T';
    put2(c, 11, t.getHour());
    c[13] = ':';
    put2(c, 14, t.getMinute());
    c[16] = ':';
    put2(c, 17, t.getSecond());
    if (t.getYear() < 0 || t.getYear() > 9999 || t.getNano() != 0) {
      return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    return new String(c);
  }

  /** Parses the fixed layout quickly and anything else ISO-8601 through java.time. */
  static LocalDateTime parse(String s) {
    if (s.length() == 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
        && s.charAt(13) == ':' && s.charAt(16) == ':') {
      int y = num(s, 0, 4);
      int mo = num(s, 5, 7);
      int d = num(s, 8, 10);
      int h = num(s, 11, 13);
      int mi = num(s, 14, 16);
      int se = num(s, 17, 19);
      if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && se >= 0) {
        return LocalDateTime.of(LocalDate.of(y, mo, d), java.time.LocalTime.of(h, mi, se));
      }
    }
    return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  private static int num(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static void put2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static void put4(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 1000 % 10);
    c[at + 1] = (char) ('0' + v / 100 % 10);
    c[at + 2] = (char) ('0' + v / 10 % 10);
    c[at + 3] = (char) ('0' + v % 10);
  }
}
