package com.inmo.workflows.call;

import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import java.util.UUID;

/**
 * One call attempt of a lead.
 *
 * @param businessHours when the call may start; null for a call a human asked for (at once)
 * @param reportTimeout how long to wait for the provider's end-of-call webhook before asking it
 * @param idempotencyKey the call budget's and provider's key; null in requests of leads started before it was
 *                       sent, whose key is {@code <leadId>-<attempt>}
 */
public record CallRequest(String leadWorkflowId, UUID leadId, String brokerSlug, String phone, String purpose,
                          int attempt, String personaName, QualificationFields fields, BusinessHours businessHours,
                          Duration reportTimeout, String idempotencyKey) {

  public String effectiveIdempotencyKey() {
    return idempotencyKey != null ? idempotencyKey : leadId + "-" + attempt;
  }
}
