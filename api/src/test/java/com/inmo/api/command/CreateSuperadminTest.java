package com.inmo.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.config.DatabaseUrl;
import com.inmo.api.schema.SchemaVersion;
import com.inmo.api.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The command on a database of its own, as an operator runs it on a fresh deployment. */
class CreateSuperadminTest {

  String databaseUrl;
  ByteArrayOutputStream out;
  ByteArrayOutputStream err;

  @BeforeEach
  void freshDatabase() {
    databaseUrl = TestDatabase.create("inmo_cmd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
  }

  @Test
  void createsTheSuperadminOnAnEmptyDatabaseThenUpdatesItsPasswordWhenRunAgain() throws SQLException {
    int first = run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg"), "",
        "create-superadmin", "--email", "root@inmo.cl", "--name", "Raíz");

    assertThat(first).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Superadmin root@inmo.cl created" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
    assertThat(query("SELECT max(version::int)::text FROM flyway_schema_history WHERE success")).isEqualTo(SchemaVersion.KNOWN);
    assertThat(query("SELECT role || ',' || (broker_id IS NULL) || ',' || full_name FROM users WHERE email = 'root@inmo.cl'"))
        .isEqualTo("SUPERADMIN,true,Raíz");
    assertThat(new BCryptPasswordEncoder().matches("Raiz#2026seg", passwordHash("root@inmo.cl"))).isTrue();

    out.reset();
    // again, the password now on standard input, the e-mail in another case
    int second = run(Map.of(), "Otra#clave77\n", "create-superadmin", "--email", "ROOT@inmo.cl");

    assertThat(second).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("Superadmin ROOT@inmo.cl already existed: password updated");
    assertThat(query("SELECT count(*)::text FROM users")).isEqualTo("1");
    assertThat(new BCryptPasswordEncoder().matches("Otra#clave77", passwordHash("root@inmo.cl"))).isTrue();
  }

  @Test
  void aPasswordBreakingTheRulesIsRefusedAndNothingIsWritten() throws SQLException {
    int code = run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "corta"), "", "create-superadmin", "--email", "a@b.cl");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("at least 8 characters").contains("digit").contains("symbol");
    assertThat(out.toString()).isEmpty();
    assertThat(tableExists()).isFalse();
  }

  @Test
  void aWrongCommandLineOrNoPasswordIsAUsageError() {
    assertThat(run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg"), "", "create-superadmin")).isEqualTo(2);
    assertThat(err.toString()).contains("--email");
    assertThat(run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg"), "", "create-superadmin", "--email",
        "no-es-correo")).isEqualTo(2);
    assertThat(run(Map.of(), "", "create-superadmin", "--email", "a@b.cl")).isEqualTo(2);
    assertThat(err.toString()).contains(CreateSuperadmin.PASSWORD_VARIABLE);
  }

  @Test
  void theEmailOfABrokersUserIsNotTurnedIntoASuperadmin() throws SQLException {
    assertThat(run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg"), "", "create-superadmin", "--email",
        "first@inmo.cl")).isZero();
    execute("INSERT INTO brokers (id, slug, name) VALUES ('" + UUID.randomUUID() + "', 'uno', 'Uno')");
    execute("INSERT INTO users (id, broker_id, email, password_hash, full_name, role) SELECT '" + UUID.randomUUID()
        + "', id, 'admin@uno.cl', 'x', 'Admin', 'ADMIN' FROM brokers WHERE slug = 'uno'");

    int code = run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg"), "", "create-superadmin", "--email",
        "admin@uno.cl");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("admin@uno.cl already belongs to a broker's ADMIN");
    assertThat(query("SELECT role FROM users WHERE email = 'admin@uno.cl'")).isEqualTo("ADMIN");
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExit1() {
    int code = run(Map.of(CreateSuperadmin.PASSWORD_VARIABLE, "Raiz#2026seg",
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nothing"), "", "create-superadmin", "--email", "a@b.cl");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().trim()).startsWith("Could not migrate postgresql://postgres@127.0.0.1:1/nothing")
        .doesNotContain("\n");
  }

  private int run(Map<String, String> env, String stdin, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("DATABASE_URL", databaseUrl);
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return CreateSuperadmin.run(args, all, in, null, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Connection connect() throws SQLException {
    DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
    return DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
  }

  private String query(String sql) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private String passwordHash(String email) throws SQLException {
    try (Connection c = connect();
         PreparedStatement s = c.prepareStatement("SELECT password_hash FROM users WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

  private boolean tableExists() throws SQLException {
    return "true".equals(query("SELECT (to_regclass('public.users') IS NOT NULL)::text"));
  }
}
