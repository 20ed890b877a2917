package dev.bankml.data.synth;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/** Personal data of one customer, drawn by datafaker from a random stream of that customer's own. */
record Identity(String name, String email, String phone, String city, String region) {
  private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example"};

  /** A placeholder for simulations whose identities are never written (intercept calibration). */
  static final Identity NONE = new Identity("-", "-", "-", "-", "-");

  /**
   * Draws identities; the identity of customer {@code index} depends only on the seed and the index,
   * whatever was drawn before. One {@link Faker} is reused (it is costly to build) and its random
   * source re-seeded per customer. Not thread-safe: one source per thread.
   */
  static final class Source {
    private final long seed;
    private final Random random = new Random(0);
    private final Faker faker = new Faker(Locale.US, random);

    Source(long seed) {
      this.seed = seed;
    }

    long seed() {
      return seed;
    }

    Identity of(int index) {
      random.setSeed(Draw.mix(Draw.mix(seed ^ 0x1D3E7L) + index));
      String first = faker.name().firstName();
      String last = faker.name().lastName();
      String local = emailLocalPart((first + "." + last).toLowerCase(Locale.ROOT));
      String email = local + (index + 1) + "@" + DOMAINS[index % DOMAINS.length];
      return new Identity(first + " " + last, email, phone(),
          faker.address().city(), faker.address().state());
    }

    /** {@code lower} without the characters other than a-z and '.'. */
    private static String emailLocalPart(String lower) {
      StringBuilder b = new StringBuilder(lower.length());
      for (int i = 0; i < lower.length(); i++) {
        char ch = lower.charAt(i);
        if ((ch >= 'a' && ch <= 'z') || ch == '.') {
          b.append(ch);
        }
      }
      return b.toString();
    }

    /** A US-style number, "(AAA) EEE-LLLL"; datafaker's own validated numbers cost more than the rest of a customer. */
    private String phone() {
      return "(" + (200 + random.nextInt(800)) + ") " + (200 + random.nextInt(800)) + "-"
          + Integer.toString(10_000 + random.nextInt(10_000)).substring(1);
    }
  }
}