package com.inmo.api.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a checklist command ({@code preflight}, {@code postflight}): one {@code OK …} or {@code FAIL …} a
 * check, then a summary; exit 0 only when every check passed.
 */
public final class CheckReport {

  private final List<String> lines = new ArrayList<>();
  private int failures;

  public void ok(String line) {
    lines.add("OK   " + line);
  }

  public void fail(String line) {
    lines.add("FAIL " + line);
    failures++;
  }

  /** Prints every line and "{@code <name> passed: N checks OK}" or "{@code <name> failed: F of N checks}". */
  public int print(PrintStream out, String name) {
    lines.forEach(out::println);
    out.println(failures == 0 ? name + " passed: " + lines.size() + " checks OK"
        : name + " failed: " + failures + " of " + lines.size() + " checks");
    return failures == 0 ? 0 : 1;
  }
}
