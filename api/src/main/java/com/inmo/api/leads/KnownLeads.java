package com.inmo.api.leads;

import com.inmo.workflows.activity.KnownLead;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What the read model holds of a lead for a new run of its workflow (a lead who comes back after their run
 * ended): its stage with the reason of its last move, its fields, and the newest messages of the conversation.
 */
@Repository
public class KnownLeads {

  /** Enough for the agent to know the person; the dashboard keeps the whole conversation. */
  static final int LAST_MESSAGES = 10;

  private final DatabaseClient db;

  public KnownLeads(DatabaseClient db) {
    this.db = db;
  }

  public Mono<KnownLead> find(UUID leadId) {
    Mono<KnownLead> lead = db.sql("""
            SELECT l.stage, l.source, l.opted_out, l.name, l.phone, l.email, l.zone, l.property_type, l.bedrooms,
                l.budget_clp, l.monthly_income_clp, l.dicom_status, l.timeline,
                (SELECT h.reason FROM stage_history h WHERE h.lead_id = l.id AND h.to_stage = l.stage
                  ORDER BY h.moved_at DESC, h.id DESC LIMIT 1) AS stage_reason
            FROM leads l WHERE l.id = :id""")
        .bind("id", leadId)
        .map((row, meta) -> {
          LeadStage stage = LeadStage.valueOf(row.get("stage", String.class));
          String dicom = row.get("dicom_status", String.class);
          QualificationFields fields = new QualificationFields(row.get("name", String.class),
              row.get("phone", String.class), row.get("email", String.class), row.get("zone", String.class),
              row.get("property_type", String.class), row.get("bedrooms", Integer.class),
              row.get("budget_clp", Long.class), row.get("monthly_income_clp", Long.class),
              dicom == null ? null : DicomStatus.valueOf(dicom), row.get("timeline", String.class));
          return new KnownLead(stage, stage.isClosed() ? row.get("stage_reason", String.class) : null, fields,
              row.get("source", String.class), Boolean.TRUE.equals(row.get("opted_out", Boolean.class)), List.of());
        })
        .one();
    return lead.zipWith(lastMessages(leadId), (known, messages) -> new KnownLead(known.stage(),
        known.closeReason(), known.fields(), known.source(), known.optedOut(), messages));
  }

  private Mono<List<ConversationTurn>> lastMessages(UUID leadId) {
    return db.sql("""
            SELECT author, body, created_at FROM (
              SELECT author, body, created_at, id FROM messages WHERE lead_id = :id
              ORDER BY created_at DESC, id DESC LIMIT :n) newest
            ORDER BY created_at, id""")
        .bind("id", leadId)
        .bind("n", LAST_MESSAGES)
        .map((row, meta) -> new ConversationTurn(row.get("author", String.class), row.get("body", String.class),
            row.get("created_at", Instant.class)))
        .all()
        .collectList();
  }
}
