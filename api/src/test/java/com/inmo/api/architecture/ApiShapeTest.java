package com.inmo.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

  static final String INTERNAL_PACKAGE = "com.inmo.api.internal";

  static final ArchRule WORKER_ENDPOINTS_IN_INTERNAL = classes().that().areAnnotatedWith(RestController.class)
      .should(new ArchCondition<>("serve /internal/** if and only if they reside in " + INTERNAL_PACKAGE + "..") {
        @Override
        public void check(JavaClass controller, ConditionEvents events) {
          boolean internal = controller.getPackageName().startsWith(INTERNAL_PACKAGE + ".");
          for (String path : paths(controller)) {
            boolean forWorker = path.equals("/internal") || path.startsWith("/internal/");
            if (forWorker != internal) {
              events.add(SimpleConditionEvent.violated(controller, controller.getName() + " maps " + path
                  + (internal ? ": a worker controller serves /internal/** only" : ": /internal/** is served from "
                  + INTERNAL_PACKAGE + ".<resource>")));
            }
          }
        }
      })
      .because("the worker-facing api is one visible part of the house: api/internal/<resource>");

  private static final Set<String> MAPPINGS = Set.of(RequestMapping.class.getName(), GetMapping.class.getName(),
      PostMapping.class.getName(), PutMapping.class.getName(), DeleteMapping.class.getName(),
      PatchMapping.class.getName());

  /** Every path a controller maps, its class-level prefix (if any) before each method's. */
  static List<String> paths(JavaClass controller) {
    List<String> prefixes = controller.getAnnotations().stream().flatMap(ApiShapeTest::pathsOf).toList();
    List<String> paths = new ArrayList<>();
    controller.getMethods().forEach(method -> method.getAnnotations().stream().flatMap(ApiShapeTest::pathsOf)
        .forEach(path -> {
          if (prefixes.isEmpty()) {
            paths.add(path);
          }
          prefixes.forEach(prefix -> paths.add(prefix + path));
        }));
    return paths;
  }

  private static Stream<String> pathsOf(JavaAnnotation<?> annotation) {
    if (!MAPPINGS.contains(annotation.getRawType().getName())) {
      return Stream.empty();
    }
    return Stream.of("value", "path").flatMap(name -> annotation.get(name).stream())
        .flatMap(value -> value instanceof Object[] many ? Stream.of(many) : Stream.of(value))
        .map(Object::toString);
  }

  @Test
  void workerEndpointsLiveInTheInternalPackageAndNowhereElse() {
    WORKER_ENDPOINTS_IN_INTERNAL.check(API);
  }

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
        ControllerWithSql.class, WorkerEndpointOutsideInternal.class);
    assertThatThrownBy(() -> ONE_DOOR_TO_TEMPORAL.check(broken)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("TemporalOutsideTheGateway");
    assertThatThrownBy(() -> CONTROLLERS_RUN_NO_SQL.check(broken)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("ControllerWithSql");
    assertThatThrownBy(() -> WORKER_ENDPOINTS_IN_INTERNAL.check(broken)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("WorkerEndpointOutsideInternal maps /internal/v1/broken")
        .hasMessageNotContaining("ControllerWithSql");
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

  @RestController
  @RequestMapping("/internal/v1")
  static class WorkerEndpointOutsideInternal {

    @PostMapping({"/broken"})
    String broken() {
      return "";
    }
  }
}
