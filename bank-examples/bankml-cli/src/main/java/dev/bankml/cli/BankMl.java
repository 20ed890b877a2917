package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bankml} command-line tool. */
@Command(
    name = "bankml",
    mixinStandardHelpOptions = true,
    versionProvider = BankMl.Version.class,
    description = "Loan default prediction, customer segmentation and product recommendation for banks.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GenerateCommand.class,
      ProfileCommand.class,
      BackendsCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      ValidateCommand.class,
      SegmentCommand.class,
      RecommendCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      KeysCommand.class,
      DemoCommand.class
    },
    footer = {
      "",
      "The launcher ./bankml also runs 'bankml bench' (JMH benchmarks, from benchmarks.jar) and",
      "'bankml spark' (the Spark batch jobs), each from its own module so the tool's jar stays small."
    })
public final class BankMl implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Tribuo logs through java.util.logging; held here so the level set below is not collected. */
  private static final java.util.logging.Logger JUL_ROOT = java.util.logging.Logger.getLogger("");

  /** Runs the tool and exits with its status. */
  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.config.file") == null) {
      JUL_ROOT.setLevel(java.util.logging.Level.WARNING);
    }
    int status;
    try {
      status = run(args);
    } catch (OutOfMemoryError e) {
      // input too large for the heap: say so in one line rather than a stack trace
      System.err.println("error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap); give the"
          + " tool more with JAVA_OPTS=-Xmx…, or give it less input at once");
      status = 2;
    }
    System.exit(status);
  }

  /**
   * Runs the tool and returns its exit status: 0 success, 2 bad input, usage or a file that cannot
   * be read or written (the message starts with {@code error:}), 1 only for an unexpected failure (a bug).
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line, for tests that capture its output. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BankMl());
    cl.setExecutionExceptionHandler(BankMl::handle);
    cl.setParameterExceptionHandler(BankMl::handleUsage);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handleUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage());
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return 2;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof BankmlException || e instanceof CommandLine.ParameterException) {
      err.println("error: " + e.getMessage() + flagFor(e, cl));
      if (e instanceof dev.bankml.data.bundle.UntrustedBundleException) {
        err.println("hint: " + TrustOption.HINT);
      }
      err.flush();
      return 2;
    }
    if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
      // a file that cannot be read or written (permissions, a full disk) is the input's or the machine's doing, not a bug
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    err.println("error: unexpected " + e);
    if (System.getenv("BANKML_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set BANKML_DEBUG=1 to see the stack trace)");
    }
    err.flush();
    return 1;
  }

  /**
   * The library names columns and values, never flags: when the setting that would fix the error
   * is an option of this command ({@code positive} → {@code --positive}), say so.
   */
  static String flagFor(Exception e, CommandLine cl) {
    if (e instanceof SettingException s && s.setting().isPresent()) {
      CommandLine.Model.OptionSpec option = cl.getCommandSpec().findOption("--" + s.setting().get());
      if (option != null) {
        return " (" + option.longestName() + (option.paramLabel().isEmpty() ? "" : " " + option.paramLabel()) + ")";
      }
    }
    return "";
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BankMl.class.getPackage().getImplementationVersion();
      return new String[] {"bankml " + (v == null ? "development build" : v)};
    }
  }
}
