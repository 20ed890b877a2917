package dev.bankml.data.synth;

import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Transaction;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One customer's transactions as parallel primitive arrays: a customer has about 260 of them and a
 * bank millions, so the simulation and the CSV rendering work on these instead of a record, a
 * {@link LocalDateTime} and their strings per transaction. {@link #records} gives the records.
 */
final class TransactionLog {
  private static final MerchantCategory[] CATEGORIES = MerchantCategory.values();
  private static final Channel[] CHANNELS = Channel.values();
  /** More than the transactions of any month: a sort key is a time × this + a position. */
  private static final long KEY_POSITIONS = 1 << 16;

  private long[] seconds = new long[300];
  private long[] cents = new long[300];
  private byte[] categories = new byte[300];
  private byte[] channels = new byte[300];
  private int size;
  private long[] keys = new long[0];
  private int[] order;
  private long[] scratchSeconds;
  private long[] scratchCents;
  private byte[] scratchCategories;
  private byte[] scratchChannels;

  /** Appends a transaction of {@code amountCents} hundredths at {@code second} (seconds since the epoch, UTC-free local time). */
  void add(long second, long amountCents, MerchantCategory category, Channel channel) {
    if (size == seconds.length) {
      int n = size * 2;
      seconds = Arrays.copyOf(seconds, n);
      cents = Arrays.copyOf(cents, n);
      categories = Arrays.copyOf(categories, n);
      channels = Arrays.copyOf(channels, n);
    }
    seconds[size] = second;
    cents[size] = amountCents;
    categories[size] = (byte) category.ordinal();
    channels[size] = (byte) channel.ordinal();
    size++;
  }

  int size() {
    return size;
  }

  /** Local date-time of transaction {@code i} as seconds since 1970-01-01T00:00:00. */
  long second(int i) {
    return seconds[i];
  }

  /** The amount of transaction {@code i}: {@link #cents} / 100, the double nearest to it. */
  double amount(int i) {
    return cents[i] / 100.0;
  }

  /** The amount of transaction {@code i} in whole hundredths, as it is written. */
  long cents(int i) {
    return cents[i];
  }

  MerchantCategory category(int i) {
    return CATEGORIES[categories[i]];
  }

  Channel channel(int i) {
    return CHANNELS[channels[i]];
  }

  /** The ordinal of transaction {@code i}'s category. */
  int categoryIndex(int i) {
    return categories[i];
  }

  /** The ordinal of transaction {@code i}'s channel. */
  int channelIndex(int i) {
    return channels[i];
  }

  /**
   * Sorts the transactions from index {@code from} on by time, stably. Months do not overlap, so
   * sorting each month's transactions as it ends orders the whole range.
   */
  void sortFrom(int from) {
    int n = size - from;
    if (n < 2) {
      return;
    }
    if (n > KEY_POSITIONS) {
      throw new IllegalStateException(n + " transactions in a month; at most " + KEY_POSITIONS + " can be sorted");
    }
    if (keys.length < n) {
      keys = new long[n];
      order = new int[n];
      scratchSeconds = new long[n];
      scratchCents = new long[n];
      scratchCategories = new byte[n];
      scratchChannels = new byte[n];
    }
    for (int i = 0; i < n; i++) {
      keys[i] = seconds[from + i] * KEY_POSITIONS + i; // the time, then the position: keys are unique, so sorting them is stable
    }
    Arrays.sort(keys, 0, n);
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & (KEY_POSITIONS - 1)); // the low bits: the position, also for times before 1970
    }
    permute(from, n);
  }

  /** Rearranges transactions from index {@code from} on so that the i-th is the {@code order[i]}-th. */
  private void permute(int from, int n) {
    System.arraycopy(seconds, from, scratchSeconds, 0, n);
    System.arraycopy(cents, from, scratchCents, 0, n);
    System.arraycopy(categories, from, scratchCategories, 0, n);
    System.arraycopy(channels, from, scratchChannels, 0, n);
    for (int i = 0; i < n; i++) {
      int k = order[i];
      seconds[from + i] = scratchSeconds[k];
      cents[from + i] = scratchCents[k];
      categories[from + i] = scratchCategories[k];
      channels[from + i] = scratchChannels[k];
    }
  }

  /** The transactions as records of customer {@code customerId}, in order. */
  List<Transaction> records(String customerId) {
    List<Transaction> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      MerchantCategory c = category(i);
      out.add(new Transaction(customerId, LocalDateTime.ofEpochSecond(seconds[i], 0, ZoneOffset.UTC), amount(i),
          c.direction(), c, channel(i)));
    }
    return out;
  }
}
