package com.inmo.workflows.activity;

import com.inmo.workflows.lead.QualificationFields;
import java.util.UUID;

/**
 * @param callWorkflowId  the call's workflow, which the provider's end-of-call webhook signals
 * @param purpose         INITIAL_QUALIFICATION, FINANCIAL_QUALIFICATION, VISIT_CONFIRMATION, POST_VISIT,
 *                        REACTIVATION
 * @param idempotencyKey  lead id and attempt number
 */
public record StartCallRequest(String callWorkflowId, String leadWorkflowId, UUID leadId, String brokerSlug,
                               String phone, String purpose, String idempotencyKey, String personaName,
                               QualificationFields fields) {
}
