package com.inmo.api.brokers;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brokers (tenants). A SUPERADMIN lists, creates, edits and deactivates any; a broker's ADMIN reads and edits
 * their own ({@code /api/v1/brokers/current}, or its id), never its slug or whether it runs. Another broker's
 * id answers 404 to an admin, as an unknown one does; an AGENT gets 403.
 */
@RestController
@Tag(name = "Brokers", description = "Tenants and their settings")
public class BrokerAdminController {

  private final Brokers brokers;
  private final BrokerAdmin admin;
  private final JsonMapper json;

  public BrokerAdminController(Brokers brokers, BrokerAdmin admin, JsonMapper json) {
    this.brokers = brokers;
    this.admin = admin;
    this.json = json;
  }

  @GetMapping("/api/v1/brokers")
  @Operation(summary = "Every broker, the inactive ones too (SUPERADMIN)")
  public Flux<BrokerView> list(@AuthenticationPrincipal Jwt jwt) {
    return superadmin(jwt).thenMany(admin.all()).map(b -> BrokerView.of(b, json));
  }

  @PostMapping("/api/v1/brokers")
  @Operation(summary = "Create a broker (SUPERADMIN)")
  public Mono<ResponseEntity<BrokerView>> create(@AuthenticationPrincipal Jwt jwt, @RequestBody BrokerForm form) {
    return superadmin(jwt).then(Mono.defer(() -> {
      List<String> problems = new ArrayList<>();
      String slug = BrokerForm.checkSlug(form.slug(), problems);
      String name = BrokerForm.checkText("name", form.name(), 200, problems);
      String zone = BrokerForm.checkTimeZone(form.timeZone() == null ? BrokerForm.DEFAULT_TIME_ZONE : form.timeZone(),
          problems);
      String personaName = BrokerForm.checkText("personaName",
          form.personaName() == null ? BrokerForm.DEFAULT_PERSONA_NAME : form.personaName(), 100, problems);
      String personaTone = BrokerForm.checkText("personaTone",
          form.personaTone() == null ? BrokerForm.DEFAULT_PERSONA_TONE : form.personaTone(), 300, problems);
      Map<String, Object> settings = BrokerForm.settingsDocument(form.settings(), problems);
      if (!problems.isEmpty()) {
        return Mono.error(Problems.badRequest(String.join("; ", problems)));
      }
      Broker broker = new Broker(UUID.randomUUID(), slug, name, zone, personaName, personaTone,
          json.writeValueAsString(settings), form.active() == null || form.active());
      return admin.insert(broker)
          .onErrorMap(DataIntegrityViolationException.class,
              e -> Problems.conflict("A broker with the slug '" + slug + "' already exists"))
          .then(brokers.findById(broker.id()))
          .map(saved -> ResponseEntity.created(URI.create("/api/v1/brokers/" + saved.id()))
              .body(BrokerView.of(saved, json)));
    }));
  }

  @GetMapping("/api/v1/brokers/current")
  @Operation(summary = "The signed-in admin's own broker (ADMIN)")
  public Mono<BrokerView> current(@AuthenticationPrincipal Jwt jwt) {
    return own(jwt).map(b -> BrokerView.of(b, json));
  }

  @PutMapping("/api/v1/brokers/current")
  @Operation(summary = "Edit the signed-in admin's own broker (ADMIN); fields left out keep their value")
  public Mono<BrokerView> updateCurrent(@AuthenticationPrincipal Jwt jwt, @RequestBody BrokerForm form) {
    return own(jwt).flatMap(b -> update(Viewer.of(jwt), b, form));
  }

