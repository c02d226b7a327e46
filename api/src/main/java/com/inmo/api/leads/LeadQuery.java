package com.inmo.api.leads;

import com.inmo.api.db.Sql;
import com.inmo.api.db.Where;
import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead list's filters, each optional; lists are "any of". Ranges include their start and exclude their
 * end ({@code createdFrom <= created_at < createdTo}); the score range includes both ends.
 *
 * @param search text found anywhere in the name, phone or email, case-insensitive, wildcards taken literally
 */
public record LeadQuery(List<LeadStage> stages, List<LeadStatus> statuses, List<Channel> channels, Integer scoreMin,
                        Integer scoreMax, UUID agentId, boolean unassigned, Boolean needsAttention, Boolean humanMode,
                        Instant createdFrom, Instant createdTo, Instant lastContactFrom, Instant lastContactTo,
                        String search) {

  public static final LeadQuery ALL = new LeadQuery(List.of(), List.of(), List.of(), null, null, null, false, null,
      null, null, null, null, null, null);

  public LeadQuery {
    stages = stages == null ? List.of() : List.copyOf(stages);
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    channels = channels == null ? List.of() : List.copyOf(channels);
    if ((scoreMin != null && (scoreMin < 0 || scoreMin > 100)) || (scoreMax != null && (scoreMax < 0 || scoreMax > 100))) {
      throw Problems.badRequest("scoreMin and scoreMax must be 0–100");
    }
    if (scoreMin != null && scoreMax != null && scoreMin > scoreMax) {
      throw Problems.badRequest("scoreMin must not be above scoreMax");
    }
    if (unassigned && agentId != null) {
      throw Problems.badRequest("agentId and unassigned=true exclude each other");
    }
    checkRange(createdFrom, createdTo, "createdFrom", "createdTo");
    checkRange(lastContactFrom, lastContactTo, "lastContactFrom", "lastContactTo");
  }

  private static void checkRange(Instant from, Instant to, String fromName, String toName) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw Problems.badRequest(fromName + " must be before " + toName);
    }
  }

  /** These filters as conditions on {@code leads l}. */
  void applyTo(Where where) {
    if (!stages.isEmpty()) {
      where.add("l.stage = ANY(:stages)", "stages", stages.stream().map(Enum::name).toArray(String[]::new));
    }
    if (!statuses.isEmpty()) {
      where.add("l.status = ANY(:statuses)", "statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
    }
    if (!channels.isEmpty()) {
      where.add("l.channel = ANY(:channels)", "channels", channels.stream().map(Enum::name).toArray(String[]::new));
    }
    if (scoreMin != null) {
      where.add("l.score >= :scoreMin", "scoreMin", scoreMin);
    }
    if (scoreMax != null) {
      where.add("l.score <= :scoreMax", "scoreMax", scoreMax);
    }
    if (agentId != null) {
      where.add("l.assigned_agent_id = :agentId", "agentId", agentId);
    }
    if (unassigned) {
      where.add("l.assigned_agent_id IS NULL");
    }
    if (needsAttention != null) {
      where.add("l.needs_attention = :needsAttention", "needsAttention", needsAttention);
    }
    if (humanMode != null) {
      where.add("l.human_mode = :humanMode", "humanMode", humanMode);
    }
    if (createdFrom != null) {
      where.add("l.created_at >= :createdFrom", "createdFrom", createdFrom);
    }
    if (createdTo != null) {
      where.add("l.created_at < :createdTo", "createdTo", createdTo);
    }
    if (lastContactFrom != null) {
      where.add("l.last_message_at >= :lastContactFrom", "lastContactFrom", lastContactFrom);
    }
    if (lastContactTo != null) {
      where.add("l.last_message_at < :lastContactTo", "lastContactTo", lastContactTo);
    }
    if (search != null && !search.isBlank()) {
      where.add("(l.name ILIKE :q ESCAPE '\\' OR l.phone ILIKE :q ESCAPE '\\' OR l.email ILIKE :q ESCAPE '\\')",
          "q", Sql.containsPattern(search.trim()));
    }
  }
}
