package com.inmo.api.tasks;

/** A task is OPEN until a human (or the workflow that opened it) marks it DONE or DISMISSED. */
public enum TaskStatus {
  OPEN, DONE, DISMISSED
}
