package com.inmo.workflows.activity;

public record CallStarted(String provider, String providerCallId) {
}
