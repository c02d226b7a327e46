package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.List;

public record SlotOffer(List<Instant> slots, int durationMinutes) {

  public SlotOffer {
    slots = slots == null ? List.of() : List.copyOf(slots);
  }
}
