package dev.bankml.data.synth;

import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Persona;
import java.util.EnumMap;
import java.util.Map;

/** What each hidden persona looks like: demographics, spending mix, channel use, product affinity. */
record PersonaProfile(
    int minAge,
    int maxAge,
    double incomeMedian,
    double incomeSigma,
    double[] employment,
    double[] home,
    double[] marital,
    int maxDependents,
    double minTenureYears,
    double maxTenureYears,
    double scoreOffset,
    double stressOffset,
    double savingsOffset,
    double monthlyPurchases,
    double[] spending,
    double[] channels,
    double loanProbability,
    int[] productAffinity) {

  /** The discretionary spending categories, in the order of {@link #spending}. */
  static final MerchantCategory[] SPENDING = {
    MerchantCategory.GROCERIES, MerchantCategory.RESTAURANTS, MerchantCategory.ENTERTAINMENT,
    MerchantCategory.SHOPPING, MerchantCategory.TRAVEL, MerchantCategory.TRANSPORT, MerchantCategory.HEALTH,
    MerchantCategory.EDUCATION, MerchantCategory.CHILDCARE, MerchantCategory.BUSINESS_SUPPLIES,
    MerchantCategory.CASH_WITHDRAWAL, MerchantCategory.INVESTMENT_TRANSFER, MerchantCategory.TRANSFER_OUT
  };

  /** Typical size of one purchase in each category, relative to groceries. */
  static final double[] TICKET = {1, 0.8, 0.7, 1.5, 3, 0.5, 1.2, 2, 2, 2.5, 1.5, 3, 2};

  static final EmploymentStatus[] EMPLOYMENT = EmploymentStatus.values();
  static final HomeOwnership[] HOME = HomeOwnership.values();
  static final MaritalStatus[] MARITAL = MaritalStatus.values();

  private static final Map<Persona, PersonaProfile> PROFILES = new EnumMap<>(Persona.class);

  static {
    // employment: EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, RETIRED, STUDENT
    // home: RENT, MORTGAGE, OWN, LIVING_WITH_FAMILY; marital: SINGLE, MARRIED, DIVORCED, WIDOWED
    // spending: groc rest ent shop travel transp health edu child biz cash invest transfer
    // channels: card, online, branch
    // products:      P01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20
    PROFILES.put(Persona.STUDENT, new PersonaProfile(18, 25, 11_000, 0.35,
        new double[] {0.2, 0, 0.03, 0, 0.77}, new double[] {0.5, 0, 0, 0.5}, new double[] {0.95, 0.05, 0, 0}, 0,
        0, 6, -30, 0.3, -0.04, 17,
        new double[] {0.15, 0.16, 0.22, 0.07, 0.01, 0.19, 0.01, 0.14, 0, 0, 0.04, 0, 0.01},
        new double[] {0.55, 0.43, 0.02}, 0.5,
        new int[] {1, 3, 1, 0, 0, 2, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 3, 0}));
    PROFILES.put(Persona.YOUNG_PROFESSIONAL, new PersonaProfile(24, 35, 48_000, 0.3,
        new double[] {0.92, 0.05, 0.03, 0, 0}, new double[] {0.9, 0.05, 0, 0.05}, new double[] {0.7, 0.3, 0, 0}, 1,
        0, 10, 0, 0, 0, 19,
        new double[] {0.10, 0.24, 0.15, 0.20, 0.05, 0.13, 0.02, 0.02, 0, 0, 0.02, 0.02, 0.05},
        new double[] {0.42, 0.57, 0.01}, 0.7,
        new int[] {1, 0, 3, 1, 0, 2, 1, 2, 1, 1, 1, 2, 1, 1, 0, 1, 2, 2, 0, 0}));
    PROFILES.put(Persona.FAMILY, new PersonaProfile(32, 50, 62_000, 0.3,
        new double[] {0.85, 0.08, 0.07, 0, 0}, new double[] {0.1, 0.85, 0.05, 0}, new double[] {0.05, 0.8, 0.15, 0}, 4,
        2, 20, 0, 0.1, 0, 21,
        new double[] {0.32, 0.04, 0.05, 0.10, 0.02, 0.07, 0.07, 0.10, 0.17, 0, 0.04, 0.0, 0.02},
        new double[] {0.68, 0.27, 0.05}, 0.75,
        new int[] {1, 0, 3, 0, 0, 2, 1, 2, 2, 2, 2, 2, 1, 1, 0, 2, 1, 2, 0, 0}));
    PROFILES.put(Persona.AFFLUENT, new PersonaProfile(40, 65, 160_000, 0.35,
        new double[] {0.7, 0.3, 0, 0, 0}, new double[] {0, 0.5, 0.5, 0}, new double[] {0.1, 0.75, 0.15, 0}, 3,
        5, 30, 45, -0.6, 0.15, 17,
        new double[] {0.10, 0.14, 0.04, 0.12, 0.24, 0.02, 0.04, 0.02, 0.02, 0, 0.01, 0.22, 0.03},
        new double[] {0.5, 0.45, 0.05}, 0.45,
        new int[] {1, 0, 1, 3, 0, 1, 3, 1, 1, 1, 1, 2, 2, 3, 2, 2, 2, 2, 0, 0}));
    PROFILES.put(Persona.RETIREE, new PersonaProfile(66, 88, 26_000, 0.3,
        new double[] {0, 0, 0, 1, 0}, new double[] {0.1, 0, 0.85, 0.05}, new double[] {0.05, 0.5, 0.1, 0.35}, 0,
        10, 40, 20, -0.3, 0.05, 12,
        new double[] {0.32, 0.05, 0.04, 0.07, 0.01, 0.04, 0.24, 0, 0, 0, 0.21, 0.0, 0.02},
        new double[] {0.55, 0.10, 0.35}, 0.3,
        new int[] {3, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 2, 2, 1, 0, 0, 1, 0, 0, 0}));
    PROFILES.put(Persona.SMALL_BUSINESS, new PersonaProfile(30, 60, 75_000, 0.45,
        new double[] {0.1, 0.9, 0, 0, 0}, new double[] {0.3, 0.5, 0.2, 0}, new double[] {0.3, 0.55, 0.15, 0}, 3,
        1, 20, 0, 0.1, 0, 18,
        new double[] {0.10, 0.08, 0.03, 0.06, 0.04, 0.12, 0.02, 0.01, 0.02, 0.35, 0.05, 0.02, 0.10},
        new double[] {0.35, 0.50, 0.15}, 0.8,
        new int[] {1, 0, 1, 1, 3, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0, 3}));
  }

  static PersonaProfile of(Persona p) {
    return PROFILES.get(p);
  }
}
