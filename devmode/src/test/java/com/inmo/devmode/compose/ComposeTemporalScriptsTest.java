package com.inmo.devmode.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.inmo.devmode.compose.ComposeProject.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's two Temporal jobs, run with POSIX sh against stand-ins for `temporal-sql-tool` and the
 * `temporal` CLI (the admin-tools image runs them with busybox sh): what they call, in which order, and that
 * a second run changes nothing.
 */
class ComposeTemporalScriptsTest {

  private static final String SCHEMA = "temporal-config/setup-schema.sh";
  private static final String NAMESPACE = "temporal-config/setup-namespace.sh";

  /** Logs every call; `create` answers "already exists" like on an initialised volume. */
  private static final String SQL_TOOL_STUB = """
      #!/bin/sh
      echo "$* | password=${SQL_PASSWORD:-none}" >> "$STUB_LOG"
      case "$*" in
        *" create") echo "database already exists" >&2; exit 1 ;;
        *"$STUB_FAIL"*) [ -n "$STUB_FAIL" ] && exit 2 ;;
      esac
      exit 0
      """;

  /**
   * A Temporal cluster in a folder: not SERVING on the first health call, a namespace is a file, search
   * attributes are lines "Name Type"; every change is logged.
   */
  private static final String TEMPORAL_STUB = """
      #!/bin/sh
      arg() { while [ $# -gt 0 ]; do [ "$1" = "$FLAG" ] && { echo "$2"; return; }; shift; done; }
      FLAG=--namespace; ns=$(arg "$@")
      FLAG=--address; address=$(arg "$@")
      [ "$address" = "$EXPECTED_ADDRESS" ] || { echo "wrong address $address" >&2; exit 3; }
      case "$1 $2 $3" in
        "operator cluster health")
          if [ -f "$STATE/health-asked" ]; then echo SERVING; else touch "$STATE/health-asked"; echo NOT_SERVING; fi ;;
        "operator namespace describe")
          [ -f "$STATE/ns-$ns" ] || { echo "Namespace $ns is not found" >&2; exit 1; } ;;
        "operator namespace create")
          [ -f "$STATE/ns-$ns" ] && { echo "Namespace already exists" >&2; exit 1; }
          FLAG=--retention; echo "namespace create $ns $(arg "$@")" >> "$STUB_LOG"; touch "$STATE/ns-$ns" ;;
        "operator search-attribute list")
          echo "  Name          Type"
          cat "$STATE/attrs-$ns" 2>/dev/null | sed 's/^/  /' ;;
        "operator search-attribute create")
          FLAG=--name; name=$(arg "$@"); FLAG=--type; type=$(arg "$@")
          echo "$name $type" >> "$STATE/attrs-$ns"; echo "search-attribute create $ns $name $type" >> "$STUB_LOG" ;;
        *) echo "unexpected: $*" >&2; exit 4 ;;
      esac
      """;

  @TempDir
  Path tmp;
  private Path bin;
  private Path log;
  private Path state;

  @BeforeEach
  void stubs() throws IOException {
    RequiredTool.present(ComposeProject.onPath("sh"), "no POSIX sh on this machine");
    bin = Files.createDirectories(tmp.resolve("bin"));
    state = Files.createDirectories(tmp.resolve("state"));
    log = tmp.resolve("calls.log");
    Files.writeString(log, "");
    executable(bin.resolve("temporal-sql-tool"), SQL_TOOL_STUB);
    executable(bin.resolve("temporal"), TEMPORAL_STUB);
  }

  @Test
  void theSchemaJobSetsUpThenUpgradesBothDatabases() {
    Result result = runScript(SCHEMA, Map.of("POSTGRES_USER", "inmo", "SQL_PASSWORD", "s3cret"));
    assertEquals(0, result.exitCode(), result.output());
    String common = "--plugin postgres12 --ep db -p 5432 -u inmo --db ";
    String v12 = "/etc/temporal/schema/postgresql/v12/";
    assertEquals(List.of(
        common + "temporal create | password=s3cret",
        common + "temporal setup-schema -v 0.0 | password=s3cret",
        common + "temporal update-schema -d " + v12 + "temporal/versioned | password=s3cret",
        common + "temporal_visibility create | password=s3cret",
        common + "temporal_visibility setup-schema -v 0.0 | password=s3cret",
        common + "temporal_visibility update-schema -d " + v12 + "visibility/versioned | password=s3cret"),
        calls());
  }

