package com.inmo.activities.voice;

import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the voice agent is told before it dials, in Spanish, for any provider: who it is (the broker's persona),
 * why it calls (the call's purpose), what is known of the lead already (not to ask again) and the rules it keeps
 * (short turns, at most three questions at once, never promising credit). VAPI gets it as the system prompt of
 * its model, Bland as the call's task.
 */
public final class CallBriefing {

  /** What each purpose the lead workflow asks for means on the phone. */
  static final Map<String, String> PURPOSES = Map.of(
      "INITIAL_QUALIFICATION", "conocer qué propiedad busca (comuna, tipo, dormitorios, presupuesto y plazo) y si "
          + "quiere agendar una visita",
      "FINANCIAL_QUALIFICATION", "conversar sobre cómo financiaría la compra: renta líquida mensual, pie, crédito "
          + "hipotecario preaprobado y su situación en DICOM",
      "VISIT_CONFIRMATION", "confirmar la visita agendada a la propiedad (fecha, hora y dirección) o reagendarla si "
          + "no puede asistir",
      "POST_VISIT", "saber cómo le fue en la visita, qué le pareció la propiedad y cuáles son sus próximos pasos",
      "REACTIVATION", "retomar el contacto, saber si sigue buscando propiedad y si algo cambió en lo que busca");

  private static final Locale CHILE = Locale.forLanguageTag("es-CL");

  private CallBriefing() {
  }

  static String purpose(String purpose) {
    return PURPOSES.getOrDefault(purpose == null ? "" : purpose, PURPOSES.get("INITIAL_QUALIFICATION"));
  }

  static String persona(StartCallRequest call, VoiceProfile profile) {
    if (call.personaName() != null && !call.personaName().isBlank()) {
      return call.personaName();
    }
    return profile.personaName() == null ? "Sofía" : profile.personaName();
  }

  /** The assistant's name as the provider's dashboard lists it: persona and broker. */
  public static String assistantName(StartCallRequest call, VoiceProfile profile) {
    return persona(call, profile) + " - " + (profile.brokerName() == null ? profile.brokerSlug() : profile.brokerName());
  }

  /** The agent's instructions. */
  public static String instructions(StartCallRequest call, VoiceProfile profile) {
    String persona = persona(call, profile);
    String broker = profile.brokerName() == null ? "la corredora" : profile.brokerName();
    StringBuilder out = new StringBuilder();
    out.append("Eres ").append(persona).append(", asistente de la corredora de propiedades ").append(broker)
        .append(". Hablas por teléfono en español de Chile");
    if (profile.personaTone() != null && !profile.personaTone().isBlank()) {
      out.append(", con un tono ").append(profile.personaTone());
    }
    out.append(".\n\nObjetivo de esta llamada: ").append(purpose(call.purpose())).append(".\n");
    if (!profile.zones().isEmpty()) {
      out.append("La corredora trabaja en: ").append(String.join(", ", profile.zones())).append(".\n");
    }
    List<String> known = known(call.fields());
    if (known.isEmpty()) {
      out.append("\nAún no sabemos nada del cliente.\n");
    } else {
      out.append("\nLo que ya sabemos del cliente (no lo vuelvas a preguntar, confírmalo solo si hace falta):\n");
      known.forEach(line -> out.append("- ").append(line).append('\n'));
    }
    out.append("""

        Reglas:
        - Frases cortas y naturales; una idea por turno. Nunca más de tres preguntas en un mismo turno.
        - Si no es buen momento, ofrece llamar en otro horario o seguir por chat, y despídete.
        - Nunca prometas ni asegures la aprobación de un crédito; si el cliente tiene deudas morosas en DICOM, no \
        ofrezcas crédito hipotecario.
        - No inventes propiedades, precios ni disponibilidad: di que un ejecutivo le enviará opciones.
        - Si pide hablar con una persona, o está molesto, dile que un ejecutivo lo contactará y cierra la llamada \
        con amabilidad.
        - Si pide no ser contactado, respeta su decisión, discúlpate y despídete.
        - Si contesta un buzón de voz, deja un mensaje breve con tu nombre y el de la corredora, y corta.""");
    return out.toString();
  }

  /** The first thing the agent says when the lead picks up. */
  public static String firstMessage(StartCallRequest call, VoiceProfile profile) {
    QualificationFields f = call.fields() == null ? QualificationFields.EMPTY : call.fields();
    String hello = f.name() == null || f.name().isBlank() ? "¡Hola!" : "¡Hola, " + f.name().trim().split("\\s+")[0]
        + "!";
    String broker = profile.brokerName() == null ? "la corredora" : profile.brokerName();
    String why = switch (call.purpose() == null ? "" : call.purpose()) {
      case "VISIT_CONFIRMATION" -> "Te llamo para confirmar tu visita a la propiedad.";
      case "POST_VISIT" -> "Te llamo para saber cómo te fue en la visita.";
      case "FINANCIAL_QUALIFICATION" -> "Te llamo para ayudarte a ver las opciones de financiamiento.";
      case "REACTIVATION" -> "Te llamo para saber si sigues buscando propiedad.";
      default -> "Te llamo por tu búsqueda de propiedad.";
    };
    return hello + " Te habla " + persona(call, profile) + ", de " + broker + ". " + why + " ¿Tienes un minuto?";
  }

  static List<String> known(QualificationFields f) {
    List<String> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    add(out, "Nombre", f.name());
    add(out, "Correo", f.email());
    add(out, "Comuna o zona", f.zone());
    add(out, "Tipo de propiedad", f.propertyType());
    add(out, "Dormitorios", f.bedrooms() == null ? null : String.valueOf(f.bedrooms()));
    add(out, "Presupuesto", money(f.budgetClp()));
    add(out, "Renta mensual", money(f.monthlyIncomeClp()));
    if (f.dicom() != null && f.dicom() != DicomStatus.UNKNOWN) {
      add(out, "DICOM", switch (f.dicom()) {
        case CLEAN -> "sin deudas";
        case HAS_DEBT -> "con deudas al día";
        case DIRTY -> "con deudas morosas (no ofrecer crédito)";
        default -> null;
      });
    }
    add(out, "Plazo", f.timeline());
    return out;
  }

  private static void add(List<String> out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.add(label + ": " + value.trim());
    }
  }

  private static String money(Long clp) {
    return clp == null ? null : "$" + NumberFormat.getIntegerInstance(CHILE).format(clp) + " CLP";
  }
}
