package com.inmo.api.leads.intake;

import com.inmo.api.web.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An import file's rows. The first row names the columns ({@code name, phone, email, tags, source}, any
 * case and order; others are ignored); cells are separated by commas or, as spreadsheets in Chile save
 * them, semicolons; UTF-8 with or without a byte order mark, or Windows-1252. {@code tags} holds several
 * tags separated by {@code |}, {@code ;} or {@code ,}. A row's number is its record number in the file,
 * the header being row 1, as a spreadsheet shows it; blank rows are skipped. At most {@link #MAX_ROWS}
 * rows (422 beyond: each starts a workflow, which takes a while).
 */
final class CsvLeads {

  static final int MAX_ROWS = 10_000;

  private CsvLeads() {
  }

  record Row(long number, NewLead lead) {
  }

  static List<Row> parse(byte[] bytes) {
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter(text))
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreHeaderCase(true)
        // a blank line stays a (skipped) record, so record numbers (+1 for the header) stay spreadsheet rows
        .setIgnoreEmptyLines(false)
        .setTrim(true)
        .setAllowMissingColumnNames(true)
        .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      Set<String> names = header == null ? Set.of()
          : header.keySet().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      if (!names.contains("name") || !(names.contains("phone") || names.contains("email"))) {
        throw Problems.badRequest("The file's first row must name its columns: name, phone and/or email, and "
            + "optionally tags and source (found " + names.stream().sorted().toList() + ")");
      }
      for (CSVRecord record : parser) {
        if (record.stream().allMatch(v -> v == null || v.isBlank())) {
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
              "The file has more than " + MAX_ROWS + " rows; import it in parts");
        }
        rows.add(new Row(record.getRecordNumber() + 1, new NewLead(cell(record, "name"), cell(record, "phone"),
            cell(record, "email"), tags(cell(record, "tags")), cell(record, "source"), null, null, null, null, null,
            null)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw Problems.badRequest("The file is not valid CSV after row " + (rows.size() + 1) + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest("The file's header is not valid: " + e.getMessage());
    }
    return rows;
  }

  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isBlank() ? null : value;
  }

  private static List<String> tags(String cell) {
    return cell == null ? List.of() : Arrays.stream(cell.split("[|;,]")).map(String::trim).filter(t -> !t.isEmpty())
        .toList();
  }

  /** Semicolons when the header row has more of them than commas. */
  static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel saves CSV as on Spanish Windows). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }
}
