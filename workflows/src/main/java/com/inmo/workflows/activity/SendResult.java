package com.inmo.workflows.activity;

/** @param unreachable the channel says the lead can no longer be reached (e.g. blocked the bot) */
public record SendResult(boolean delivered, boolean unreachable, String detail) {

  public static SendResult ok() {
    return new SendResult(true, false, null);
  }
}
