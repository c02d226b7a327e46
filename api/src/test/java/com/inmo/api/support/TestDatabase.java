package com.inmo.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for this test JVM on the machine's PostgreSQL (127.0.0.1:5432, trust auth, or
 * {@code INMO_TEST_PG_URL}), dropped when the JVM exits, so parallel runs and reruns never collide.
 */
public final class TestDatabase {

  private static final String ADMIN_URL = System.getenv().getOrDefault("INMO_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
  private static String url;

  private TestDatabase() {
  }

  /** A {@code postgresql://} URL (the deployment guide's form) of a fresh database. */
  public static synchronized String url() {
    if (url == null) {
      url = create("inmo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
    return url;
  }

  /** Creates another empty database, also dropped at exit; for tests that must own a schema outright. */
  public static String create(String name) {
    execute("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    return "postgresql://postgres@127.0.0.1:5432/" + name;
  }

  public static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for the tests: " + e.getMessage(), e);
    }
  }
}
