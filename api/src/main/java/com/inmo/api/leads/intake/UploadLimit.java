package com.inmo.api.leads.intake;

import com.inmo.api.web.Problems;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an upload of at most {@code max} bytes. A bigger one is read to its end and dropped (most clients
 * cannot read an answer while still sending), then refused with 413; past {@link #DRAIN_FACTOR} times the
 * limit it is not worth reading at all and is refused at once.
 */
final class UploadLimit {

  static final int DRAIN_FACTOR = 4;

  private UploadLimit() {
  }

  static Mono<byte[]> read(Flux<DataBuffer> body, long max) {
    return Mono.defer(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AtomicLong seen = new AtomicLong();
      return body.handle((DataBuffer buffer, reactor.core.publisher.SynchronousSink<Void> sink) -> {
        try {
          long total = seen.addAndGet(buffer.readableByteCount());
          if (total <= max) {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            out.write(bytes, 0, bytes.length);
          } else if (total > max * DRAIN_FACTOR) {
            sink.error(tooLarge(max));
          }
        } finally {
          DataBufferUtils.release(buffer);
        }
      }).then(Mono.defer(() -> seen.get() > max ? Mono.error(tooLarge(max)) : Mono.just(out.toByteArray())));
    });
  }

  static RuntimeException tooLarge(long max) {
    return Problems.tooLarge("The file is larger than " + max + " bytes");
  }
}
