package dev.bankml.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code bankml} command line: its exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code bankml args…} in this JVM with stdout and stderr captured. */
  static CliRun of(String... args) {
    CommandLine cl = BankMl.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
