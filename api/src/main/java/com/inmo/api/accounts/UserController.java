package com.inmo.api.accounts;

import com.inmo.api.auth.AccountStates;
import com.inmo.api.auth.PasswordRules;
import com.inmo.api.auth.RefreshTokens;
import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A broker's users. An ADMIN manages the users of their broker; a SUPERADMIN those of any broker. A user of
 * another broker answers 404 on every endpoint, as an unknown id does; an AGENT gets 403. Roles given here
 * are ADMIN or AGENT (superadmins are made with the {@code create-superadmin} command). Nobody demotes or
 * deactivates themself, so a broker is never left without the admin who was acting.
 */
@RestController
@Tag(name = "Users", description = "A broker's admins and agents")
public class UserController {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private final UserDirectory users;
  private final PasswordEncoder passwords;
  private final RefreshTokens refreshTokens;
  private final AccountStates accounts;

  public UserController(UserDirectory users, PasswordEncoder passwords, RefreshTokens refreshTokens,
                        AccountStates accounts) {
    this.users = users;
    this.passwords = passwords;
    this.refreshTokens = refreshTokens;
    this.accounts = accounts;
  }

  @GetMapping("/api/v1/users")
  @Operation(summary = "The broker's users (a SUPERADMIN: every broker's, or one broker's with brokerId)")
  public Flux<UserView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) UUID brokerId) {
    Viewer viewer = manager(jwt);
    if (viewer.seesAllBrokers()) {
      return users.list(brokerId);
    }
    if (brokerId != null && !brokerId.equals(viewer.brokerId())) {
      return Flux.error(Problems.notFound("Unknown broker " + brokerId));
    }
    return users.list(viewer.brokerId());
  }

  @PostMapping("/api/v1/users")
  @Operation(summary = "Create an ADMIN or AGENT (a SUPERADMIN names the broker with brokerId)")
  public Mono<ResponseEntity<UserView>> create(@AuthenticationPrincipal Jwt jwt, @RequestBody NewUser body) {
    Viewer viewer = manager(jwt);
    List<String> problems = new ArrayList<>();
    String email = body.email() == null ? "" : body.email().trim();
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      problems.add("email: not an e-mail address");
    }
    String fullName = checkName(body.fullName(), problems);
    checkRole(body.role(), problems);
    String passwordProblem = PasswordRules.problem(body.password());
    if (passwordProblem != null) {
      problems.add(passwordProblem);
    }
    UUID brokerId = viewer.seesAllBrokers() ? body.brokerId() : viewer.brokerId();
    if (viewer.seesAllBrokers() && brokerId == null) {
      problems.add("brokerId: required (the broker the user belongs to)");
    }
    if (!viewer.seesAllBrokers() && body.brokerId() != null && !body.brokerId().equals(viewer.brokerId())) {
      return Mono.error(Problems.notFound("Unknown broker " + body.brokerId()));
    }
    if (!problems.isEmpty()) {
      return Mono.error(Problems.badRequest(String.join("; ", problems)));
    }
    UUID id = UUID.randomUUID();
    return users.brokerExists(brokerId)
        .flatMap(exists -> exists ? hash(body.password())
            : Mono.error(Problems.notFound("Unknown broker " + brokerId)))
        .flatMap(hash -> users.insert(id, brokerId, email, hash, fullName, body.role()))
        .onErrorMap(DataIntegrityViolationException.class,
            e -> Problems.conflict("A user with the e-mail " + email + " already exists"))
        .then(users.find(id))
        .map(user -> ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(user));
  }

  @GetMapping("/api/v1/users/{id}")
  @Operation(summary = "A user of the broker")
  public Mono<UserView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    return visible(jwt, id);
  }

  @PatchMapping("/api/v1/users/{id}")
  @Operation(summary = "Change a user's name, role or whether they are active; fields left out keep their value")
  public Mono<UserView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                               @RequestBody UserChange body) {
    Viewer viewer = manager(jwt);
    return visible(jwt, id).flatMap(user -> {
      List<String> problems = new ArrayList<>();
      String fullName = body.fullName() == null ? user.fullName() : checkName(body.fullName(), problems);
      Role role = body.role() == null ? user.role() : body.role();
      if (body.role() != null) {
        checkRole(body.role(), problems);
      }
      boolean active = body.active() == null ? user.active() : body.active();
      if (!problems.isEmpty()) {
        return Mono.error(Problems.badRequest(String.join("; ", problems)));
      }
      if (user.id().equals(viewer.userId()) && (role != user.role() || !active)) {
        return Mono.error(Problems.conflict("You cannot demote or deactivate yourself; another admin can"));
      }
      Mono<Void> endSessions = active ? Mono.empty() : refreshTokens.revokeUser(id);
      // a demoted or deactivated user's tokens and open streams end now (AccountStates)
      return users.update(id, fullName, role, active).then(endSessions)
          .then(Mono.fromRunnable(() -> accounts.changed(id))).then(users.find(id));
    });
  }

  @PutMapping("/api/v1/users/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Set a new password for the user; their sessions end")
  public Mono<Void> resetPassword(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                  @RequestBody NewPassword body) {
    return visible(jwt, id).flatMap(user -> {
      String problem = PasswordRules.problem(body.password());
      if (problem != null) {
        return Mono.error(Problems.badRequest(problem));
      }
      return hash(body.password())
          .flatMap(hash -> users.setPassword(id, hash))
          .then(refreshTokens.revokeUser(id));
    });
  }

  @DeleteMapping("/api/v1/users/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Deactivate a user (their leads and messages keep their name); not yourself")
  public Mono<Void> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    Viewer viewer = manager(jwt);
    return visible(jwt, id).flatMap(user -> {
      if (user.id().equals(viewer.userId())) {
        return Mono.error(Problems.conflict("You cannot deactivate yourself; another admin can"));
      }
      return users.update(id, user.fullName(), user.role(), false).then(refreshTokens.revokeUser(id));
    });
  }

  /** The user, when this admin may manage them: 404 for another broker's user, as for an unknown id. */
  private Mono<UserView> visible(Jwt jwt, UUID id) {
    Viewer viewer = manager(jwt);
    return users.find(id)
        // a superadmin has no broker: never equal to an admin's, never a NullPointerException
        .filter(user -> viewer.seesAllBrokers() || java.util.Objects.equals(user.brokerId(), viewer.brokerId()))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown user " + id)));
  }

  /** The signed-in ADMIN or SUPERADMIN; an AGENT manages no one. */
  private static Viewer manager(Jwt jwt) {
    Viewer viewer = Viewer.of(jwt);
    if (viewer.role() == Role.AGENT) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an admin manages users");
    }
    return viewer;
  }

  private Mono<String> hash(String password) {
    return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
  }

  private static String checkName(String name, List<String> problems) {
    if (name == null || name.isBlank() || name.trim().length() > 200) {
      problems.add("fullName: 1–200 characters");
      return name;
    }
    return name.trim();
  }

  private static void checkRole(Role role, List<String> problems) {
    if (role != Role.ADMIN && role != Role.AGENT) {
      problems.add("role: ADMIN or AGENT");
    }
  }

  @Schema(description = "A new user; the password needs 8+ characters with a digit and a symbol")
  public record NewUser(@Schema(example = "agente@corredora.cl") String email,
                        @Schema(example = "Ana Pérez") String fullName,
                        @Schema(example = "AGENT") Role role,
                        @Schema(example = "Cambiar#2026") String password,
                        @Schema(description = "The broker (SUPERADMIN only; an admin's own otherwise)") UUID brokerId) {

    @Override
    public String toString() {
      return "NewUser[email=" + email + ", role=" + role + ", brokerId=" + brokerId + "]";
    }
  }

  public record UserChange(String fullName, Role role, Boolean active) {
  }

  public record NewPassword(@Schema(example = "Cambiar#2026") String password) {

    @Override
    public String toString() {
      return "NewPassword[…]";
    }
  }
}
