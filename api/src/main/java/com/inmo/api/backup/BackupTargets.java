package com.inmo.api.backup;

import com.inmo.api.command.CommandSupport;
import com.inmo.api.config.DatabaseUrl;
import java.util.List;
import java.util.Map;

/**
 * The stack's three databases on the server of {@code DATABASE_URL}, with its credentials: the app's (that URL's
 * database) and Temporal's, {@code TEMPORAL_DATABASE} and {@code TEMPORAL_VISIBILITY_DATABASE} (compose's
 * {@code DBNAME} and {@code VISIBILITY_DBNAME}: {@code temporal} and {@code temporal_visibility}). Backed up and
 * restored together: the read model and Temporal's workflow state describe the same leads.
 *
 * <p>In dump order: Temporal's first, the app's last. Each dump is a consistent snapshot, but the three are seconds
 * apart; this way the read model is never behind the workflows' histories. A read-model write whose activity
 * completed after Temporal's snapshot is simply done again after a restore (the writes are idempotent), whereas
 * the other order would lose it for good.
 */
record BackupTargets(DatabaseUrl server, List<Target> all) {

  static final String APP = "app";
  static final String TEMPORAL = "temporal";
  static final String VISIBILITY = "temporal_visibility";

  /** One database and its role; its archive in a backup is {@code <role>.dump}. */
  record Target(String role, String database) {
    String file() {
      return role + ".dump";
    }
  }

  /** Throws IllegalArgumentException with the reason when DATABASE_URL is invalid. */
  static BackupTargets of(Map<String, String> env) {
    DatabaseUrl server = CommandSupport.databaseUrl(env);
    return new BackupTargets(server, List.of(new Target(TEMPORAL, named(env, "TEMPORAL_DATABASE", "temporal")),
        new Target(VISIBILITY, named(env, "TEMPORAL_VISIBILITY_DATABASE", "temporal_visibility")),
        new Target(APP, server.database())));
  }

  private static String named(Map<String, String> env, String variable, String fallback) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** The same server and credentials, another database. */
  DatabaseUrl on(String database) {
    return new DatabaseUrl(server.host(), server.port(), database, server.username(), server.password(),
        server.parameters());
  }

  /** host:port/database, for messages (never the password). */
  String describe(String database) {
    return server.host() + ":" + server.port() + "/" + database;
  }
}
