package com.inmo.activities.agent.offline;

import com.inmo.activities.agent.offline.MoneyExtractor.Money;
import com.inmo.activities.agent.offline.PhoneExtractor.Phone;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the qualification fields a lead mentions in one Spanish (Chilean) message. Each field has its
 * own small extractor; this class only orders them: phones and e-mails are found first and blanked out
 * so their digits are never read as money or bedrooms, and the name is found before the zone so that
 * "me llamo Santiago" is a name, not the commune.
 *
 * <p>The last field the agent asked for lets a bare answer count ("Juan Pérez", "3", "2 millones"); a
 * bare answer is only accepted when nothing else was recognised in the message.
 */
public final class SpanishFieldExtractor {

  /**
   * Pesos per UF used when no rate is given. The UF moves every day: this fixed value is a placeholder
   * for dev mode and tests, to be replaced by the day's value (published by the Banco Central de Chile).
   */
  public static final long DEFAULT_CLP_PER_UF = 39_500;

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.[\\p{L}]{2,}");

  private final PhoneExtractor phones = new PhoneExtractor();
  private final NameExtractor names = new NameExtractor();
  private final ZoneCatalog zones = new ZoneCatalog();
  private final PropertyExtractor property = new PropertyExtractor();
  private final DicomExtractor dicom = new DicomExtractor();
  private final TimelineExtractor timeline = new TimelineExtractor();
  private final MoneyExtractor money;

  public SpanishFieldExtractor() {
    this(DEFAULT_CLP_PER_UF);
  }

  /** @param clpPerUf the day's UF value in pesos, used to convert "UF 3.500" budgets */
  public SpanishFieldExtractor(long clpPerUf) {
    if (clpPerUf <= 0) {
      throw new IllegalArgumentException("clpPerUf must be positive: " + clpPerUf);
    }
    this.money = new MoneyExtractor(clpPerUf);
  }

  /**
   * The fields mentioned in {@code text} (unknown ones null).
   *
   * @param brokerZones            the broker's zones, recognised with the broker's spelling
   * @param lastAgentQuestionField the field the agent just asked for ("name", "zone", "bedrooms",
   *                               "budget", "monthlyIncome", "dicom", "timeline", ...), or null
   */
  public QualificationFields extract(String text, List<String> brokerZones, String lastAgentQuestionField) {
    if (text == null || text.isBlank()) {
      return QualificationFields.EMPTY;
    }
    List<String> brokerZoneList = brokerZones == null ? List.of() : brokerZones;
    String asked = lastAgentQuestionField;

    String masked = text;
    Phone phone = phones.extract(masked);
    if (phone != null) {
      masked = blank(masked, phone.start(), phone.end());
    }
    String email = null;
    Matcher emailMatch = EMAIL.matcher(masked);
    if (emailMatch.find()) {
      email = emailMatch.group().toLowerCase(Locale.ROOT);
      masked = blank(masked, emailMatch.start(), emailMatch.end());
    }

    String name = names.extract(masked);
    String folded = SpanishText.fold(masked);
    String withoutName = name == null ? folded : folded.replace(SpanishText.fold(name), " ");
    String zone = zones.find(withoutName, brokerZoneList);
    String propertyType = property.propertyType(folded);
    Integer bedrooms = property.bedrooms(folded, "bedrooms".equals(asked));
    Money amounts = money.extract(folded, asked);
    DicomStatus dicomStatus = dicom.extract(folded, "dicom".equals(asked));
    String when = timeline.extract(folded, "timeline".equals(asked));

    QualificationFields found = new QualificationFields(name, phone == null ? null : phone.e164(), email, zone,
        propertyType, bedrooms, amounts.budgetClp(), amounts.monthlyIncomeClp(), dicomStatus, when);
    if (!found.equals(QualificationFields.EMPTY)) {
      return found;
    }
    // Nothing recognised: the message may be a bare answer to the question just asked.
    if ("name".equals(asked) && !zones.isKnownPlace(folded, brokerZoneList)) {
      String bare = names.extractBare(masked);
      return bare == null ? found : new QualificationFields(bare, null, null, null, null, null, null, null,
          null, null);
    }
    if ("zone".equals(asked)) {
      return found.withZone(names.extractBare(masked));
    }
    return found;
  }

  private static String blank(String text, int start, int end) {
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }
}
