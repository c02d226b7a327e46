package com.inmo.api.leads.intake;

import com.inmo.workflows.lead.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an import file's rows into leads. A row is refused for a missing name, no phone and no email, an
 * invalid phone or email, a phone or email of an earlier row of the file, or of a lead the broker already
 * has; every other row starts its workflow (channel IMPORT). Should Temporal stop taking starts, the rows
 * not started yet are refused with a reason that says to import them again (the ones started then count
 * as existing leads, so the same file can simply be sent again).
 */
@Component
class LeadImport {

  static final int CONCURRENCY = 4;
  static final String UNAVAILABLE = "not imported: the workflow service is unavailable; import this row again";
  private final LeadIntake intake;

  LeadImport(LeadIntake intake) {
    this.intake = intake;
  }

  Mono<ImportReport> run(LeadIntake.Target broker, UUID agentId, List<CsvLeads.Row> rows) {
    List<ImportReport.Rejected> rejected = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Long> phones = new HashMap<>();
    Map<String, Long> emails = new HashMap<>();
    for (CsvLeads.Row row : rows) {
      LeadCandidate.Checked checked = LeadCandidate.of(row.lead(), "import");
      if (checked instanceof LeadCandidate.Invalid invalid) {
        rejected.add(new ImportReport.Rejected(row.number(), invalid.reason()));
        continue;
      }
      LeadCandidate lead = ((LeadCandidate.Valid) checked).lead();
      Long samePhone = lead.phone() == null ? null : phones.get(lead.phoneDigits());
      Long sameEmail = lead.email() == null ? null : emails.get(lead.email());
      if (samePhone != null) {
        rejected.add(new ImportReport.Rejected(row.number(), "duplicate phone of row " + samePhone));
        continue;
      }
      if (sameEmail != null) {
        rejected.add(new ImportReport.Rejected(row.number(), "duplicate email of row " + sameEmail));
        continue;
      }
      if (lead.phone() != null) {
        phones.put(lead.phoneDigits(), row.number());
      }
      if (lead.email() != null) {
        emails.put(lead.email(), row.number());
      }
      candidates.add(new Candidate(row.number(), lead));
    }
    return intake.existing(broker.brokerId(), phones.keySet(), emails.keySet()).flatMap(existing -> {
      List<Candidate> fresh = new ArrayList<>();
      for (Candidate c : candidates) {
        if (c.lead().phone() != null && existing.phoneDigits().contains(c.lead().phoneDigits())) {
          rejected.add(new ImportReport.Rejected(c.row(), "a lead with this phone already exists"));
        } else if (c.lead().email() != null && existing.emails().contains(c.lead().email())) {
          rejected.add(new ImportReport.Rejected(c.row(), "a lead with this email already exists"));
        } else {
          fresh.add(c);
        }
      }
      AtomicBoolean down = new AtomicBoolean();
      return Flux.fromIterable(fresh)
          .flatMapSequential(c -> down.get()
              ? Mono.just(new ImportReport.Rejected(c.row(), UNAVAILABLE))
              : intake.create(broker, agentId, c.lead(), Channel.IMPORT)
                  .then(Mono.<ImportReport.Rejected>empty())
                  .onErrorResume(ResponseStatusException.class, e -> {
                    down.set(true);
                    return Mono.just(new ImportReport.Rejected(c.row(), UNAVAILABLE));
                  }), CONCURRENCY)
          .collectList()
          .map(failed -> {
            rejected.addAll(failed);
            rejected.sort(Comparator.comparingLong(ImportReport.Rejected::row));
            return new ImportReport(fresh.size() - failed.size(), List.copyOf(rejected));
          });
    });
  }

  private record Candidate(long row, LeadCandidate lead) {
  }
}
