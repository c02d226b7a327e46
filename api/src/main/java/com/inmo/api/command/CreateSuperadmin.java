package com.inmo.api.command;

import com.inmo.api.auth.PasswordRules;
import com.inmo.api.config.DatabaseUrl;
import com.inmo.api.schema.SchemaGuard;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code create-superadmin --email a@b.cl [--name "…"]}: makes (or, for an existing superadmin, re-passwords)
 * the platform's superadmin, without starting the web server. The password comes from
 * {@code INMO_SUPERADMIN_PASSWORD} or, when that is unset, from the first line of standard input (read
 * without echo at a terminal). It migrates the database first (Flyway), so it works on an empty one.
 * Prints one line; exit 0 on success, 1 when it could not be done, 2 for a wrong command line.
 */
public final class CreateSuperadmin {

  public static final String COMMAND = "create-superadmin";
  public static final String PASSWORD_VARIABLE = "INMO_SUPERADMIN_PASSWORD";
  static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/inmo";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private CreateSuperadmin() {
  }

  /** From {@code ApiApplication.main}: the real environment, standard input, the console when there is one. */
  public static int run(String[] args) {
    quietLogging();
    return run(args, System.getenv(), System.in, System.console(), System.out, System.err);
  }

  /** @param console null to read the password from {@code in} (the tests, a pipe) */
  public static int run(String[] args, Map<String, String> env, InputStream in, Console console, PrintStream out,
                        PrintStream err) {
    String email = null;
    String name = "Superadmin";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i == 0 && arg.equals(COMMAND)) {
        continue;
      }
      if ((arg.equals("--email") || arg.equals("--name")) && i + 1 < args.length) {
        if (arg.equals("--email")) {
          email = args[++i].trim();
        } else {
          name = args[++i].trim();
        }
      } else if (arg.startsWith("--email=")) {
        email = arg.substring("--email=".length()).trim();
      } else if (arg.startsWith("--name=")) {
        name = arg.substring("--name=".length()).trim();
      } else {
        err.println("Usage: " + COMMAND + " --email <address> [--name <full name>] (password from "
            + PASSWORD_VARIABLE + " or standard input); unexpected argument: " + arg);
        return 2;
      }
    }
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      err.println("Usage: " + COMMAND + " --email <address> [--name <full name>]: a valid --email is required");
      return 2;
    }
    if (name.isBlank() || name.length() > 200) {
      err.println("--name must be 1–200 characters");
      return 2;
    }
    String password = env.get(PASSWORD_VARIABLE);
    if (password == null || password.isEmpty()) {
      try {
        password = readPassword(in, console);
      } catch (IOException e) {
        err.println("Could not read the password from standard input: " + e.getMessage());
        return 1;
      }
    }
    if (password == null || password.isEmpty()) {
      err.println("No password: set " + PASSWORD_VARIABLE + " or pass it on standard input");
      return 2;
    }
    String problem = PasswordRules.problem(password);
    if (problem != null) {
      err.println(problem);
      return 1;
    }

    DatabaseUrl url;
    try {
      String raw = env.get("DATABASE_URL");
      url = DatabaseUrl.parse(raw == null || raw.isBlank() ? DEFAULT_DATABASE_URL : raw);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
    try {
      Flyway flyway = Flyway.configure().dataSource(url.jdbcUrl(), url.username(), url.password())
          .locations("classpath:db/migration").load();
      flyway.migrate();
      SchemaGuard.requireKnownSchema(flyway);
    } catch (RuntimeException e) {
      err.println("Could not migrate " + url.describe() + ": " + oneLine(e));
      return 1;
    }
    String hash = new BCryptPasswordEncoder().encode(password);
    try (Connection db = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password())) {
      String message = save(db, email, name, hash);
      out.println(message);
      return 0;
    } catch (Refused e) {
      err.println(e.getMessage());
      return 1;
    } catch (SQLException e) {
      err.println("Could not save the superadmin in " + url.describe() + ": " + oneLine(e));
      return 1;
    }
  }

  private static String save(Connection db, String email, String name, String hash) throws SQLException {
    db.setAutoCommit(false);
    try {
      UUID existing = null;
      String role = null;
      try (PreparedStatement find = db.prepareStatement(
          "SELECT id, role FROM users WHERE lower(email) = lower(?) FOR UPDATE")) {
        find.setString(1, email);
        try (ResultSet rs = find.executeQuery()) {
          if (rs.next()) {
            existing = rs.getObject("id", UUID.class);
            role = rs.getString("role");
          }
        }
      }
      String message;
      if (existing == null) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, broker_id, email, password_hash, "
            + "full_name, role) VALUES (?, NULL, ?, ?, ?, 'SUPERADMIN')")) {
          insert.setObject(1, UUID.randomUUID());
          insert.setString(2, email);
          insert.setString(3, hash);
          insert.setString(4, name);
          insert.executeUpdate();
        }
        message = "Superadmin " + email + " created";
      } else if (!"SUPERADMIN".equals(role)) {
        throw new Refused(email + " already belongs to a broker's " + role + "; choose another e-mail for the superadmin");
      } else {
        try (PreparedStatement update = db.prepareStatement("UPDATE users SET password_hash = ?, full_name = ?, "
            + "active = true, updated_at = now() WHERE id = ?")) {
          update.setString(1, hash);
          update.setString(2, name);
          update.setObject(3, existing);
          update.executeUpdate();
        }
        // the old password's sessions end with it
        try (PreparedStatement revoke = db.prepareStatement(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL")) {
          revoke.setObject(1, existing);
          revoke.executeUpdate();
        }
        message = "Superadmin " + email + " already existed: password updated";
      }
      db.commit();
      return message;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private static String readPassword(InputStream in, Console console) throws IOException {
    if (console != null) {
      char[] typed = console.readPassword("Password for the superadmin: ");
      return typed == null ? null : new String(typed);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line;
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /** Without Spring Boot's logging set-up Logback would print Flyway's every step at DEBUG: keep to the one line. */
  private static void quietLogging() {
    org.slf4j.ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
    if (factory instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