  @Test
  void theSchemaJobFailsWhenASchemaStepFails() {
    Result result = runScript(SCHEMA, Map.of("POSTGRES_USER", "inmo", "SQL_PASSWORD", "s3cret",
        "STUB_FAIL", "temporal_visibility setup-schema"));
    assertNotEquals(0, result.exitCode(), "a failed schema step must fail the job (the server waits for it)");
  }

  @Test
  void theSchemaJobNeedsItsCredentials() {
    Result result = runScript(SCHEMA, Map.of("POSTGRES_USER", "inmo"));
    assertNotEquals(0, result.exitCode());
    assertTrue(result.output().contains("SQL_PASSWORD"), result.output());
  }

  @Test
  void theNamespaceJobRegistersTheNamespaceAndSearchAttributesOnce() {
    Map<String, String> env = Map.of("TEMPORAL_ADDRESS", "temporal:7233", "TEMPORAL_NAMESPACE", "inmo");
    Result first = runScript(NAMESPACE, env);
    assertEquals(0, first.exitCode(), first.output());
    assertEquals(List.of(
        "namespace create inmo 720h",
        "search-attribute create inmo LeadStage Keyword",
        "search-attribute create inmo BrokerId Keyword",
        "search-attribute create inmo NextActionAt Datetime"), calls());

    Result second = runScript(NAMESPACE, env);
    assertEquals(0, second.exitCode(), second.output());
    assertEquals(4, calls().size(), "a second run must change nothing: " + calls());
  }

  @Test
  void theNamespaceJobDefaultsToTheDefaultNamespace() {
    Result result = runScript(NAMESPACE, Map.of("TEMPORAL_ADDRESS", "temporal:7233"));
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(calls().contains("namespace create default 720h"), calls().toString());
  }

  @Test
  void theNamespaceJobRefusesASearchAttributeOfAnotherType() throws IOException {
    Files.writeString(state.resolve("ns-default"), "");
    Files.writeString(state.resolve("attrs-default"), "LeadStage Text\n");
    Result result = runScript(NAMESPACE, Map.of("TEMPORAL_ADDRESS", "temporal:7233"));
    assertNotEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("LeadStage exists but is not of type Keyword"), result.output());
  }

  @Test
  void theNamespaceJobGivesUpWhenTheClusterNeverServes() {
    Result result = runScript(NAMESPACE, Map.of("TEMPORAL_ADDRESS", "elsewhere:7233"));
    assertNotEquals(0, result.exitCode());
    assertTrue(result.output().contains("gave up on: cluster health at elsewhere:7233"), result.output());
    assertTrue(calls().isEmpty());
  }

  @Test
  void theSearchAttributesAreTheGuidesAndCarryNoPersonalData() {
    Matcher m = Pattern.compile("(?m)^SEARCH_ATTRIBUTES=\"([^\"]*)\"").matcher(ComposeProject.read(NAMESPACE));
    assertTrue(m.find(), "SEARCH_ATTRIBUTES=\"Name:Type ...\" in " + NAMESPACE);
    Set<String> attributes = new TreeSet<>(List.of(m.group(1).trim().split("\\s+")));
    assertEquals(new TreeSet<>(List.of("LeadStage:Keyword", "BrokerId:Keyword", "NextActionAt:Datetime")), attributes);
    for (String a : attributes) {
      assertFalse(a.matches("(?i).*(name|phone|mail|rut|address|text|message).*:.*"), a + " looks like personal data");
    }
  }

  private List<String> calls() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Result runScript(String script, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    all.put("STUB_LOG", log.toString());
    all.put("STATE", state.toString());
    all.put("EXPECTED_ADDRESS", "temporal:7233");
    all.put("RETRY_ATTEMPTS", "4");
    all.put("RETRY_DELAY_SECONDS", "0");
    all.putIfAbsent("STUB_FAIL", "");
    Set<String> unset = Set.of("POSTGRES_SEEDS", "DB_PORT", "POSTGRES_USER", "SQL_PASSWORD", "TEMPORAL_ADDRESS",
        "TEMPORAL_NAMESPACE", "TEMPORAL_NAMESPACE_RETENTION", "TEMPORAL_SCHEMA_DIR");
    return ComposeProject.run(List.of("sh", ComposeProject.file(script).toString()), all, unset, tmp);
  }

  private static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
