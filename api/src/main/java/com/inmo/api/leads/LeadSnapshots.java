package com.inmo.api.leads;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.lead.QualificationFields;
import com.inmo.workflows.scoring.ScoreBreakdown;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes a lead's row from its workflow's snapshot. The workflow owns every column it sends; the
 * dashboard's own columns (the assigned agent) are left alone.
 */
@Repository
public class LeadSnapshots {

  private final DatabaseClient db;

  public LeadSnapshots(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Inserts or updates the row; emits {@link Written#saved()} false when the id or workflow id already
   * belongs to a lead of another broker (or the workflow id to another lead), which a snapshot must never
   * overwrite. Also tells which of the flags the dashboard is alerted to changed with this write (a new row
   * with a flag set counts as a change), comparing with the row as this statement found it (two concurrent
   * snapshots of one lead, which the worker does not send, could both report one change).
   */
  public Mono<Written> upsert(UUID brokerId, UUID leadId, LeadSnapshot s) {
    QualificationFields f = s.fields() == null ? QualificationFields.EMPTY : s.fields();
    ScoreBreakdown score = s.score() == null ? ScoreBreakdown.ZERO : s.score();
    return db.sql("""
            WITH old AS (SELECT human_mode, needs_attention FROM leads WHERE id = :id)
            INSERT INTO leads (id, broker_id, workflow_id, channel, channel_ref, source, name, phone, email, zone,
                property_type, bedrooms, budget_clp, monthly_income_clp, dicom_status, timeline, stage, score,
                status, human_mode, needs_attention, attention_reason, opted_out, unreachable, next_action,
                next_action_at, last_message_at)
            VALUES (:id, :broker, :workflow, :channel, :channelRef, :source, :name, :phone, :email, :zone,
                :propertyType, :bedrooms, :budget, :income, :dicom, :timeline, :stage, :score,
                :status, :humanMode, :needsAttention, :attentionReason, :optedOut, :unreachable, :nextAction,
                :nextActionAt, :lastMessageAt)
            ON CONFLICT (id) DO UPDATE SET
                channel = EXCLUDED.channel, channel_ref = EXCLUDED.channel_ref, source = EXCLUDED.source,
                name = EXCLUDED.name, phone = EXCLUDED.phone, email = EXCLUDED.email, zone = EXCLUDED.zone,
                property_type = EXCLUDED.property_type, bedrooms = EXCLUDED.bedrooms,
                budget_clp = EXCLUDED.budget_clp, monthly_income_clp = EXCLUDED.monthly_income_clp,
                dicom_status = EXCLUDED.dicom_status, timeline = EXCLUDED.timeline, stage = EXCLUDED.stage,
                score = EXCLUDED.score, status = EXCLUDED.status, human_mode = EXCLUDED.human_mode,
                needs_attention = EXCLUDED.needs_attention, attention_reason = EXCLUDED.attention_reason,
                opted_out = EXCLUDED.opted_out, unreachable = EXCLUDED.unreachable,
                next_action = EXCLUDED.next_action, next_action_at = EXCLUDED.next_action_at,
                last_message_at = EXCLUDED.last_message_at, updated_at = now()
            WHERE leads.broker_id = EXCLUDED.broker_id AND leads.workflow_id = EXCLUDED.workflow_id
            RETURNING leads.human_mode, leads.needs_attention, (SELECT human_mode FROM old) AS old_human_mode,
                (SELECT needs_attention FROM old) AS old_needs_attention""")
        .bind("id", leadId)
        .bind("broker", brokerId)
        .bind("workflow", s.workflowId())
        .bind("channel", s.channel().name())
        .bind("channelRef", nullable(s.channelRef(), String.class))
        .bind("source", nullable(s.source(), String.class))
        .bind("name", nullable(f.name(), String.class))
        .bind("phone", nullable(f.phone(), String.class))
        .bind("email", nullable(f.email(), String.class))
        .bind("zone", nullable(f.zone(), String.class))
        .bind("propertyType", nullable(f.propertyType(), String.class))
        .bind("bedrooms", nullable(f.bedrooms(), Integer.class))
        .bind("budget", nullable(f.budgetClp(), Long.class))
        .bind("income", nullable(f.monthlyIncomeClp(), Long.class))
        .bind("dicom", nullable(f.dicom() == null ? null : f.dicom().name(), String.class))
        .bind("timeline", nullable(f.timeline(), String.class))
        .bind("stage", s.stage() == null ? "NEW" : s.stage().name())
        .bind("score", Math.max(0, Math.min(100, score.total())))
        .bind("status", score.status() == null ? "COLD" : score.status().name())
        .bind("humanMode", s.humanMode())
        .bind("needsAttention", s.needsAttention())
        .bind("attentionReason", nullable(s.attentionReason(), String.class))
        .bind("optedOut", s.optedOut())
        .bind("unreachable", s.unreachable())
        .bind("nextAction", nullable(s.nextAction(), String.class))
        .bind("nextActionAt", nullable(s.nextActionAt(), Instant.class))
        .bind("lastMessageAt", nullable(s.lastMessageAt(), Instant.class))
        .map((row, meta) -> new Written(true,
            changed(row.get("old_human_mode", Boolean.class), row.get("human_mode", Boolean.class)),
            changed(row.get("old_needs_attention", Boolean.class), row.get("needs_attention", Boolean.class))))
        .one()
        .defaultIfEmpty(Written.REFUSED)
        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.just(Written.REFUSED));
  }

  private static boolean changed(Boolean before, Boolean after) {
    return Boolean.TRUE.equals(before) != Boolean.TRUE.equals(after);
  }

  /** What a snapshot write did: saved or refused, and whether it flipped human mode or needs-attention. */
  public record Written(boolean saved, boolean humanModeChanged, boolean needsAttentionChanged) {
    static final Written REFUSED = new Written(false, false, false);
  }

  /** An existing lead's broker and workflow, or empty. */
  public Mono<LeadRef> find(UUID leadId) {
    return db.sql("SELECT l.id, l.broker_id, b.slug, l.workflow_id, l.channel FROM leads l "
            + "JOIN brokers b ON b.id = l.broker_id WHERE l.id = :id")
        .bind("id", leadId)
        .map((row, meta) -> new LeadRef(row.get("id", UUID.class), row.get("broker_id", UUID.class),
            row.get("slug", String.class), row.get("workflow_id", String.class), row.get("channel", String.class)))
        .one();
  }

  /**
   * The lead a worker's write is about: 409 while its row does not exist yet (the worker saves the lead
   * first; its retry then succeeds), or when the write names another workflow or broker (null: not named).
   */
  public Mono<LeadRef> requireFor(UUID leadId, String workflowId, String brokerSlug) {
    return find(leadId)
        .switchIfEmpty(Mono.error(() -> Problems.conflict("Lead " + leadId + " has no row yet: save the lead first")))
        .flatMap(lead -> (workflowId != null && !workflowId.equals(lead.workflowId()))
            || (brokerSlug != null && !brokerSlug.equalsIgnoreCase(lead.brokerSlug()))
            ? Mono.error(Problems.conflict("Lead " + leadId + " belongs to workflow " + lead.workflowId()
                + " of broker " + lead.brokerSlug()))
            : Mono.just(lead));
  }

  /** Who a lead belongs to: enough to scope a write and to address its events; its channel's name. */
  public record LeadRef(UUID id, UUID brokerId, String brokerSlug, String workflowId, String channel) {
  }
}
