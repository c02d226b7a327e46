package com.inmo.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The api's shape (docs/architecture.md, "Inside the api"): channels → gateway → workflows → activities →
 * internal api → repositories. Each rule names one layer's boundary.
 */
class ApiShapeTest {

  private static final JavaClasses API = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.inmo.api");

  static final ArchRule ONE_DOOR_TO_TEMPORAL = noClasses().that().resideOutsideOfPackage("com.inmo.api.gateway..")
      .should().dependOnClassesThat().resideInAPackage("io.temporal.client..")
      .because("the api starts, signals, updates and queries workflows through its gateway only, which maps "
          + "Temporal's errors to problems once");

  static final ArchRule CONTROLLERS_RUN_NO_SQL = noClasses().that().areAnnotatedWith(RestController.class)
      .should().dependOnClassesThat().belongToAnyOf(DatabaseClient.class)
      .orShould().dependOnClassesThat().resideInAPackage("io.r2dbc..")
      .because("SQL lives in each feature's repository (a @Repository class), not in its endpoints");

  @Test
  void onlyTheGatewayTalksToTemporal() {
    ONE_DOOR_TO_TEMPORAL.check(API);
  }

  @Test
  void controllersRunNoSql() {
    CONTROLLERS_RUN_NO_SQL.check(API);
  }

  /** The rules are only worth something if they catch a violation: prove it on classes that break them. */
  @Test
  void theRulesCatchAViolation() {
    JavaClasses broken = new ClassFileImporter().importClasses(TemporalOutsideTheGateway.class,
        ControllerWithSql.class);
    assertThatThrownBy(() -> ONE_DOOR_TO_TEMPORAL.check(broken)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("TemporalOutsideTheGateway");
    assertThatThrownBy(() -> CONTROLLERS_RUN_NO_SQL.check(broken)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("ControllerWithSql");
  }

  static class TemporalOutsideTheGateway {
    WorkflowClient client;
  }

  @RestController
  static class ControllerWithSql {
    DatabaseClient db;

    @GetMapping("/api/v1/broken")
    String broken() {
      return db.toString();
    }
  }
}
