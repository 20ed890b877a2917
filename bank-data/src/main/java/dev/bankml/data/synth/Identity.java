package dev.bankml.data.synth;

import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/** Personal data of one customer, drawn from a seeded datafaker {@link Faker} in customer order. */
record Identity(String name, String email, String phone, String city, String region) {
  private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example"};

  /** A placeholder for simulations whose identities are never written (intercept calibration). */
  static final Identity NONE = new Identity("-", "-", "-", "-", "-");

  /** Draws identities one after another; the n-th identity depends only on the seed. */
  static final class Source {
    private final Faker faker;

    Source(long seed) {
      this.faker = new Faker(Locale.US, new Random(seed));
    }

    Identity next(int index) {
      String first = faker.name().firstName();
      String last = faker.name().lastName();
      String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
      String email = local + (index + 1) + "@" + DOMAINS[index % DOMAINS.length];
      return new Identity(first + " " + last, email, faker.phoneNumber().cellPhone(),
          faker.address().city(), faker.address().state());
    }
  }
}
