package com.inmo.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's output file read while the process writes it: a line counts only once its newline is there. The
 * flake this guards against: dev mode's banner line written in two pieces (its PrintStream flushes a small
 * buffer), the old {@code output().contains("Inmo is up")} returning between them, and the cold-start pattern
 * then finding nothing although the finished log shows the whole line.
 */
class OutputLinesTest {

  static final Pattern COLD_START = Pattern.compile("Inmo is up \\(cold start to healthy: ([0-9.]+) s\\)");

  @TempDir
  Path dir;

  private static void append(Path file, String chunk) {
    try {
      Files.writeString(file, chunk, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aLineWrittenInTwoChunksIsMatchedOnlyWhenWhole() throws Exception {
    Path log = dir.resolve("dev.log");
    append(log, "starting\n----\n  Inmo is up (cold start to ");

    // the old way: the text is there, so the wait ends, and the pattern then fails on the half-written line
    String oldWaitSaw = Files.readString(log);
    assertThat(oldWaitSaw).contains("Inmo is up");
    assertThat(COLD_START.matcher(oldWaitSaw).find()).as("the flake, reproduced").isFalse();

    OutputLines lines = new OutputLines(log);
    assertThat(lines.complete()).containsExactly("starting", "----");
    assertThat(lines.find(COLD_START)).isEmpty();

    CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> append(log, "healthy: 9.7 s)\n  API and dashboard"),
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    MatchResult up = lines.await(COLD_START, Duration.ofSeconds(10), () -> true);
    rest.join();

    assertThat(up.group(1)).isEqualTo("9.7");
    assertThat(lines.complete()).containsExactly("starting", "----", "  Inmo is up (cold start to healthy: 9.7 s)");
  }

  @Test
  void aLineSplitInsideAMultiByteCharacterComesOutWhole() throws Exception {
    Path log = dir.resolve("utf8.log");
    byte[] line = "Demo broker  Ñuñoa\n".getBytes(StandardCharsets.UTF_8);
    int insideTheN = "Demo broker  ".getBytes(StandardCharsets.UTF_8).length + 1;
    Files.write(log, java.util.Arrays.copyOf(line, insideTheN));
    OutputLines lines = new OutputLines(log);
    assertThat(lines.complete()).isEmpty();

    Files.write(log, java.util.Arrays.copyOfRange(line, insideTheN, line.length), StandardOpenOption.APPEND);
    assertThat(lines.complete()).containsExactly("Demo broker  Ñuñoa");
  }

  @Test
  void whenTheProcessHasEndedItsUnterminatedLastLineCountsAndTheWaitStops() {
    Path log = dir.resolve("ended.log");
    append(log, "Configuration error: SECRET_KEY\nInmo dev mode could not start: no");

    assertThat(lines(log).await(Pattern.compile("could not start: (.*)"), Duration.ofSeconds(10), () -> false).group(1))
        .isEqualTo("no");
    assertThat(lines(log).awaitOptional(Pattern.compile("Inmo is up"), Duration.ofSeconds(10), () -> false)).isEmpty();
  }

  @Test
  void aLineNeverFinishedWhileTheProcessRunsTimesOutNamingThePatternAndTheOutput() {
    Path log = dir.resolve("slow.log");
    append(log, "one\npartial");
    long started = System.nanoTime();
    assertThat(lines(log).awaitOptional(Pattern.compile("partial"), Duration.ofMillis(300), () -> true)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    assertThatThrownBy(() -> lines(log).await(Pattern.compile("partial"), Duration.ofMillis(100), () -> true))
        .isInstanceOf(AssertionError.class).hasMessageContaining("a whole line matching 'partial'")
        .hasMessageContaining("one\npartial");
  }

  @Test
  void aFileNotWrittenYetHasNoLines() {
    assertThat(new OutputLines(dir.resolve("not-yet.log")).complete()).isEmpty();
  }

  private static OutputLines lines(Path log) {
    return new OutputLines(log);
  }
}
