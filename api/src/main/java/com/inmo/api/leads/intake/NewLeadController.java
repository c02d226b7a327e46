package com.inmo.api.leads.intake;

import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.Channel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/leads}: an admin or agent types in a lead; its workflow starts at once (channel
 * MANUAL) and the answer is 201 {@code {"leadId","workflowId"}}. A bad or missing field is 400 naming it,
 * a phone or email another lead of the broker has is 409, Temporal not taking the start is 503. A lead an
 * agent creates is assigned to them.
 */
@RestController
public class NewLeadController {

  private final IntakeAccess access;
  private final LeadIntake intake;

  public NewLeadController(IntakeAccess access, LeadIntake intake) {
    this.access = access;
    this.intake = intake;
  }

  @PostMapping("/api/v1/leads")
  public Mono<ResponseEntity<LeadIntake.Created>> create(@AuthenticationPrincipal Jwt token,
                                                         @RequestBody NewLead body) {
    Viewer viewer = Viewer.of(token);
    return access.target(viewer).flatMap(broker -> {
      LeadCandidate.Checked checked = LeadCandidate.of(body, "manual");
      if (checked instanceof LeadCandidate.Invalid invalid) {
        return Mono.error(Problems.badRequest(invalid.reason()));
      }
      LeadCandidate lead = ((LeadCandidate.Valid) checked).lead();
      List<String> phones = new ArrayList<>();
      phones.add(lead.phoneDigits());
      List<String> emails = new ArrayList<>();
      emails.add(lead.email());
      return intake.existing(broker.brokerId(), phones, emails).flatMap(existing -> {
        if (lead.phone() != null && existing.phoneDigits().contains(lead.phoneDigits())) {
          return Mono.error(Problems.conflict("a lead with phone " + lead.phone() + " already exists in this broker"));
        }
        if (lead.email() != null && existing.emails().contains(lead.email())) {
          return Mono.error(Problems.conflict("a lead with email " + lead.email() + " already exists in this broker"));
        }
        return intake.create(broker, viewer.onlyAssignedTo(), lead, Channel.MANUAL)
            .map(created -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/leads/" + created.leadId())).body(created));
      });
    });
  }
}
