package com.inmo.workflows.activity;

import java.util.UUID;

/** @param created false when the lead already had a task under that key (a retry, or the workflow asking again) */
public record TaskSaved(UUID id, boolean created) {
}
