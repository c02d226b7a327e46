package com.inmo.api.events;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One change the dashboards and web chats may want to show at once, as it travels on Redis:
 * {@code {"id","type","brokerSlug","leadId","workflowId","data"}}.
 *
 * @param id   the event's entry id in the replay log ({@code 1764420000000-0}: milliseconds and sequence),
 *             so ids grow with time and a client's {@code Last-Event-ID} says where it stopped
 * @param type one of {@link #MESSAGE}, {@link #STAGE_CHANGED}, {@link #LEAD_UPDATED}, {@link #LEAD_ASSIGNED},
 *             {@link #HUMAN_MODE_CHANGED}, {@link #NEEDS_ATTENTION}, {@link #CALL_STATUS},
 *             {@link #NOTIFICATION}, {@link #APPOINTMENT_BOOKED}, {@link #CALENDAR_STATUS}, {@link #TASK_CREATED},
 *             {@link #TASK_UPDATED}
 */
public record LiveEvent(String id, String type, String brokerSlug, UUID leadId, String workflowId, JsonNode data) {

  public static final String MESSAGE = "message";
  public static final String STAGE_CHANGED = "stage_changed";
  public static final String LEAD_UPDATED = "lead_updated";
  public static final String NOTIFICATION = "notification";
  public static final String APPOINTMENT_BOOKED = "appointment_booked";
  public static final String LEAD_ASSIGNED = "lead_assigned";
  public static final String HUMAN_MODE_CHANGED = "human_mode_changed";
  public static final String NEEDS_ATTENTION = "needs_attention";
  public static final String CALL_STATUS = "call_status";
  /** A broker's or agent's Google calendar connected, changed, disconnected (Google revoked it) or removed. */
  public static final String CALENDAR_STATUS = "calendar_status";
  /** A lead's workflow opened a task for a human; {@code data} is the task. */
  public static final String TASK_CREATED = "task_created";
  /** A task was done or dismissed (by a human, or by the workflow that opened it); {@code data} is the task. */
  public static final String TASK_UPDATED = "task_updated";
}
