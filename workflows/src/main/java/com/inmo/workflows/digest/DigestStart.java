package com.inmo.workflows.digest;

public record DigestStart(String brokerSlug, String timeZone) {
}
