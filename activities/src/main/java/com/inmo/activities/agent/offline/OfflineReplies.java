package com.inmo.activities.agent.offline;

import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sentence the offline agent can say, in one place so wording can be reviewed (and one day
 * translated) without reading the rules. The questions double as markers: the agent recognises which
 * fields it asked last turn by finding these exact questions in its previous message, so changing a
 * question's text is safe but two questions must never share their text.
 *
 * <p>Mortgage wording rule: nothing here may promise or suggest credit approval. With DICOM the agent
 * says a mortgage is not possible for now and offers alternatives.
 */
final class OfflineReplies {

  static final String DEFAULT_PERSONA = "Sofía";
  static final String DEFAULT_BROKER = "Inmobiliaria Demo";

  static final String GREETING = "¡Hola! Soy %s, de %s 👋 Te ayudo a encontrar la propiedad que buscas.";
  static final String GREETING_AGAIN = "¡Hola de nuevo!";
  static final String THANKS_NAME = "¡Gracias, %s!";
  static final String NOTED = "Anotado: %s.";
  static final String UNDERSTOOD = "Entiendo.";
  static final String OPT_OUT = com.inmo.activities.agent.OptOutGuard.OPT_OUT_REPLY;
  static final String HANDOFF = "¡Claro! Te comunico con un agente de %s, que te escribirá a la brevedad.";
  static final String HANDOFF_FRUSTRATED =
      "Lamento mucho la molestia. Te comunico con un agente de %s para que te atienda personalmente.";
  static final String BOT_DISCLOSURE =
      "Soy %s, la asistente virtual de %s. Si prefieres hablar con una persona, solo dímelo.";
  static final String CALL = "¡Perfecto! Le pido a un agente que te llame.";
  static final String PROPERTY_QUESTION =
      "Buena pregunta: le confirmo ese detalle al corredor y te respondo por aquí.";
  static final String SLOTS_HEADER = "Estos son los horarios disponibles para la visita:";
  static final String SLOTS_FOOTER = "Respóndeme con el número de la opción que te acomode.";
  static final String SLOT_NOT_UNDERSTOOD = "No logré identificar qué horario prefieres.";
  static final String SLOT_CONFIRMED = "¡Listo! Tu visita queda agendada para el %s. Te enviaremos la confirmación.";
  static final String VISIT_NO_SLOTS =
      "¡Genial! Le aviso al corredor para coordinar la visita y te confirmo el horario por aquí.";
  static final String DICOM_DIRTY = "Te cuento con transparencia: estando en DICOM, por ahora no es posible optar"
      + " a un crédito hipotecario. Sí podemos ver alternativas, como arrendar mientras tanto o un plan de ahorro"
      + " para el pie, y retomar la compra cuando regularices tu situación.";
  static final String CREDIT_IS_THE_BANKS = "Sobre el crédito hipotecario: lo evalúa cada banco según tus"
      + " antecedentes, así que no puedo adelantarte el resultado; sí te ayudo a preparar todo para postular.";
  static final String ALL_SET =
      "Con esto tengo todo lo necesario: un agente revisará tu búsqueda y te contactará pronto.";
  static final String QUESTIONS_INTRO = "Para ayudarte mejor:";

  /** One question per field, in the vocabulary of {@link QualificationFields#missing()}. */
  static final Map<String, String> QUESTIONS = new LinkedHashMap<>();

  static {
    QUESTIONS.put("name", "¿Cómo te llamas?");
    QUESTIONS.put("zone", "¿En qué comuna o ciudad estás buscando?");
    QUESTIONS.put("propertyType", "¿Qué tipo de propiedad buscas: departamento, casa u otra?");
    QUESTIONS.put("bedrooms", "¿Cuántos dormitorios necesitas?");
    QUESTIONS.put("budget", "¿Con qué presupuesto cuentas (en pesos o UF)?");
    QUESTIONS.put("phone", "¿Me dejas un teléfono de contacto?");
    QUESTIONS.put("timeline", "¿Para cuándo te gustaría concretar?");
    QUESTIONS.put("monthlyIncome", "¿Cuál es tu renta líquida mensual aproximada?");
    QUESTIONS.put("dicom", "¿Apareces en DICOM?");
    QUESTIONS.put("email", "¿Cuál es tu correo electrónico?");
  }

  private OfflineReplies() {
  }

  /** "departamento de 2 dormitorios en Ñuñoa, presupuesto de $80.000.000", or null when nothing new. */
  static String learned(QualificationFields f) {
    List<String> parts = new ArrayList<>();
    StringBuilder search = new StringBuilder();
    if (f.propertyType() != null) {
      search.append(f.propertyType());
    }
    if (f.bedrooms() != null) {
      String rooms = f.bedrooms() == 0 ? "tipo estudio"
          : f.bedrooms() + (f.bedrooms() == 1 ? " dormitorio" : " dormitorios");
      search.append(search.length() > 0 ? (f.bedrooms() == 0 ? " " : " de ") : "").append(rooms);
    }
    if (f.zone() != null) {
      search.append(search.length() > 0 ? " en " : "zona ").append(f.zone());
    }
    if (search.length() > 0) {
      parts.add(search.toString());
    }
    if (f.budgetClp() != null) {
      parts.add("presupuesto de " + SpanishText.clp(f.budgetClp()));
    }
    if (f.monthlyIncomeClp() != null) {
      parts.add("renta de " + SpanishText.clp(f.monthlyIncomeClp()) + " mensuales");
    }
    if (f.timeline() != null) {
      parts.add("plazo: " + f.timeline());
    }
    if (f.dicom() == DicomStatus.CLEAN) {
      parts.add("sin DICOM");
    } else if (f.dicom() == DicomStatus.HAS_DEBT) {
      parts.add("algunas deudas, sin DICOM");
    }
    if (f.phone() != null) {
      parts.add("teléfono " + f.phone());
    }
    if (f.email() != null) {
      parts.add("correo " + f.email());
    }
    return parts.isEmpty() ? null : String.format(NOTED, String.join(", ", parts));
  }
}
