package com.inmo.api.leads.intake;

import java.util.List;

/** What an import did: how many rows became leads, and each row refused with its reason. */
public record ImportReport(int accepted, List<Rejected> rejected) {

  /** @param row the row's number in the file, the header being row 1 */
  public record Rejected(long row, String reason) {
  }
}
