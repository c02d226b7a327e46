package com.inmo.api.leads.intake;

import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/leads/import}: a CSV file of leads (see {@link CsvLeads}), sent as a form's
 * {@code file} field (multipart) or as the body itself ({@code text/csv}). At most 10 MB (413 above).
 * Answers 200 with the report {@code {"accepted": n, "rejected": [{"row", "reason"}]}}; a file without
 * the header row is 400.
 */
@RestController
public class LeadImportController {

  public static final long MAX_BYTES = 10L * 1024 * 1024;
  static final String PATH = "/api/v1/leads/import";

  private final IntakeAccess access;
  private final LeadImport imports;

  public LeadImportController(IntakeAccess access, LeadImport imports) {
    this.access = access;
    this.imports = imports;
  }

  @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public Mono<ImportReport> importForm(@AuthenticationPrincipal Jwt token, ServerHttpRequest request,
                                       @RequestBody Flux<PartEvent> parts) {
    return run(token, request, fileOf(parts));
  }

  @PostMapping(path = PATH, consumes = {"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel",
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public Mono<ImportReport> importBody(@AuthenticationPrincipal Jwt token, ServerHttpRequest request) {
    return run(token, request, request.getBody());
  }

  private Mono<ImportReport> run(Jwt token, ServerHttpRequest request, Flux<DataBuffer> content) {
    Viewer viewer = Viewer.of(token);
    if (request.getHeaders().getContentLength() > MAX_BYTES * UploadLimit.DRAIN_FACTOR) {
      return Mono.error(UploadLimit.tooLarge(MAX_BYTES));
    }
    return access.target(viewer).flatMap(broker -> UploadLimit.read(content, MAX_BYTES)
        .map(CsvLeads::parse)
        .flatMap(rows -> imports.run(broker, viewer.onlyAssignedTo(), rows)));
  }

  /** The content of the form's {@code file} field (or its first file), every other part's dropped. */
  private static Flux<DataBuffer> fileOf(Flux<PartEvent> parts) {
    java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
    return parts.windowUntil(PartEvent::isLast)
        .concatMap(part -> part.switchOnFirst((first, events) -> {
          PartEvent event = first.get();
          boolean wanted = event != null && ("file".equals(event.name()) || event instanceof FilePartEvent)
              && taken.compareAndSet(false, true);
          return wanted ? events.map(PartEvent::content)
              : events.doOnNext(e -> DataBufferUtils.release(e.content())).thenMany(Flux.<DataBuffer>empty());
        }))
        .switchIfEmpty(Flux.error(() -> Problems.badRequest("The form has no file: send the CSV as its 'file' field")));
  }
}
