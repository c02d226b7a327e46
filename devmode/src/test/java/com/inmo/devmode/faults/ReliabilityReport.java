package com.inmo.devmode.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fault suite's results, one row a scenario, as the table in docs/reliability.md. */
final class ReliabilityReport {

  record Row(String scenario, int leads, int sent, long lost, long doubled, double recoverySeconds, String notes) {
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> figures = new ArrayList<>();

  synchronized void add(Row row) {
    rows.add(row);
    System.out.println("[faults] " + line(row));
  }

  synchronized void figure(String text) {
    figures.add(text);
    System.out.println("[faults] " + text);
  }

  synchronized void write(Path file) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("Fault suite, ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
    md.append("| scenario | leads | messages sent | lost | doubled | time to recover | notes |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append(line(row)).append('\n');
    }
    if (!figures.isEmpty()) {
      md.append('\n');
      for (String f : figures) {
        md.append("- ").append(f).append('\n');
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, md.toString());
  }

  private static String line(Row row) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |", row.scenario(), row.leads(), row.sent(),
        row.lost(), row.doubled(), row.recoverySeconds() < 0 ? "—" : String.format(Locale.ROOT, "%.1f s",
            row.recoverySeconds()), row.notes());
  }
}
