package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lead list's filters, sorts and both pagings over a few thousand leads. The rows are generated in SQL
 * from the row number by the same simple formulas {@link Spec} applies in Java, so every expected page is
 * computed here independently of the api's SQL.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadListTest {

  static final int N = 3000;
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  static final String[] STAGES = {"NEW", "PROFILING", "FINANCIAL_QUALIFICATION", "POTENTIAL", "SCHEDULED", "WON", "LOST"};
  static final String[] STATUSES = {"COLD", "WARM", "HOT", "QUALIFIED"};
  static final String[] CHANNELS = {"TELEGRAM", "WEBCHAT", "IMPORT", "MANUAL"};

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  TestData.TestBroker broker;
  UUID agentA;
  UUID agentB;
  String admin;
  String seed;
  List<Spec> all;

  /** One generated lead, as the SQL below makes row {@code i}. */
  record Spec(int i, String id, String stage, String status, int score, String channel, UUID agent,
              boolean needsAttention, boolean humanMode, Instant createdAt, Instant updatedAt, Instant lastMessageAt,
              String name, String phone, String email) {

    Instant activity() {
      return lastMessageAt != null ? lastMessageAt : createdAt;
    }
  }

  @BeforeAll
  void insertLeads() {
    data = new TestData(db, jwt);
    broker = data.broker();
    agentA = data.user(broker, "AGENT");
    agentB = data.user(broker, "AGENT");
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    seed = UUID.randomUUID().toString();
    data.execute("""
        INSERT INTO leads (id, broker_id, workflow_id, channel, name, phone, email, stage, score, status, human_mode,
            needs_attention, assigned_agent_id, created_at, updated_at, last_message_at)
        SELECT md5(:seed || i)::uuid, :broker, 'lead-list-' || :seed || '-' || i, (CAST(:channels AS text[]))[i % 4 + 1],
               CASE WHEN i % 50 = 0 THEN NULL ELSE 'Lead ' || lpad(((i * 31) % 3000)::text, 4, '0') END,
               '+5698' || lpad(i::text, 7, '0'), 'lead' || i || '@corredora.cl',
               (CAST(:stages AS text[]))[i % 7 + 1], (i * 37) % 101, (CAST(:statuses AS text[]))[i % 4 + 1], i % 7 = 3, i % 10 = 0,
               CASE i % 5 WHEN 0 THEN CAST(:agentA AS uuid) WHEN 1 THEN CAST(:agentB AS uuid) END,
               :base + i * interval '1 minute', :base + ((i * 13) % 3000) * interval '1 minute',
               CASE WHEN i % 3 = 0 THEN NULL ELSE :base + ((i * 7) % 1000) * interval '1 hour' END
          FROM generate_series(1, :n) AS i""", Map.of("seed", seed, "broker", broker.id(), "channels", CHANNELS,
        "stages", STAGES, "statuses", STATUSES, "agentA", agentA, "agentB", agentB, "base", BASE, "n", N));
    all = IntStream.rangeClosed(1, N).mapToObj(i -> new Spec(i, md5Uuid(seed + i), STAGES[i % 7], STATUSES[i % 4],
        (i * 37) % 101, CHANNELS[i % 4], i % 5 == 0 ? agentA : i % 5 == 1 ? agentB : null, i % 10 == 0, i % 7 == 3,
        BASE.plus(i, ChronoUnit.MINUTES), BASE.plus((i * 13L) % 3000, ChronoUnit.MINUTES),
        i % 3 == 0 ? null : BASE.plus((i * 7L) % 1000, ChronoUnit.HOURS),
        i % 50 == 0 ? null : "Lead " + String.format("%04d", (i * 31) % 3000), String.format("+5698%07d", i),
        "lead" + i + "@corredora.cl")).toList();
  }

  static String md5Uuid(String text) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : d) {
        hex.append(String.format("%02x", b));
      }
      return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
          + hex.substring(16, 20) + "-" + hex.substring(20)).toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- helpers

  @SuppressWarnings("unchecked")
  Map<String, Object> page(String token, Map<String, List<String>> params) {
    return http.get().uri(u -> {
          u.path("/api/v1/leads");
          params.forEach((k, vs) -> vs.forEach(v -> u.queryParam(k, "{" + k + vs.indexOf(v) + "}")));
          Map<String, String> values = new LinkedHashMap<>();
          params.forEach((k, vs) -> {
            for (int j = 0; j < vs.size(); j++) {
              values.put(k + j, vs.get(j));
            }
          });
          return u.build(values);
        }).header("Authorization", "Bearer " + token)
        .exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  static Map<String, List<String>> params(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int j = 0; j < kv.length; j += 2) {
      m.computeIfAbsent(kv[j], k -> new ArrayList<>()).add(kv[j + 1]);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  static List<String> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
  }

  long total(String token, String... kv) {
    return ((Number) page(token, params(kv)).get("total")).longValue();
  }

  long expected(Predicate<Spec> filter) {
    return all.stream().filter(filter).count();
  }

  /** Every id of the query, walking the cursors from the first page; checks no page repeats a row. */
  List<String> walkCursors(String token, int limit, String... kv) {
    List<String> out = new ArrayList<>();
    Map<String, List<String>> p = params(kv);
    p.put("limit", List.of(String.valueOf(limit)));
    String cursor = null;
    int pages = 0;
    do {
      Map<String, List<String>> q = new LinkedHashMap<>(p);
      if (cursor != null) {
        q.put("cursor", List.of(cursor));
      }
      Map<String, Object> page = page(token, q);
      List<String> ids = ids(page);
      out.addAll(ids);
      cursor = (String) page.get("nextCursor");
      assertThat(pages++).as("cursor walk ends").isLessThan(N / limit + 2);
      if (cursor != null) {
        assertThat(ids).hasSize(limit);
      }
    } while (cursor != null);
    assertThat(new HashSet<>(out)).as("no row twice").hasSize(out.size());
    return out;
  }

  /** The model's order for a sort: nulls last in both directions, then the id (as PostgreSQL orders uuids). */
  static <T extends Comparable<T>> List<String> sorted(List<Spec> specs, Function<Spec, T> key, boolean desc) {
    Comparator<Spec> byKey = (a, b) -> {
      T x = key.apply(a);
      T y = key.apply(b);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : 1) : -1;
      }
      return desc ? y.compareTo(x) : x.compareTo(y);
    };
    Comparator<Spec> byId = desc ? Comparator.comparing(Spec::id).reversed() : Comparator.comparing(Spec::id);
    return specs.stream().sorted(byKey.thenComparing(byId)).map(Spec::id).toList();
  }

  // ---- tests

  @Test
  void eachFilterCountsWhatTheModelSays() {
    assertThat(total(admin)).isEqualTo(N);
    assertThat(total(admin, "stage", "POTENTIAL")).isEqualTo(expected(s -> s.stage().equals("POTENTIAL")));
    assertThat(total(admin, "stage", "NEW", "stage", "won")).isEqualTo(expected(s -> s.stage().equals("NEW")
        || s.stage().equals("WON")));
    assertThat(total(admin, "stage", "NEW,LOST")).isEqualTo(expected(s -> s.stage().equals("NEW")
        || s.stage().equals("LOST")));
    assertThat(total(admin, "status", "HOT")).isEqualTo(expected(s -> s.status().equals("HOT")));
    assertThat(total(admin, "scoreMin", "40", "scoreMax", "60"))
        .isEqualTo(expected(s -> s.score() >= 40 && s.score() <= 60));
    assertThat(total(admin, "scoreMin", "100")).isEqualTo(expected(s -> s.score() == 100));
    assertThat(total(admin, "channel", "WEBCHAT")).isEqualTo(expected(s -> s.channel().equals("WEBCHAT")));
    assertThat(total(admin, "agentId", agentA.toString())).isEqualTo(expected(s -> agentA.equals(s.agent())));
    assertThat(total(admin, "unassigned", "true")).isEqualTo(expected(s -> s.agent() == null));
    assertThat(total(admin, "needsAttention", "true")).isEqualTo(expected(Spec::needsAttention));
    assertThat(total(admin, "needsAttention", "false")).isEqualTo(expected(s -> !s.needsAttention()));
    assertThat(total(admin, "humanMode", "true")).isEqualTo(expected(Spec::humanMode));
    Instant from = BASE.plus(1000, ChronoUnit.MINUTES);
    Instant to = BASE.plus(1500, ChronoUnit.MINUTES);
    assertThat(total(admin, "createdFrom", from.toString(), "createdTo", to.toString()))
        .isEqualTo(expected(s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to))).isEqualTo(500);
    Instant lcFrom = BASE.plus(100, ChronoUnit.HOURS);
    Instant lcTo = BASE.plus(200, ChronoUnit.HOURS);
    assertThat(total(admin, "lastContactFrom", lcFrom.toString(), "lastContactTo", lcTo.toString()))
        .isEqualTo(expected(s -> s.lastMessageAt() != null && !s.lastMessageAt().isBefore(lcFrom)
            && s.lastMessageAt().isBefore(lcTo)));
    assertThat(total(admin, "search", "lead1234@")).isEqualTo(1);
    assertThat(total(admin, "search", "+5698000123")).isEqualTo(expected(s -> s.phone().contains("+5698000123")))
        .isEqualTo(10);
    assertThat(total(admin, "search", "lead 012")).isEqualTo(expected(s -> s.name() != null
        && s.name().toLowerCase().contains("lead 012"))).isPositive();
  }

  @Test
  void filtersCombineAndTheCombinationPagesExactly() {
    Predicate<Spec> filter = s -> (s.stage().equals("PROFILING") || s.stage().equals("POTENTIAL"))
        && s.score() >= 20 && s.channel().equals("TELEGRAM") && !s.needsAttention();
    List<String> got = walkCursors(admin, 7, "stage", "PROFILING", "stage", "POTENTIAL", "scoreMin", "20",
        "channel", "TELEGRAM", "needsAttention", "false", "sort", "-score");
    assertThat(got).isEqualTo(sorted(all.stream().filter(filter).toList(), Spec::score, true)).isNotEmpty();
  }

  @Test
  void cursorPagingFollowsEverySortExactly() {
    assertThat(walkCursors(admin, 200, "sort", "createdAt")).isEqualTo(sorted(all, Spec::createdAt, false));
    assertThat(walkCursors(admin, 200)).as("default: newest activity first")
        .isEqualTo(sorted(all, Spec::activity, true));
    // the others over one channel (750 leads), with ties (score, last message) and nulls (last message, name)
    List<Spec> telegram = all.stream().filter(s -> s.channel().equals("TELEGRAM")).toList();
    assertThat(walkCursors(admin, 200, "channel", "TELEGRAM", "sort", "-createdAt"))
        .isEqualTo(sorted(telegram, Spec::createdAt, true));
    assertThat(walkCursors(admin, 150, "channel", "TELEGRAM", "sort", "updatedAt"))
        .isEqualTo(sorted(telegram, Spec::updatedAt, false));
    assertThat(walkCursors(admin, 150, "channel", "TELEGRAM", "sort", "-updatedAt"))
        .isEqualTo(sorted(telegram, Spec::updatedAt, true));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "score"))
        .isEqualTo(sorted(telegram, Spec::score, false));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "-score"))
        .isEqualTo(sorted(telegram, Spec::score, true));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "lastMessageAt"))
        .isEqualTo(sorted(telegram, Spec::lastMessageAt, false));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "-lastMessageAt"))
        .isEqualTo(sorted(telegram, Spec::lastMessageAt, true));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "name"))
        .isEqualTo(sorted(telegram, Spec::name, false));
    assertThat(walkCursors(admin, 100, "channel", "TELEGRAM", "sort", "-name"))
        .isEqualTo(sorted(telegram, Spec::name, true));
  }

  @Test
  void offsetPagingServesTheSameOrderWithTotalsAndACursorToGoOn() {
    List<String> expected = sorted(all, Spec::score, true);
    List<String> got = new ArrayList<>();
    for (int offset = 0; offset < N; offset += 200) {
      Map<String, Object> page = page(admin, params("sort", "-score", "limit", "200", "offset", String.valueOf(offset)));
      assertThat(((Number) page.get("total")).intValue()).isEqualTo(N);
      assertThat(page.get("limit")).isEqualTo(200);
      assertThat(page.get("offset")).isEqualTo(offset);
      assertThat(page.get("nextCursor") == null).isEqualTo(offset + 200 >= N);
      got.addAll(ids(page));
    }
    assertThat(got).isEqualTo(expected);

    // an offset page's cursor goes on where it ended
    Map<String, Object> third = page(admin, params("sort", "-score", "limit", "200", "offset", "400"));
    Map<String, Object> fourth = page(admin, params("sort", "-score", "limit", "200",
        "cursor", (String) third.get("nextCursor")));
    assertThat(ids(fourth)).isEqualTo(expected.subList(600, 800));
  }

  @Test
  void aCursorNeitherSkipsNorRepeatsWhenLeadsArriveMeanwhile() {
    Map<String, Object> first = page(admin, params("sort", "-createdAt", "limit", "50", "agentId", agentB.toString()));
    // a new lead sorts before the whole first page: an offset would now serve the first page's last row again
    data.execute("INSERT INTO leads (id, broker_id, workflow_id, channel, assigned_agent_id, created_at) "
        + "VALUES (:id, :b, :w, 'MANUAL', :a, :at)", Map.of("id", UUID.randomUUID(), "b", broker.id(),
        "w", "lead-list-new-" + UUID.randomUUID(), "a", agentB, "at", BASE.plus(10_000, ChronoUnit.MINUTES)));
    try {
      Map<String, Object> second = page(admin, params("sort", "-createdAt", "limit", "50", "agentId", agentB.toString(),
          "cursor", (String) first.get("nextCursor")));
      List<String> expected = sorted(all.stream().filter(s -> agentB.equals(s.agent())).toList(), Spec::createdAt, true);
      assertThat(ids(first)).isEqualTo(expected.subList(0, 50));
      assertThat(ids(second)).isEqualTo(expected.subList(50, 100));
    } finally {
      data.execute("DELETE FROM leads WHERE workflow_id LIKE 'lead-list-new-%' AND broker_id = :b",
          Map.of("b", broker.id()));
    }
  }

  @Test
  void anAgentPagesOnlyThroughTheirLeads() {
    String agent = data.token(agentA, "AGENT", broker.id());
    assertThat(walkCursors(agent, 200, "sort", "name"))
        .isEqualTo(sorted(all.stream().filter(s -> agentA.equals(s.agent())).toList(), Spec::name, false));
  }

  @Test
  void badParametersAre400NamingWhatIsWrong() {
    expect400("stage=ALMOST", "ALMOST");
    expect400("status=TEPID", "TEPID");
    expect400("channel=FAX", "FAX");
    expect400("sort=-budget", "budget");
    expect400("sort=createdAt&cursor=bm90LWEtY3Vyc29y", "cursor");
    expect400("limit=201", "limit");
    expect400("limit=0", "limit");
    expect400("scoreMin=70&scoreMax=20", "scoreMin");
    expect400("scoreMax=101", "scoreMax");
    expect400("unassigned=true&agentId=" + agentA, "unassigned");
    expect400("createdFrom=yesterday", "createdFrom");
    expect400("createdFrom=2026-02-01T00:00:00Z&createdTo=2026-01-01T00:00:00Z", "createdFrom");
    expect400("agentId=not-a-uuid", "agentId");
    String cursor = (String) page(admin, params("sort", "score", "limit", "5")).get("nextCursor");
    expect400("sort=-score&cursor=" + cursor, "sort");
    expect400("sort=score&offset=5&cursor=" + cursor, "cursor");
  }

  private void expect400(String query, String named) {
    http.get().uri("/api/v1/leads?" + query).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).as(query).contains(named));
  }
}
