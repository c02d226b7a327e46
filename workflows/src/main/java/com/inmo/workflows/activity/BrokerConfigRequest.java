package com.inmo.workflows.activity;

public record BrokerConfigRequest(String brokerSlug) {
}
