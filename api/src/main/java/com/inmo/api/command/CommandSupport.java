package com.inmo.api.command;

import com.inmo.api.config.DatabaseUrl;
import java.util.Map;

/** What the operator commands share: their one-line output, without Spring Boot's logging set-up. */
public final class CommandSupport {

  /** The api's own default (inmo-api.yml) when {@code DATABASE_URL} is unset. */
  public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/inmo";

  private CommandSupport() {
  }

  /** {@code DATABASE_URL}, or the api's default; an invalid one throws with the reason (password hidden). */
  public static DatabaseUrl databaseUrl(Map<String, String> env) {
    String raw = env.get("DATABASE_URL");
    return DatabaseUrl.parse(raw == null || raw.isBlank() ? DEFAULT_DATABASE_URL : raw);
  }

  /**
   * A JDBC connection to {@code url} that gives up connecting and logging in after {@code connect}, and on each
   * read after {@code read} (zero: never).
   */
  public static java.sql.Connection connect(DatabaseUrl url, java.time.Duration connect, java.time.Duration read)
      throws java.sql.SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", url.username());
    props.setProperty("password", url.password());
    props.setProperty("connectTimeout", Long.toString(connect.toSeconds()));
    props.setProperty("loginTimeout", Long.toString(connect.toSeconds()));
    props.setProperty("socketTimeout", Long.toString(read.toSeconds()));
    return java.sql.DriverManager.getConnection(url.jdbcUrl(), props);
  }

  /** The innermost cause's message on one line. */
  public static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /**
   * Without Spring Boot's logging set-up Logback would print every driver's and client's step at DEBUG: keep
   * each command to its own lines.
   */
  public static void quietLogging() {
    org.slf4j.ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
    if (factory instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      // gRPC's and Lettuce's own warnings about a refused connection repeat what the command prints
      logback.getLogger("io.temporal").setLevel(ch.qos.logback.classic.Level.ERROR);
      logback.getLogger("io.grpc").setLevel(ch.qos.logback.classic.Level.ERROR);
      logback.getLogger("io.lettuce").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }
}
