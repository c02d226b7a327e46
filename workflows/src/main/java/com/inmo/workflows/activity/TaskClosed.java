package com.inmo.workflows.activity;

import java.util.UUID;

/**
 * @param id     the task; null when the lead has no task under that key (nothing to close)
 * @param closed true when this closure closed it; false when it was closed already (by a human or a retry)
 * @param status the task's status now: OPEN never, DONE or DISMISSED; null without a task
 */
public record TaskClosed(UUID id, boolean closed, String status) {
}
