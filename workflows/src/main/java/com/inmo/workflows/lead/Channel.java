package com.inmo.workflows.lead;

/** Where a lead came from, and so where replies go. */
public enum Channel {
  TELEGRAM, WEBCHAT, IMPORT, MANUAL
}
