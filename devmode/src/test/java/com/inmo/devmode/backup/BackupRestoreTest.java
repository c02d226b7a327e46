package com.inmo.devmode.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.api.ApiApplication;
import com.inmo.api.backup.Backup;
import com.inmo.api.backup.Restore;
import com.inmo.worker.WorkerApplication;
import io.temporal.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's {@code backup} and {@code restore} (the api jar's commands, docs/deployment.md) around the running
 * system, the api and the worker as production runs them on the machine's PostgreSQL and Redis: a lead chats, the
 * stack is backed up while it runs, everything stops, the backup is restored into empty databases (a fresh
 * stack), and the api and the worker start again on them. The restored lead still has its conversation, and its
 * workflow carries on from where the read model says: a new message is answered, and the answer, the message and
 * the lead's new field are written once into the restored read model.
 *
 * <p>Temporal's half: here Temporal is the SDK's test server, which keeps its state in memory, and it stays up
 * across the restore: that stands for Temporal's two databases restored from the same backup (no Temporal server
 * persisting to PostgreSQL can run on this machine: no Docker, no server binary). The commands dump and restore
 * Temporal's databases with the same code as the app's; here they are empty stand-ins. The deployment guide
 * documents the real half (restore all three, then start Temporal).
 */
class BackupRestoreTest {

  static final String TOKEN = "devmode-backup-internal-token";
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  final List<String> databases = new ArrayList<>();
  final List<ConfigurableApplicationContext> running = new ArrayList<>();
  TestServer.PortBoundTestServer temporal;
  int temporalPort;
  int apiPort;
  int internalPort;
  String base;

  @AfterEach
  void stopEverything() {
    stop();
    if (temporal != null) {
      temporal.close();
    }
    for (String db : databases) {
      sql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  @Test
  void aRestoredLeadKeepsItsConversationAndItsWorkflowCarriesOnIntoTheRestoredReadModel(@TempDir Path backups)
      throws Exception {
    temporalPort = freePort();
    temporal = TestServer.createPortBoundServer(temporalPort, true);
    apiPort = freePort();
    internalPort = freePort();
    base = "http://127.0.0.1:" + apiPort;
    String app = database("inmo_bk_app");
    String temporalDb = database("inmo_bk_tmp");
    String visibilityDb = database("inmo_bk_vis");

    start(app);
    String session = json(post("/api/v1/webchat/demo/sessions", "{}"), "sessionId");
    String workflowId = "lead-demo-webchat-" + session;
    say(session, "hola, soy Ana Rojas y busco un departamento de 2 dormitorios en Providencia");
    awaitMessages(app, workflowId, 2);
    say(session, "Mi presupuesto es de 4.000 UF y mi teléfono es +56 9 8765 4321");
    awaitMessages(app, workflowId, 4);
    List<String> before = messages(app, workflowId);
    assertThat(rows(app, "SELECT monthly_income_clp FROM leads WHERE workflow_id = '" + workflowId + "'"))
        .containsExactly("null");

    Map<String, String> stack = Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + app,
        "TEMPORAL_DATABASE", temporalDb, "TEMPORAL_VISIBILITY_DATABASE", visibilityDb);
    Command backup = run(Backup.COMMAND, stack, "--dir", backups.toString(), "--keep-days", "14");
    assertThat(backup.exit()).as(backup.text()).isZero();
    stop();

    // a fresh stack: three empty databases
    String app2 = database("inmo_rs_app");
    Map<String, String> fresh = Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + app2,
        "TEMPORAL_DATABASE", database("inmo_rs_tmp"), "TEMPORAL_VISIBILITY_DATABASE", database("inmo_rs_vis"));
    Command restore = run(Restore.COMMAND, fresh, onlyBackup(backups).toString());
    assertThat(restore.exit()).as(restore.text()).isZero();
    assertThat(messages(app2, workflowId)).isEqualTo(before);

    start(app2);
    HttpResponse<String> history = get("/api/v1/webchat/demo/sessions/" + session + "/messages");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("busco un departamento").contains("4.000 UF");

    say(session, "Gano 3 millones al mes y no estoy en DICOM");
    awaitMessages(app2, workflowId, before.size() + 2);

    List<String> after = messages(app2, workflowId);
    assertThat(after.subList(0, before.size())).as("the restored conversation, untouched").isEqualTo(before);
    assertThat(after.subList(before.size(), after.size())).as("the new message and its answer, once each")
        .satisfiesExactly(
            inbound -> assertThat(inbound).isEqualTo("INBOUND|LEAD|Gano 3 millones al mes y no estoy en DICOM"),
            answer -> assertThat(answer).startsWith("OUTBOUND|AI|"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(app2,
        "SELECT monthly_income_clp FROM leads WHERE workflow_id = '" + workflowId + "'")).containsExactly("3000000"));
    assertThat(rows(app2, "SELECT count(*) FROM leads")).as("no second lead").containsExactly("1");
  }

