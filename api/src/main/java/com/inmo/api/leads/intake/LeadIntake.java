package com.inmo.api.leads.intake;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.gateway.LeadGateway;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Leads that come from the dashboard, one typed in or many imported. Each gets its read-model row at once
 * (so it is listed, its tags kept, and a second copy recognised) and then its workflow, which owns it
 * from there on; when Temporal does not take the workflow the row is removed again.
 */
@Component
public class LeadIntake {

  private final DatabaseClient db;
  private final LeadGateway gateway;

  public LeadIntake(DatabaseClient db, LeadGateway gateway) {
    this.db = db;
    this.gateway = gateway;
  }

  /** The broker a lead goes to. */
  public record Target(UUID brokerId, String brokerSlug) {
  }

  public record Created(UUID leadId, String workflowId) {
  }

  /** Phones (by digits) and emails (lower case) that leads of the broker already have, among those given. */
  public record Existing(Set<String> phoneDigits, Set<String> emails) {
  }

  public Mono<Existing> existing(UUID brokerId, Collection<String> phoneDigits, Collection<String> emails) {
    String[] phones = phoneDigits.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    String[] mails = emails.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (phones.length == 0 && mails.length == 0) {
      return Mono.just(new Existing(Set.of(), Set.of()));
    }
    return db.sql("""
            SELECT regexp_replace(l.phone, '[^0-9]', '', 'g') AS digits, lower(l.email) AS email FROM leads l
             WHERE l.broker_id = :broker
               AND (regexp_replace(l.phone, '[^0-9]', '', 'g') = ANY(:phones) OR lower(l.email) = ANY(:emails))""")
        .bind("broker", brokerId)
        .bind("phones", phones)
        .bind("emails", mails)
        .map((row, meta) -> new String[] {row.get("digits", String.class), row.get("email", String.class)})
        .all()
        .collectList()
        .map(rows -> {
          Set<String> askedPhones = Set.of(phones);
          Set<String> askedEmails = Set.of(mails);
          Set<String> foundPhones = new HashSet<>();
          Set<String> foundEmails = new HashSet<>();
          for (String[] r : rows) {
            if (r[0] != null && askedPhones.contains(r[0])) {
              foundPhones.add(r[0]);
            }
            if (r[1] != null && askedEmails.contains(r[1])) {
              foundEmails.add(r[1]);
            }
          }
          return new Existing(foundPhones, foundEmails);
        });
  }

  /**
   * Writes the lead's row (assigned to {@code agentId} when an agent creates it, so they see it) and
   * starts its workflow on {@link LeadWorkflowIds#imported}; a 503 problem, and no row, when Temporal is down.
   */
  public Mono<Created> create(Target broker, UUID agentId, LeadCandidate lead, Channel channel) {
    String workflowId = LeadWorkflowIds.imported(broker.brokerSlug(), UUID.randomUUID());
    UUID leadId = LeadWorkflowIds.leadId(workflowId);
    LeadStart start = new LeadStart(broker.brokerSlug(), channel, null, lead.source(), lead.fields(), null);
    return insertRow(broker.brokerId(), leadId, workflowId, agentId, lead, channel)
        .then(gateway.start(workflowId, start))
        .onErrorResume(e -> deleteRow(leadId).then(Mono.error(e)))
        .thenReturn(new Created(leadId, workflowId));
  }

  private Mono<Void> insertRow(UUID brokerId, UUID leadId, String workflowId, UUID agentId, LeadCandidate lead,
                               Channel channel) {
    var f = lead.fields();
    return db.sql("""
            INSERT INTO leads (id, broker_id, workflow_id, channel, source, name, phone, email, zone, property_type,
                bedrooms, budget_clp, monthly_income_clp, timeline, tags, assigned_agent_id)
            VALUES (:id, :broker, :workflow, :channel, :source, :name, :phone, :email, :zone, :propertyType,
                :bedrooms, :budget, :income, :timeline, :tags, :agent)
            ON CONFLICT (id) DO NOTHING""")
        .bind("id", leadId)
        .bind("broker", brokerId)
        .bind("workflow", workflowId)
        .bind("channel", channel.name())
        .bind("source", lead.source())
        .bind("name", lead.name())
        .bind("phone", nullable(lead.phone(), String.class))
        .bind("email", nullable(lead.email(), String.class))
        .bind("zone", nullable(f.zone(), String.class))
        .bind("propertyType", nullable(f.propertyType(), String.class))
        .bind("bedrooms", nullable(f.bedrooms(), Integer.class))
        .bind("budget", nullable(f.budgetClp(), Long.class))
        .bind("income", nullable(f.monthlyIncomeClp(), Long.class))
        .bind("timeline", nullable(f.timeline(), String.class))
        .bind("tags", lead.tags().toArray(String[]::new))
        .bind("agent", nullable(agentId, UUID.class))
        .fetch().rowsUpdated().then();
  }

  /**
   * The row of a lead whose workflow did not start. Should the start have gone through after all (a
   * timeout), the workflow's first snapshot writes the row again.
   */
  private Mono<Void> deleteRow(UUID leadId) {
    return db.sql("DELETE FROM leads WHERE id = :id").bind("id", leadId).fetch().rowsUpdated().then();
  }
}
