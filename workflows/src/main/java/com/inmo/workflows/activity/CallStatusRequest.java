package com.inmo.workflows.activity;

public record CallStatusRequest(String provider, String providerCallId, String callWorkflowId) {
}
