package com.inmo.api.leads.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStart;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import io.temporal.client.WorkflowClient;

/** {@code POST /api/v1/leads/import}: a CSV file's good rows become leads, the others come back with their reasons. */
@ApiIntegrationTest
class LeadImportTest {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  TestData data;
  TestData.TestBroker broker;
  String admin;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  private WebTestClient.ResponseSpec importCsv(String token, byte[] csv) {
    return http.post().uri("/api/v1/leads/import").header("Authorization", "Bearer " + token).contentType(CSV)
        .bodyValue(csv).exchange();
  }

  private WebTestClient.ResponseSpec importForm(String token, byte[] csv) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("note", "leads de la feria");
    form.part("file", new ByteArrayResource(csv) {
      @Override
      public String getFilename() {
        return "leads.csv";
      }
    }).contentType(CSV);
    return http.post().uri("/api/v1/leads/import").header("Authorization", "Bearer " + token)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build())).exchange();
  }

  private List<Map<String, Object>> rows() {
    return db.sql("SELECT name, phone, email, channel, source, tags, workflow_id FROM leads WHERE broker_id = :b "
            + "ORDER BY name")
        .bind("b", broker.id())
        .map((row, meta) -> Map.<String, Object>of("name", row.get("name", String.class),
            "phone", String.valueOf(row.get("phone", String.class)), "email", String.valueOf(row.get("email", String.class)),
            "channel", row.get("channel", String.class), "source", row.get("source", String.class),
            "tags", Arrays.asList(row.get("tags", String[].class)), "workflowId", row.get("workflow_id", String.class)))
        .all().collectList().block();
  }

  @Test
  void goodRowsBecomeLeadsAndBadRowsComeBackWithTheirReasons() {
    // a lead the broker has already
    http.post().uri("/api/v1/leads").header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "Existente", "phone", "+56987650009")).exchange().expectStatus().isCreated();
    String csv = "\uFEFFNombre_ignorado;Name;Phone;Email;Tags;Source\n"   // row 1: header, BOM, semicolons
        + "x;Ana Pérez;9 8765 0001;ana@correo.cl;vip|feria;feria-2026\n"     // 2 ok
        + "x;Bruno;12345;;;\n"                                              // 3 invalid phone
        + "x;;+56987650003;sin.nombre@correo.cl;;\n"                        // 4 missing name
        + "x;Ana otra vez;+56 9 8765 0001;;;\n"                             // 5 duplicate phone of row 2
        + "\n"                                                              // (a blank line is no row)
        + "x;Carla;;carla@correo.cl;;\n"                                    // 7 ok, email only
        + "x;Carla bis;987650007;CARLA@correo.cl;;\n"                       // 8 duplicate email of row 7
        + "x;Dora;;;;\n"                                                    // 9 no phone, no email
        + "x;Existente bis;987650009;;;\n"                                  // 10 exists in the broker
        + "x;Eva;;eva@;;\n"                                                 // 11 invalid email
        + "x;\"Fabián; el del quiosco\";+56987650012;;\"a;b\";\n";          // 12 ok, quoted cells
    importCsv(admin, csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk()
        .expectBody().json("""
            {"accepted": 3, "rejected": [
              {"row": 3, "reason": "invalid phone '12345'"},
              {"row": 4, "reason": "missing name"},
              {"row": 5, "reason": "duplicate phone of row 2"},
              {"row": 8, "reason": "duplicate email of row 7"},
              {"row": 9, "reason": "missing phone and email"},
              {"row": 10, "reason": "a lead with this phone already exists"},
              {"row": 11, "reason": "invalid email 'eva@'"}]}""", true);

    List<Map<String, Object>> rows = rows();
    assertThat(rows).extracting(r -> r.get("name"))
        .containsExactly("Ana Pérez", "Carla", "Existente", "Fabián; el del quiosco");
    Map<String, Object> ana = rows.get(0);
    assertThat(ana).containsEntry("phone", "+56987650001").containsEntry("email", "ana@correo.cl")
        .containsEntry("channel", "IMPORT").containsEntry("source", "feria-2026")
        .containsEntry("tags", List.of("vip", "feria"));
    assertThat(rows.get(1)).containsEntry("source", "import").containsEntry("phone", "null");
    assertThat(rows.get(3)).containsEntry("tags", List.of("a", "b"));
    LeadStart start = NewLeadTest.startOf(temporal, (String) ana.get("workflowId"));
    assertThat(start.channel()).isEqualTo(Channel.IMPORT);
    assertThat(start.knownFields().phone()).isEqualTo("+56987650001");
    assertThat(start.source()).isEqualTo("feria-2026");

    // the same file again: every good row is now a lead the broker has
    importCsv(admin, csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk()
        .expectBody().jsonPath("$.accepted").isEqualTo(0).jsonPath("$.rejected.length()").isEqualTo(10);
  }

  @Test
  void aMultipartFormInWindows1252WithCommasWorksToo() {
    String csv = "name,phone,email\r\n\"Ñuñoa, María\",+56987651001,maria@correo.cl\r\nJosé,+56987651002,\r\n";
    importForm(admin, csv.getBytes(Charset.forName("windows-1252"))).expectStatus().isOk()
        .expectBody().json("{\"accepted\": 2, \"rejected\": []}", true);
    assertThat(rows()).extracting(r -> r.get("name")).containsExactly("José", "Ñuñoa, María");
  }

  @Test
  void aFileOver10MbIs413AndNothingIsImported() {
    StringBuilder csv = new StringBuilder("name,phone\n");
    int i = 0;
    while (csv.length() <= LeadImportController.MAX_BYTES) {
      csv.append("Lead número ").append(i++).append(" con un nombre largo para llenar,+5698").append(
          String.format("%07d", i % 10_000_000)).append('\n');
    }
    byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isGreaterThan((int) LeadImportController.MAX_BYTES);
    importCsv(admin, body).expectStatus().isEqualTo(413);
    importForm(admin, body).expectStatus().isEqualTo(413);
    assertThat(rows()).isEmpty();
    // just under the limit is read (and refused for its row count, not its size)
    byte[] under = Arrays.copyOf(body, (int) LeadImportController.MAX_BYTES);
    importCsv(admin, under).expectStatus().isEqualTo(422);
    assertThat(rows()).isEmpty();
  }

  @Test
  void aFileWithoutItsHeaderIs400AndASuperadminCannotImport() {
    importCsv(admin, "Ana,+56987652001\n".getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("name"));
    importCsv(data.token(data.superadmin(), "SUPERADMIN", null), "name,phone\nAna,987652001\n".getBytes())
        .expectStatus().isForbidden();
    importForm(admin, new byte[0]).expectStatus().isBadRequest();
  }
}
