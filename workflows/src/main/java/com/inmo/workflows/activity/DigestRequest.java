package com.inmo.workflows.activity;

import java.time.LocalDate;

public record DigestRequest(String brokerSlug, LocalDate day) {
}
