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
 */
public record CallRequest(String leadWorkflowId, UUID leadId, String brokerSlug, String phone, String purpose,
                          int attempt, String personaName, QualificationFields fields, BusinessHours businessHours,
                          Duration reportTimeout) {
}
