package com.inmo.api.support;

import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Rows and tokens for one test: each test makes a broker of its own (random slug), so tests sharing the
 * context's database never see each other's leads, slots or counts.
 */
public final class TestData {

  public static final String INTERNAL_TOKEN = "test-internal-token";
  private final DatabaseClient db;
  private final JwtEncoder jwt;

  public TestData(DatabaseClient db, JwtEncoder jwt) {
    this.db = db;
    this.jwt = jwt;
  }

  public record TestBroker(UUID id, String slug) {
  }

  public TestBroker broker(String timeZone, String settingsJson) {
    UUID id = UUID.randomUUID();
    String slug = "t-" + id.toString().substring(0, 8);
    db.sql("INSERT INTO brokers (id, slug, name, time_zone, settings) VALUES (:id, :slug, :name, :tz, "
            + "CAST(:settings AS jsonb))")
        .bind("id", id).bind("slug", slug).bind("name", "Corredora " + slug).bind("tz", timeZone)
        .bind("settings", settingsJson)
        .fetch().rowsUpdated().block();
    return new TestBroker(id, slug);
  }

  public TestBroker broker() {
    return broker("America/Santiago", "{}");
  }

  public void availability(TestBroker broker, int weekday, String start, String end, int slotMinutes) {
    db.sql("INSERT INTO availability (broker_id, weekday, start_time, end_time, slot_minutes) "
            + "VALUES (:b, :d, CAST(:s AS time), CAST(:e AS time), :m)")
        .bind("b", broker.id()).bind("d", weekday).bind("s", start).bind("e", end).bind("m", slotMinutes)
        .fetch().rowsUpdated().block();
  }

  /** Every day 09:00–19:00, hourly. */
  public void openEveryDay(TestBroker broker) {
    for (int d = 1; d <= 7; d++) {
      availability(broker, d, "09:00", "19:00", 60);
    }
  }

  public void block(TestBroker broker, Instant from, Instant to) {
    db.sql("INSERT INTO calendar_blocks (broker_id, starts_at, ends_at, reason) VALUES (:b, :s, :e, 'vacaciones')")
        .bind("b", broker.id()).bind("s", from).bind("e", to)
        .fetch().rowsUpdated().block();
  }

  public UUID user(TestBroker broker, String role) {
    UUID id = UUID.randomUUID();
    db.sql("INSERT INTO users (id, broker_id, email, password_hash, full_name, role) "
            + "VALUES (:id, :b, :email, 'x', 'Usuario de prueba', :role)")
        .bind("id", id).bind("b", broker.id()).bind("email", id + "@test.inmo.cl").bind("role", role)
        .fetch().rowsUpdated().block();
    return id;
  }

  /** A superadmin (outside every broker); with {@link #token} it signs in as one. */
  public UUID superadmin() {
    UUID id = UUID.randomUUID();
    db.sql("INSERT INTO users (id, email, password_hash, full_name, role) "
            + "VALUES (:id, :email, 'x', 'Superadmin de prueba', 'SUPERADMIN')")
        .bind("id", id).bind("email", id + "@test.inmo.cl")
        .fetch().rowsUpdated().block();
    return id;
  }

  public void assign(UUID leadId, UUID agentId) {
    db.sql("UPDATE leads SET assigned_agent_id = :a WHERE id = :id")
        .bind("a", agentId).bind("id", leadId).fetch().rowsUpdated().block();
  }

  public long count(String sql, Map<String, Object> params) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      spec = spec.bind(e.getKey(), e.getValue());
    }
    return spec.map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
  }

  public void execute(String sql, Map<String, Object> params) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      spec = spec.bind(e.getKey(), e.getValue());
    }
    spec.fetch().rowsUpdated().block();
  }

  /**
   * A bearer token as /auth/login issues it, for an existing user with that role and broker: a session of its own
   * (a refresh-token family, its {@code sid}) is opened for it.
   */
  public String token(UUID userId, String role, UUID brokerId) {
    UUID session = UUID.randomUUID();
    db.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) "
            + "VALUES (:id, :user, :family, :hash, now() + interval '1 day')")
        .bind("id", UUID.randomUUID()).bind("user", userId).bind("family", session)
        .bind("hash", "test-" + UUID.randomUUID())
        .fetch().rowsUpdated().block();
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("inmo").subject(userId.toString())
        .issuedAt(now).expiresAt(now.plus(10, ChronoUnit.MINUTES)).claim("role", role)
        .claim("sid", session.toString());
    if (brokerId != null) {
      claims.claim("broker_id", brokerId.toString());
    }
    return jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
        .getTokenValue();
  }

  /** A LeadSnapshot body as the worker sends it (fields by component name). */
  public static Map<String, Object> snapshot(String brokerSlug, String workflowId, String name, String phone,
                                             String stage, int score, String status) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("phone", phone);
    fields.put("email", name == null ? null : name.toLowerCase().replace(' ', '.') + "@correo.cl");
    fields.put("zone", "Ñuñoa");
    fields.put("bedrooms", 2);
    fields.put("budgetClp", 120_000_000L);
    fields.put("dicom", "CLEAN");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    body.put("workflowId", workflowId);
    body.put("brokerSlug", brokerSlug);
    body.put("channel", "WEBCHAT");
    body.put("channelRef", "ref");
    body.put("source", "webchat");
    body.put("fields", fields);
    body.put("stage", stage);
    body.put("score", Map.of("total", score, "profile", 10, "engagement", 5, "financial", 0, "penalties", 0,
        "status", status));
    body.put("humanMode", false);
    body.put("needsAttention", false);
    body.put("optedOut", false);
    body.put("unreachable", false);
    body.put("nextAction", "FOLLOW_UP");
    body.put("nextActionAt", "2026-12-01T13:00:00Z");
    body.put("lastMessageAt", Instant.now().toString());
    return body;
  }

  public static Map<String, Object> message(String workflowId, String direction, String author, String externalId,
                                            String body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    m.put("workflowId", workflowId);
    m.put("direction", direction);
    m.put("author", author);
    m.put("externalId", externalId);
    m.put("body", body);
    m.put("at", Instant.now().toString());
    return m;
  }

  /** A TaskRecord body as the worker sends it (no due time, asked now). */
  public static Map<String, Object> task(String brokerSlug, String workflowId, String kind, String title, String key) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    t.put("workflowId", workflowId);
    t.put("brokerSlug", brokerSlug);
    t.put("kind", kind);
    t.put("title", title);
    t.put("detail", null);
    t.put("key", key);
    t.put("dueAt", null);
    t.put("at", Instant.now().toString());
    return t;
  }
}
