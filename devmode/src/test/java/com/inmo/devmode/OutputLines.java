package com.inmo.devmode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The output file of a running process read as whole lines: a line counts once its newline is written, never
 * before. A process writes a line in pieces whenever its output buffer fills mid-line, so searching the raw
 * file for a word can succeed on half a line; patterns here only ever see finished lines. Once the process has
 * ended, its last line counts even without a newline (nothing more will come).
 */
public final class OutputLines {

  private final Path file;
  private final List<String> lines = new ArrayList<>();
  /** Bytes of the file already turned into lines (up to and including the last newline read). */
  private long consumed;

  public OutputLines(Path file) {
    this.file = file;
  }

  /** The whole lines written so far. */
  public synchronized List<String> complete() {
    readNewLines();
    return List.copyOf(lines);
  }

  /** Every line, the unterminated last one included: for a process that has ended. */
  public synchronized List<String> all() {
    List<String> all = new ArrayList<>(complete());
    byte[] tail = unread();
    if (tail.length > 0) {
      all.add(decode(tail, tail.length));
    }
    return all;
  }

  /** The first whole line so far that matches. */
  public Optional<MatchResult> find(Pattern pattern) {
    return firstMatch(complete(), pattern);
  }

  /**
   * Waits for a whole line that matches, as long as the process runs; once it has ended, its last line
   * counts too. Fails naming the pattern and showing the output when none comes.
   */
  public MatchResult await(Pattern pattern, Duration timeout, BooleanSupplier running) {
    return awaitOptional(pattern, timeout, running).orElseThrow(() -> new AssertionError(
        "no whole line matching '" + pattern + "' within " + timeout + (running.getAsBoolean() ? ""
            : " (the process ended)") + "; a whole line matching '" + pattern + "' was awaited in:\n"
            + String.join("\n", all())));
  }

  /** {@link #await}, empty when the process ended or the time ran out without such a line. */
  public Optional<MatchResult> awaitOptional(Pattern pattern, Duration timeout, BooleanSupplier running) {
    try {
      Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
          .until(() -> find(pattern).isPresent() || !running.getAsBoolean());
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
    // ended: whatever it wrote last is whole now
    return running.getAsBoolean() ? find(pattern) : firstMatch(all(), pattern);
  }

  private static Optional<MatchResult> firstMatch(List<String> lines, Pattern pattern) {
    for (String line : lines) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m.toMatchResult());
      }
    }
    return Optional.empty();
  }

  private void readNewLines() {
    byte[] fresh = unread();
    int start = 0;
    for (int i = 0; i < fresh.length; i++) {
      if (fresh[i] == '\n') {
        int end = i > start && fresh[i - 1] == '\r' ? i - 1 : i;
        lines.add(decode(java.util.Arrays.copyOfRange(fresh, start, end), end - start));
        start = i + 1;
      }
    }
    // bytes after the last newline stay unread: decoding them now could also split a multi-byte character
    consumed += start;
  }

  private byte[] unread() {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(consumed);
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      in.transferTo(rest);
      return rest.toByteArray();
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