  /** The api, then the worker (as dev mode starts them), on {@code database}, Temporal and the machine's Redis. */
  void start(String database) {
    Map<String, Object> props = new HashMap<>();
    props.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
    props.put("REDIS_URL", "redis://127.0.0.1:6379");
    props.put("TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort);
    props.put("INTERNAL_API_TOKEN", TOKEN);
    props.put("INMO_SEED_DEMO", "true");
    // the worker reaches the api on its internal port, as in the stack
    props.put("INTERNAL_PORT", Integer.toString(internalPort));
    props.put("INMO_API_URL", "http://127.0.0.1:" + internalPort);
    props.put("PORT", Integer.toString(apiPort));
    // a restarted worker must not wait on its old sticky queue (the test server, like dev mode's)
    props.put("INMO_TEMPORAL_DEV_SERVER", "true");
    props.put("INMO_METRICS_PORT", "-1");
    props.put("inmo.events.log-key", "inmo:events:log:" + database);
    props.put("logging.register-shutdown-hook", "false");
    running.add(ApiApplication.builder(props).registerShutdownHook(false).run());
    running.add(WorkerApplication.builder(props).registerShutdownHook(false).run());
  }

  /** The worker first, then the api: nothing writes while the databases are restored. */
  void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    running.clear();
  }

  String database(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    sql("postgres", "CREATE DATABASE " + name);
    databases.add(name);
    return name;
  }

  /** direction|author|body of the lead's messages, oldest first. */
  static List<String> messages(String database, String workflowId) {
    return rows(database, "SELECT m.direction || '|' || m.author || '|' || m.body FROM messages m JOIN leads l "
        + "ON l.id = m.lead_id WHERE l.workflow_id = '" + workflowId + "' ORDER BY m.created_at, m.id");
  }

  static void awaitMessages(String database, String workflowId, int count) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> messages(database, workflowId).size() >= count);
  }

  void say(String session, String text) throws Exception {
    HttpResponse<String> sent = post("/api/v1/webchat/demo/messages",
        "{\"sessionId\":\"" + session + "\",\"text\":\"" + text + "\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String json(HttpResponse<String> response, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as(field + " in " + response.body()).isTrue();
    return m.group(1);
  }

  static Path onlyBackup(Path backups) throws IOException {
    try (Stream<Path> dirs = Files.list(backups)) {
      return dirs.filter(d -> Files.exists(d.resolve("manifest.json"))).findFirst().orElseThrow();
    }
  }

  record Command(int exit, String text) {
  }

  /** One of the api jar's commands, as {@code docker compose run --rm api <command>} runs it. */
  static Command run(String command, Map<String, String> env, String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    String[] argv = Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
    int exit = command.equals(Backup.COMMAND) ? Backup.run(argv, env, print, print) : Restore.run(argv, env, print, print);
    String text = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    return new Command(exit, text);
  }

  static List<String> rows(String database, String query) {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.add(String.valueOf(rs.getObject(1)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  static void sql(String database, String statement) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
         Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed: " + e.getMessage(), e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
