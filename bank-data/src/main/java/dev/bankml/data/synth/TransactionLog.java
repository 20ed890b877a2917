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
  private double[] amounts = new double[300];
  private byte[] categories = new byte[300];
  private byte[] channels = new byte[300];
  private int size;
  private int[] order = new int[0];
  private int[] days;
  private final int[] counts = new int[64];
  private long[] scratchSeconds;
  private double[] scratchAmounts;
  private byte[] scratchCategories;
  private byte[] scratchChannels;

  /** Appends a transaction at {@code second} (seconds since the epoch, UTC-free local time). */
  void add(long second, double amount, MerchantCategory category, Channel channel) {
    if (size == seconds.length) {
      int n = size * 2;
      seconds = Arrays.copyOf(seconds, n);
      amounts = Arrays.copyOf(amounts, n);
      categories = Arrays.copyOf(categories, n);
      channels = Arrays.copyOf(channels, n);
    }
    seconds[size] = second;
    amounts[size] = amount;
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

  double amount(int i) {
    return amounts[i];
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
    if (order.length < n) {
      order = new int[n];
      days = new int[n];
      scratchSeconds = new long[n];
      scratchAmounts = new double[n];
      scratchCategories = new byte[n];
      scratchChannels = new byte[n];
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long day = Math.floorDiv(seconds[from + i], 86_400);
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    if (last - first >= counts.length - 1) {
      sortByKeys(from, n);
      return;
    }
    // counting sort by day (stable), then each day's few transactions by time, stably
    int span = (int) (last - first) + 1;
    java.util.Arrays.fill(counts, 0, span + 1, 0);
    for (int i = 0; i < n; i++) {
      days[i] = (int) (Math.floorDiv(seconds[from + i], 86_400) - first);
      counts[days[i] + 1]++;
    }
    for (int d = 0; d < span; d++) {
      counts[d + 1] += counts[d];
    }
    for (int i = 0; i < n; i++) {
      order[counts[days[i]]++] = i;
    }
    for (int i = 1; i < n; i++) {
      int k = order[i];
      long t = seconds[from + k];
      int j = i - 1;
      while (j >= 0 && seconds[from + order[j]] > t) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    permute(from, n);
  }

  private void sortByKeys(int from, int n) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (seconds[from + i] << 20) | i; // seconds, then position: unique keys, so the order is stable
    }
    Arrays.sort(keys);
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & 0xFFFFF);
    }
    permute(from, n);
  }

  /** Rearranges transactions from index {@code from} on so that the i-th is the {@code order[i]}-th. */
  private void permute(int from, int n) {
    System.arraycopy(seconds, from, scratchSeconds, 0, n);
    System.arraycopy(amounts, from, scratchAmounts, 0, n);
    System.arraycopy(categories, from, scratchCategories, 0, n);
    System.arraycopy(channels, from, scratchChannels, 0, n);
    for (int i = 0; i < n; i++) {
      int k = order[i];
      seconds[from + i] = scratchSeconds[k];
      amounts[from + i] = scratchAmounts[k];
      categories[from + i] = scratchCategories[k];
      channels[from + i] = scratchChannels[k];
    }
  }

  /** The transactions as records of customer {@code customerId}, in order. */
  List<Transaction> records(String customerId) {
    List<Transaction> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      MerchantCategory c = category(i);
      out.add(new Transaction(customerId, LocalDateTime.ofEpochSecond(seconds[i], 0, ZoneOffset.UTC), amounts[i],
          c.direction(), c, channel(i)));
    }
    return out;
  }
}