  @GetMapping("/api/v1/brokers/{id}")
  @Operation(summary = "A broker (SUPERADMIN; an ADMIN only their own)")
  public Mono<BrokerView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    return visible(jwt, id).map(b -> BrokerView.of(b, json));
  }

  @PutMapping("/api/v1/brokers/{id}")
  @Operation(summary = "Edit a broker (SUPERADMIN; an ADMIN only their own); fields left out keep their value, "
      + "settings given replace the settings")
  public Mono<BrokerView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                 @RequestBody BrokerForm form) {
    return visible(jwt, id).flatMap(b -> update(Viewer.of(jwt), b, form));
  }

  @DeleteMapping("/api/v1/brokers/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Deactivate a broker (SUPERADMIN): its leads and users stay, its users can no longer log in")
  public Mono<Void> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    return superadmin(jwt)
        .then(brokers.findById(id))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker " + id)))
        .flatMap(b -> admin.deactivate(b.id()));
  }

  private Mono<BrokerView> update(Viewer viewer, Broker current, BrokerForm form) {
    List<String> problems = new ArrayList<>();
    if (form.slug() != null && !form.slug().trim().equals(current.slug())) {
      return Mono.error(Problems.conflict("A broker's slug cannot change (its leads' workflow ids contain it)"));
    }
    if (form.active() != null && form.active() != current.active() && !viewer.seesAllBrokers()) {
      return Mono.error(forbidden("Only a superadmin activates or deactivates a broker"));
    }
    String name = form.name() == null ? current.name() : BrokerForm.checkText("name", form.name(), 200, problems);
    String zone = form.timeZone() == null ? current.timeZone() : BrokerForm.checkTimeZone(form.timeZone(), problems);
    String personaName = form.personaName() == null ? current.personaName()
        : BrokerForm.checkText("personaName", form.personaName(), 100, problems);
    String personaTone = form.personaTone() == null ? current.personaTone()
        : BrokerForm.checkText("personaTone", form.personaTone(), 300, problems);
    String settings = current.settings();
    if (form.settings() != null) {
      Map<String, Object> managed = BrokerForm.settingsDocument(form.settings(), problems);
      settings = json.writeValueAsString(merge(current.settings(), managed));
    }
    if (!problems.isEmpty()) {
      return Mono.error(Problems.badRequest(String.join("; ", problems)));
    }
    Broker changed = new Broker(current.id(), current.slug(), name, zone, personaName, personaTone, settings,
        form.active() == null ? current.active() : form.active());
    return admin.update(changed)
        .then(brokers.findById(current.id()))
        .map(b -> BrokerView.of(b, json));
  }

  /** The stored document with this form's keys replaced; keys the form does not own are kept. */
  private Map<String, Object> merge(String stored, Map<String, Object> managed) {
    Map<String, Object> doc = new LinkedHashMap<>();
    try {
      Map<String, Object> old = json.readValue(stored == null ? "{}" : stored, new TypeReference<Map<String, Object>>() { });
      if (old != null) {
        doc.putAll(old);
      }
    } catch (RuntimeException e) {
      // not an object: the form's settings replace it
    }
    BrokerForm.MANAGED_KEYS.forEach(doc::remove);
    doc.putAll(managed);
    return doc;
  }

  private static Mono<Void> superadmin(Jwt jwt) {
    return Viewer.of(jwt).seesAllBrokers() ? Mono.empty()
        : Mono.error(forbidden("Only a superadmin manages brokers"));
  }

  /** The admin's own broker. */
  private Mono<Broker> own(Jwt jwt) {
    Viewer viewer = Viewer.of(jwt);
    if (viewer.role() == Role.AGENT) {
      return Mono.error(forbidden("Only the broker's admin manages its settings"));
    }
    if (viewer.brokerId() == null) {
      return Mono.error(Problems.notFound("A superadmin has no broker of their own: use /api/v1/brokers/{id}"));
    }
    return brokers.findById(viewer.brokerId())
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker")));
  }

  /** A broker this user may manage: any for a superadmin, their own for an admin; else 404 (or 403 for an agent). */
  private Mono<Broker> visible(Jwt jwt, UUID id) {
    Viewer viewer = Viewer.of(jwt);
    if (viewer.role() == Role.AGENT) {
      return Mono.error(forbidden("Only the broker's admin manages its settings"));
    }
    if (!viewer.seesAllBrokers() && !id.equals(viewer.brokerId())) {
      return Mono.error(Problems.notFound("Unknown broker " + id));
    }
    return brokers.findById(id).switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker " + id)));
  }

  private static ResponseStatusException forbidden(String detail) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, detail);
  }
}
