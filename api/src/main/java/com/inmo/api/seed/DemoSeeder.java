package com.inmo.api.seed;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Dev mode's demo tenant: a broker open every hour (so the demo works at any time) with an admin and an
 * agent whose well-known login the launcher prints. Never runs in production: there the superadmin is
 * created by the documented command instead of a default password.
 */
@Component
@ConditionalOnProperty(name = "inmo.demo.seed", havingValue = "true")
public class DemoSeeder implements ApplicationRunner {

  public static final UUID BROKER_ID = UUID.nameUUIDFromBytes("inmo-demo-broker".getBytes(StandardCharsets.UTF_8));
  public static final String BROKER_SLUG = "demo";
  public static final String ADMIN_EMAIL = "admin@demo.inmo.cl";
  public static final String AGENT_EMAIL = "agente@demo.inmo.cl";
  public static final String PASSWORD = "Demo#2026";

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
  private static final String DEMO_SETTINGS = """
      {"zones": ["Providencia", "Ñuñoa", "Las Condes", "Santiago Centro", "Vitacura", "La Florida", "Maipú"],
       "businessHours": {"alwaysOpen": true}}""";

  private final DatabaseClient db;
  private final PasswordEncoder passwords;
  private final org.springframework.core.env.Environment env;

  public DemoSeeder(DatabaseClient db, PasswordEncoder passwords, org.springframework.core.env.Environment env) {
    this.db = db;
    this.passwords = passwords;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if ("production".equalsIgnoreCase(env.getProperty("inmo.environment"))) {
      throw new IllegalStateException("INMO_SEED_DEMO must not be set when ENVIRONMENT=production");
    }
    seed().block();
    log.info("Demo broker '{}' ready: log in as {} / {} (agent: {})", BROKER_SLUG, ADMIN_EMAIL, PASSWORD, AGENT_EMAIL);
  }

  Mono<Void> seed() {
    Mono<Long> broker = db.sql("""
            INSERT INTO brokers (id, slug, name, time_zone, persona_name, settings)
            VALUES (:id, :slug, 'Inmobiliaria Demo', 'America/Santiago', 'Sofía', CAST(:settings AS jsonb))
            ON CONFLICT (id) DO NOTHING""")
        .bind("id", BROKER_ID)
        .bind("slug", BROKER_SLUG)
        .bind("settings", DEMO_SETTINGS)
        .fetch().rowsUpdated();
    return broker
        .then(user(ADMIN_EMAIL, "Administradora Demo", "ADMIN"))
        .then(user(AGENT_EMAIL, "Agente Demo", "AGENT"))
        .then(visitHours());
  }

  /** Visits every day 09:00–19:00 in hourly slots (broker time), like the always-open chat. */
  private Mono<Void> visitHours() {
    return db.sql("""
            INSERT INTO availability (broker_id, weekday, start_time, end_time, slot_minutes)
            SELECT :broker, d, TIME '09:00', TIME '19:00', 60 FROM generate_series(1, 7) AS d
            ON CONFLICT (broker_id, weekday, start_time) DO NOTHING""")
        .bind("broker", BROKER_ID)
        .fetch().rowsUpdated().then();
  }

  private Mono<Void> user(String email, String name, String role) {
    String hash = passwords.encode(PASSWORD);
    return db.sql("""
            INSERT INTO users (id, broker_id, email, password_hash, full_name, role)
            VALUES (:id, :broker, :email, :hash, :name, :role)
            ON CONFLICT DO NOTHING""")
        .bind("id", UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)))
        .bind("broker", BROKER_ID)
        .bind("email", email)
        .bind("hash", hash)
        .bind("name", name)
        .bind("role", role)
        .fetch().rowsUpdated().then();
  }
}
