package com.inmo.api.events;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One change the dashboards and web chats may want to show at once, as it travels on Redis:
 * {@code {"id","type","brokerSlug","leadId","workflowId","data"}}.
 *
 * @param type one of {@link #MESSAGE}, {@link #STAGE_CHANGED}, {@link #LEAD_UPDATED}, {@link #NOTIFICATION},
 *             {@link #APPOINTMENT_BOOKED}
 */
public record LiveEvent(String id, String type, String brokerSlug, UUID leadId, String workflowId, JsonNode data) {

  public static final String MESSAGE = "message";
  public static final String STAGE_CHANGED = "stage_changed";
  public static final String LEAD_UPDATED = "lead_updated";
  public static final String NOTIFICATION = "notification";
  public static final String APPOINTMENT_BOOKED = "appointment_booked";
}
