package dev.bankml.models.spi;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The {@link ModelBackend}s on the class path, found with {@link ServiceLoader}. */
public final class Backends {
  private Backends() {}

  /** Every backend on the class path, sorted by name. */
  public static List<ModelBackend> all() {
    List<ModelBackend> out = new ArrayList<>();
    for (ModelBackend b : ServiceLoader.load(ModelBackend.class, Backends.class.getClassLoader())) {
      out.add(b);
    }
    out.sort(Comparator.comparing(ModelBackend::name));
    return List.copyOf(out);
  }

  /**
   * The backend called {@code name} (case-insensitive).
   *
   * @throws BankmlException naming the available backends when there is none by that name
   */
  public static ModelBackend named(String name) {
    List<ModelBackend> all = all();
    for (ModelBackend b : all) {
      if (b.name().equalsIgnoreCase(name.trim())) {
        return b;
      }
    }
    throw new BankmlException("unknown backend '" + name + "'; "
        + (all.isEmpty()
            ? "no backend is on the class path (add bank-models-xgboost, bank-models-tribuo or bank-models-smile)"
            : "available: " + all.stream().map(ModelBackend::name).collect(Collectors.joining(", "))));
  }

  /**
   * The algorithm {@code name} of {@code backend} that learns {@code task}.
   *
   * @throws BankmlException naming the backend's algorithms for that task when there is none
   */
  public static AlgorithmSpec algorithm(ModelBackend backend, String name, Task task) {
    List<AlgorithmSpec> forTask = algorithms(backend, task);
    for (AlgorithmSpec a : forTask) {
      if (a.name().equalsIgnoreCase(name.trim())) {
        return a;
      }
    }
    throw new BankmlException("backend '" + backend.name() + "' has no "
        + task.name().toLowerCase(Locale.ROOT) + " algorithm '" + name + "'; available: "
        + forTask.stream().map(AlgorithmSpec::name).collect(Collectors.joining(", ")));
  }

  /** The algorithms of {@code backend} that learn {@code task}, in the backend's order. */
  public static List<AlgorithmSpec> algorithms(ModelBackend backend, Task task) {
    return backend.algorithms().stream().filter(a -> a.task() == task).toList();
  }
}
