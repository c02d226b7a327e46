package com.inmo.api.pipeline;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Where;
import com.inmo.api.leads.LeadReads;
import com.inmo.api.web.Problems;
import com.inmo.api.web.QueryParams;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStage;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/pipeline/metrics?from=&to=&channel=&weeks=&timeZone=}: the pipeline of the viewer's leads
 * (an admin's broker, an agent's assigned leads, a superadmin's every broker). Stage counts and conversion
 * describe the leads created in the period; times in stage and response times, the moves and messages of the
 * period. The highlights and the weekly trend ({@code weeks}, default 12, at most 52) count days and weeks in
 * the broker's time zone ({@code timeZone} overrides it; UTC for a superadmin without one).
 */
@RestController
public class PipelineController {

  static final int DEFAULT_WEEKS = 12;
  static final int MAX_WEEKS = 52;

  private final PipelineMetrics metrics;
  private final PipelineHighlights highlights;

  public PipelineController(PipelineMetrics metrics, PipelineHighlights highlights) {
    this.metrics = metrics;
    this.highlights = highlights;
  }

  @GetMapping("/api/v1/pipeline/metrics")
  public Mono<PipelineReport> metrics(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(required = false) String channel,
                                      @RequestParam(defaultValue = "" + DEFAULT_WEEKS) int weeks,
                                      @RequestParam(required = false) String timeZone) {
    if (from != null && to != null && !from.isBefore(to)) {
      return Mono.error(Problems.badRequest("from must be before to"));
    }
    if (weeks < 1 || weeks > MAX_WEEKS) {
      return Mono.error(Problems.badRequest("weeks must be 1–" + MAX_WEEKS));
    }
    ZoneId asked;
    try {
      asked = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.trim());
    } catch (DateTimeException e) {
      return Mono.error(Problems.badRequest("timeZone: '" + timeZone + "' is not a time zone (an IANA name such as "
          + "America/Santiago)"));
    }
    Instant now = Instant.now();
    return Mono.defer(() -> {
      Channel only = QueryParams.enumValue(Channel.class, channel, "channel");
      Viewer viewer = Viewer.of(token);
      Where leads = LeadReads.scope(viewer);
      if (only != null) {
        leads.add("l.channel = :channel", "channel", only.name());
      }
      List<Channel> channels = only != null ? List.of(only) : List.of(Channel.values());
      Mono<ZoneId> zone = asked != null ? Mono.just(asked)
          : highlights.zoneOf(viewer.brokerId()).defaultIfEmpty(ZoneOffset.UTC);
      return zone.flatMap(z -> {
        PipelineHighlights.Calendar calendar = new PipelineHighlights.Calendar(z, now);
        return Mono.zip(metrics.cohort(leads, from, to), metrics.stays(leads, from, to),
                metrics.responses(leads, from, to), highlights.counts(leads, calendar, from, to),
                highlights.firstResponse(leads, from, to), highlights.weekly(leads, calendar, weeks))
            .map(t -> {
              Map<String, PipelineReport.Figures> byChannel = new LinkedHashMap<>();
              for (Channel c : channels) {
                byChannel.put(c.name(), figures(c, t.getT1(), t.getT2(), t.getT3()));
              }
              PipelineReport.Figures overall = figures(null, t.getT1(), t.getT2(), t.getT3());
              return new PipelineReport(from, to, only == null ? null : only.name(), overall, byChannel, z.getId(),
                  highlights(calendar, overall, t.getT4(), t.getT5()), t.getT6());
            });
      });
    });
  }

  static PipelineReport.Highlights highlights(PipelineHighlights.Calendar calendar, PipelineReport.Figures overall,
                                              PipelineHighlights.Counts counts, PipelineReport.ResponseTime first) {
    // the last pair's "advanced" is how many of the cohort reached WON (a skipped stage counts as passed)
    long won = overall.conversion().isEmpty() ? overall.stages().getOrDefault(LeadStage.WON.name(), 0L)
        : overall.conversion().get(overall.conversion().size() - 1).advanced();
    return new PipelineReport.Highlights(calendar.todayStart(), calendar.weekStart(), counts.newToday(),
        counts.newThisWeek(), counts.hot(), counts.needsAttention(), counts.visitsBooked(), counts.visitsUpcoming(),
        won, overall.leads() == 0 ? null : (double) won / overall.leads(), first);
  }

  /** The figures of one channel, or of all when {@code channel} is null. */
  static PipelineReport.Figures figures(Channel channel, List<PipelineMetrics.StageCount> cohort,
                                        List<PipelineMetrics.StageStay> stays,
                                        List<PipelineMetrics.Responses> responses) {
    Map<String, Long> stages = new LinkedHashMap<>();
    for (LeadStage s : LeadStage.values()) {
      stages.put(s.name(), 0L);
    }
    int funnel = PipelineMetrics.FUNNEL.size();
    long[] reachedAtLeast = new long[funnel + 2];
    long leads = 0;
    for (PipelineMetrics.StageCount c : cohort) {
      if (channel != null && c.channel() != channel) {
        continue;
      }
      leads += c.leads();
      stages.merge(c.stage(), c.leads(), Long::sum);
      for (int r = 1; r <= Math.min(c.reached(), funnel); r++) {
        reachedAtLeast[r] += c.leads();
      }
    }
    List<PipelineReport.Conversion> conversion = new ArrayList<>();
    for (int i = 1; i < funnel; i++) {
      long reached = reachedAtLeast[i];
      long advanced = reachedAtLeast[i + 1];
      conversion.add(new PipelineReport.Conversion(PipelineMetrics.FUNNEL.get(i - 1).name(),
          PipelineMetrics.FUNNEL.get(i).name(), reached, advanced, reached == 0 ? null : (double) advanced / reached));
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (LeadStage s : LeadStage.values()) {
      stays.stream().filter(x -> x.channel() == channel && s.name().equals(x.stage())).findFirst()
          .ifPresent(x -> medians.put(s.name(), x.medianSeconds()));
    }
    PipelineReport.ResponseTime responseTime = responses.stream().filter(r -> Objects.equals(r.channel(), channel))
        .findFirst()
        .map(r -> new PipelineReport.ResponseTime(r.answered(), r.unanswered(), r.medianSeconds(), r.p90Seconds()))
        .orElse(PipelineReport.ResponseTime.NONE);
    return new PipelineReport.Figures(leads, stages, conversion, stages.get(LeadStage.LOST.name()), medians,
        responseTime);
  }
}
