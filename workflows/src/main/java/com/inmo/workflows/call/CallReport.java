package com.inmo.workflows.call;

import com.inmo.workflows.lead.QualificationFields;

/** A call's end-of-call report (from the provider's webhook or its status poll). */
public record CallReport(String callWorkflowId, String provider, String providerCallId, CallStatus status,
                         String endedReason, int durationSeconds, String transcript, String summary,
                         String recordingUrl, QualificationFields extracted) {
}
