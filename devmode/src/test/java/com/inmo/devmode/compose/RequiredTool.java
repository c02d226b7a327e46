package com.inmo.devmode.compose;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A check that needs a tool of the machine (docker-compose, sh). On a developer's machine without it the test is
 * skipped with the way to install it; under CI (CI=true, set by .ci/run, which installs every tool) a missing
 * tool fails the test: a skip there would hide a broken install step.
 */
final class RequiredTool {

  private RequiredTool() {
  }

  static void present(boolean present, String howToGetIt) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI must have this tool: " + howToGetIt);
    }
    assumeTrue(false, howToGetIt);
  }
}
