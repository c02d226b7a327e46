package com.inmo.api.backup;

import com.inmo.api.command.CommandSupport;
import com.inmo.api.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What backup and restore ask a database over JDBC: versions, whether it is empty, and wiping it for --force. */
final class DatabaseProbe implements AutoCloseable {

  /** The user's own relations (tables, views, sequences…), outside PostgreSQL's schemas. */
  private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
      + "AND n.nspname NOT LIKE 'pg\\_%'";

  private final Connection connection;

  private DatabaseProbe(Connection connection) {
    this.connection = connection;
  }

  static DatabaseProbe open(DatabaseUrl url) throws SQLException {
    // no read timeout: wiping a large database for --force may take a while
    return new DatabaseProbe(CommandSupport.connect(url, Duration.ofSeconds(10), Duration.ZERO));
  }

  String serverVersion() throws SQLException {
    return single("SHOW server_version");
  }

  /** Flyway's newest applied version, or "none". */
  String flywayVersion() throws SQLException {
    if (single("SELECT to_regclass('flyway_schema_history')::text") == null) {
      return "none";
    }
    String version = single("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
        + "ORDER BY installed_rank DESC LIMIT 1");
    return version == null ? "none" : version;
  }

  /** Temporal's schema version (its schema tool's {@code schema_version} table), or "none". */
  String temporalVersion() throws SQLException {
    if (single("SELECT to_regclass('schema_version')::text") == null) {
      return "none";
    }
    String version = single("SELECT curr_version FROM schema_version LIMIT 1");
    return version == null ? "none" : version;
  }

  /** How many tables, views and sequences it holds: 0 for a database just created. */
  int relations() throws SQLException {
    return Integer.parseInt(single("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE " + USER_SCHEMAS + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"));
  }

  /** Drops every schema of its own with what is in it, and gives it back an empty {@code public}. */
  void wipe() throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT quote_ident(n.nspname) FROM pg_namespace n WHERE " + USER_SCHEMAS)) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    try (Statement s = connection.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
      s.execute("CREATE SCHEMA IF NOT EXISTS public");
    }
  }

  private String single(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
