package com.inmo.api.brokers;

import com.inmo.api.auth.AccountStates;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes brokers (the superadmin's and the broker admin's edits); {@link Brokers} reads them. */
@Repository
public class BrokerAdmin {

  private static final String COLUMNS =
      "id, slug, name, time_zone, persona_name, persona_tone, settings::text AS settings, active";
  private final DatabaseClient db;
  private final BrokerConfigCache cache;
  private final AccountStates accounts;

  public BrokerAdmin(DatabaseClient db, BrokerConfigCache cache, AccountStates accounts) {
    this.db = db;
    this.cache = cache;
    this.accounts = accounts;
  }

  /** Every broker, the inactive ones too. */
  public Flux<Broker> all() {
    return db.sql("SELECT " + COLUMNS + " FROM brokers ORDER BY slug")
        .map((row, meta) -> map(row))
        .all();
  }

  public Mono<Void> insert(Broker b) {
    return db.sql("INSERT INTO brokers (id, slug, name, time_zone, persona_name, persona_tone, settings, active) "
            + "VALUES (:id, :slug, :name, :tz, :pname, :ptone, CAST(:settings AS jsonb), :active)")
        .bindValues(values(b))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(Broker b) {
    return db.sql("UPDATE brokers SET slug = :slug, name = :name, time_zone = :tz, persona_name = :pname, persona_tone = :ptone, "
            + "settings = CAST(:settings AS jsonb), active = :active, updated_at = now() WHERE id = :id")
        .bindValues(values(b))
        .fetch().rowsUpdated().then(cache.evict(b.slug()))
        // it may have been deactivated: its users' tokens and streams are checked again
        .then(Mono.fromRunnable(() -> accounts.brokerChanged(b.id())));
  }

  public Mono<Void> deactivate(UUID id) {
    return db.sql("UPDATE brokers SET active = false, updated_at = now() WHERE id = :id RETURNING slug")
        .bind("id", id)
        .map((row, meta) -> row.get("slug", String.class))
        .all()
        .flatMap(cache::evict)
        .then(Mono.fromRunnable(() -> accounts.brokerChanged(id)));
  }

  private static Map<String, Object> values(Broker b) {
    return Map.of("id", b.id(), "slug", b.slug(), "name", b.name(), "tz", b.timeZone(), "pname", b.personaName(),
        "ptone", b.personaTone(), "settings", b.settings(), "active", b.active());
  }

  private static Broker map(io.r2dbc.spi.Readable row) {
    return new Broker(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
        row.get("time_zone", String.class), row.get("persona_name", String.class),
        row.get("persona_tone", String.class), row.get("settings", String.class),
        Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }
}
