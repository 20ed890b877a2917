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

  private long[] seconds = new long[300];
  private long[] cents = new long[300];
  private byte[] categories = new byte[300];
  private byte[] channels = new byte[300];
  private int size;
  private int[] order = new int[0];
  private int[] dayOf;
  /** Per day of the month being sorted, where its transactions start in {@link #order}. */
  private final int[] dayStarts = new int[33];
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
   * Sorts the transactions from index {@code from} on by time, stably. They are one month's: all on
   * the days {@code firstDay} to {@code lastDay} (epoch days, at most 32 of them). Months do not
   * overlap, so sorting each month's transactions as it ends orders the whole range.
   *
   * <p>A counting sort by day, then an insertion sort by time within each day (a few transactions):
   * a month's few dozen transactions cost about a third of what a general sort costs.
   */
  void sortMonth(int from, long firstDay, long lastDay) {
    int n = size - from;
    int days = (int) (lastDay - firstDay) + 1;
    if (days < 1 || days >= dayStarts.length) {
      throw new IllegalArgumentException("a month of " + days + " days");
    }
    if (n < 2) {
      return;
    }
    if (order.length < n) {
      order = new int[n];
      dayOf = new int[n];
      scratchSeconds = new long[n];
      scratchCents = new long[n];
      scratchCategories = new byte[n];
      scratchChannels = new byte[n];
    }
    long monthStart = firstDay * 86_400;
    Arrays.fill(dayStarts, 0, days + 1, 0);
    for (int i = 0; i < n; i++) {
      long intoMonth = seconds[from + i] - monthStart;
      if (intoMonth < 0 || intoMonth >= days * 86_400L) {
        throw new IllegalStateException("transaction at second " + seconds[from + i] + " is not in the month");
      }
      dayOf[i] = (int) intoMonth / 86_400;
      dayStarts[dayOf[i] + 1]++;
    }
    for (int d = 0; d < days; d++) {
      dayStarts[d + 1] += dayStarts[d];
    }
    for (int i = 0; i < n; i++) {
      order[dayStarts[dayOf[i]]++] = i;
    }
    for (int i = 1; i < n; i++) {
      int k = order[i];
      long t = seconds[from + k];
      int j = i;
      for (; j > 0 && seconds[from + order[j - 1]] > t; j--) {
        order[j] = order[j - 1];
      }
      order[j] = k;
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
