package com.inmo.workflows.agent;

/** What the lead's latest message is mostly about. */
public enum Intent {
  GREETING,
  PROVIDE_INFO,
  PROPERTY_QUESTION,
  SCHEDULE_VISIT,
  REQUEST_CALL,
  REQUEST_HUMAN,
  OPT_OUT,
  COMPLAINT,
  SMALL_TALK,
  OTHER
}
