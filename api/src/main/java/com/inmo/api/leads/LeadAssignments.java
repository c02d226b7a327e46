package com.inmo.api.leads;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Which agent works a lead: a read-model matter (what each agent sees), written from the dashboard. */
@Repository
public class LeadAssignments {

  private final DatabaseClient db;

  public LeadAssignments(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Void> assign(UUID leadId, UUID agentId) {
    return db.sql("UPDATE leads SET assigned_agent_id = :agent, updated_at = now() WHERE id = :id")
        .bind("agent", agentId).bind("id", leadId).fetch().rowsUpdated().then();
  }

  /** The broker's lead's agent; empty when the lead is unassigned or not the broker's. */
  public Mono<UUID> agentOf(UUID brokerId, UUID leadId) {
    return db.sql("SELECT assigned_agent_id FROM leads "
            + "WHERE id = :id AND broker_id = :b AND assigned_agent_id IS NOT NULL")
        .bind("id", leadId).bind("b", brokerId)
        .map((row, meta) -> row.get("assigned_agent_id", UUID.class))
        .one();
  }
}
