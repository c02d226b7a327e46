package com.inmo.api.backup;

import java.util.Locale;

/** Byte counts as people read them: 812 B, 12.4 kB, 3.1 MB, 1.2 GB. */
final class Sizes {

  private Sizes() {
  }

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
