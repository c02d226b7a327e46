package com.inmo.workflows.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * docs/design.md, Modules: workflow code is pure Temporal code. No Spring, no I/O, no clock, no randomness
 * outside {@code Workflow.*}: anything else breaks replay of running leads. (Maven's enforcer keeps the
 * forbidden libraries off this module's classpath; these rules keep the JDK's own I/O and clocks out.)
 */
class WorkflowPurityTest {

  private static final JavaClasses WORKFLOW_CODE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.inmo.workflows");

  static final ArchRule NO_FRAMEWORKS_OR_PROVIDERS = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("org.springframework..", "dev.langchain4j..", "org.telegram..", "com.inmo.activities..",
          "com.inmo.worker..", "com.inmo.api..", "reactor..", "io.r2dbc..", "okhttp3..")
      .because("workflows may depend on temporal-sdk only (docs/design.md, Modules)");

  static final ArchRule NO_IO = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..", "java.net.http..")
      .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
          java.io.FileOutputStream.class)
      .because("I/O belongs in activities: workflow code is replayed");

  static final ArchRule NO_CLOCK_OR_RANDOMNESS = noClasses().should()
      .callMethod(System.class, "currentTimeMillis").orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethod(java.time.Instant.class, "now").orShould().callMethod(java.time.LocalDateTime.class, "now")
      .orShould().callMethod(java.time.ZonedDateTime.class, "now").orShould().callMethod(java.time.LocalDate.class, "now")
      .orShould().callMethod(java.util.UUID.class, "randomUUID").orShould().callMethod(Thread.class, "sleep", long.class)
      .orShould().dependOnClassesThat().belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class,
          java.util.concurrent.ThreadLocalRandom.class, java.time.Clock.class)
      .because("use Workflow.currentTimeMillis(), Workflow.newRandom(), Workflow.randomUUID() and Workflow.sleep()");

  @Test
  void workflowCodeUsesNoFrameworkOrProvider() {
    NO_FRAMEWORKS_OR_PROVIDERS.allowEmptyShould(true).check(WORKFLOW_CODE);
  }

  @Test
  void workflowCodeDoesNoIo() {
    NO_IO.allowEmptyShould(true).check(WORKFLOW_CODE);
  }

  @Test
  void workflowCodeReadsNoClockAndNoRandomness() {
    NO_CLOCK_OR_RANDOMNESS.allowEmptyShould(true).check(WORKFLOW_CODE);
  }

  /** The rules are only worth something if they catch a violation: prove it on a class that breaks them. */
  @Test
  void theRulesCatchAViolation() {
    JavaClasses offender = new ClassFileImporter().importClasses(NonDeterministicOffender.class);
    assertThatThrownBy(() -> NO_CLOCK_OR_RANDOMNESS.check(offender)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("currentTimeMillis");
    assertThatThrownBy(() -> NO_IO.check(offender)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.net");
  }

  static class NonDeterministicOffender {
    long now() {
      return System.currentTimeMillis();
    }

    java.net.URI where() {
      return java.net.URI.create("http://example.com");
    }
  }
}
