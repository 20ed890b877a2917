package dev.bankml.cli;

import dev.bankml.data.ProgressListener;
import dev.bankml.web.UiSources;
import dev.bankml.web.WebServer;
import dev.bankml.web.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bankml serve}: the browser UI and its JSON API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the browser UI (loan form, model, segments, recommendations) and its JSON API.",
      "Without --data/--model it generates a synthetic bank and trains models into the cache the first time,"
          + " then reuses them."
    })
final class ServeCommand implements Callable<Integer> {
  /** Held so the level set on it is not lost to garbage collection. */
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Mixin UiServerOptions server;

  @Option(names = "--data", paramLabel = "BANKDIR", description = "Bank directory written by 'bankml generate'.")
  Path data;

  @Option(names = "--model", paramLabel = "FILE.bankml",
      description = "Loan model bundle written by 'bankml train'; repeat to compare several (the model page switches between them).")
  List<Path> models = new ArrayList<>();

  @Option(names = "--dictionary", paramLabel = "FILE.csv",
      description = "Data dictionary CSV (column,label[,unit,description,group]) overriding the built-in labels.")
  Path dictionary;

  @Mixin TrustOption trust;

  @Override
  public Integer call() throws InterruptedException {
    return run(spec.commandLine().getOut(), host, server, Optional.ofNullable(data), models, trust.trustUnsigned,
        Optional.ofNullable(dictionary), "serving the bankml UI at ");
  }

  /**
   * Prepares the sources (the given bank and models, else the cache's), starts the server on {@code host},
   * prints {@code announce} and its URL and serves until interrupted.
   */
  static int run(PrintWriter out, String host, UiServerOptions server, Optional<Path> data, List<Path> models,
      boolean trustUnsigned, Optional<Path> dictionary, String announce) throws InterruptedException {
    quietLibraryLogs();
    int port = server.port;
    boolean quiet = server.progress.quiet;
    if (port < 0 || port > 65_535) {
      throw new dev.bankml.data.BankmlException("--port " + port + " is out of range; valid: 0 to 65535");
    }
    checkPortFree(host, port);
    for (Path m : models) {
      if (!java.nio.file.Files.isRegularFile(m)) {
        throw new dev.bankml.data.BankmlException("--model " + m + " does not exist; give a bundle written by 'bankml train'");
      }
    }
    ProgressListener bar = Progress.create(quiet);
    // a counter without a total (e.g. transactions read) leaves its line open: end it before a message
    AtomicBoolean openLine = new AtomicBoolean();
    ProgressListener progress = (task, done, total) -> {
      bar.progress(task, done, total);
      openLine.set(total < 0);
    };
    Workspace.Spec ws = new Workspace.Spec(data, models, server.cache().orElseGet(Workspace::defaultCache),
        Workspace.DEFAULT_CUSTOMERS, dictionary, trustUnsigned);
    UiSources sources = Workspace.prepare(ws, progress, line -> {
      if (!quiet) {
        System.err.println(openLine.getAndSet(false) ? "\n" + line : line);
      }
    });
    WebServer web = WebServer.start(sources, host, port);
    out.println(announce + web.url());
    out.flush();
    if (server.exitWhenReady) {
      web.close();
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      web.close();
      stopped.countDown();
    }, "bankml-serve-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Fails at once when {@code host}:{@code port} is taken, before minutes of generating and training
   * (the server binds it again once everything is ready).
   */
  static void checkPortFree(String host, int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.io.IOException e) {
      throw new dev.bankml.data.BankmlException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "): the port is taken or the address is not this machine's; choose another --port (0 picks a free one)"
          + " or --host");
    }
  }

  /**
   * Keeps the server's and the ML libraries' routine chatter (Jetty start-up, per-epoch training
   * lines) out of the terminal unless the user configured those loggers; progress bars say enough.
   */
  private static void quietLibraryLogs() {
    for (String name : new String[] {"org.eclipse.jetty", "io.javalin", "smile"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    if (System.getProperty("java.util.logging.config.file") == null) {
      TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }
}
