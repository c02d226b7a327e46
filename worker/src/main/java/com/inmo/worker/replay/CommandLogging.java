package com.inmo.worker.replay;

/**
 * A command runs without Spring Boot's logging set-up, where Logback would print every gRPC and SDK step
 * at DEBUG; the replay reports each failure itself, so the SDK's own stack traces of the same failure are
 * silenced too.
 */
final class CommandLogging {

  private CommandLogging() {
  }

  static void quiet() {
    org.slf4j.ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
    if (factory instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      logback.getLogger("io.temporal").setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }
}
