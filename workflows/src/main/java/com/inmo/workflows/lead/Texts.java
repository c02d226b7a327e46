package com.inmo.workflows.lead;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The workflow's own Spanish messages (follow-ups, reminders, notices). The agent writes the replies to the
 * lead's messages; these are what the workflow says on its own when a timer fires or a step changes.
 */
final class Texts {

  private static final Locale ES = Locale.forLanguageTag("es-CL");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'a las' HH:mm", ES);

  private Texts() {
  }

  static String followUp(int index, String persona, String leadName) {
    String hi = leadName == null ? "¡Hola!" : "¡Hola, " + firstName(leadName) + "!";
    return switch (index) {
      case 0 -> hi + " ¿Sigues por ahí? Cuéntame y seguimos buscando tu propiedad ideal.";
      case 1 -> hi + " Soy " + persona + " de nuevo. ¿Te gustaría que te muestre algunas opciones que calcen "
          + "con lo que buscas?";
      default -> hi + " Quería saber si aún estás buscando propiedad. Si te acomoda, podemos agendar una visita "
          + "o una llamada corta.";
    };
  }

  static String closingNoResponse(String persona) {
    return "Como no he tenido noticias tuyas, cierro tu solicitud por ahora. Si más adelante quieres retomar la "
        + "búsqueda, escríbeme cuando quieras. ¡Saludos! — " + persona;
  }

  static String visitBooked(Instant start, ZoneId zone) {
    return "¡Listo! Tu visita quedó agendada para el " + when(start, zone) + ". Te enviaré un recordatorio antes.";
  }

  static String visitReminder24h(Instant start, ZoneId zone) {
    return "Recordatorio: mañana tienes tu visita, el " + when(start, zone) + ". Si necesitas cambiar la hora, "
        + "avísame por aquí.";
  }

  static String visitReminder1h(Instant start, ZoneId zone) {
    return "Tu visita es en una hora (" + when(start, zone) + "). ¡Te esperamos!";
  }

  static String postVisit(String leadName) {
    return (leadName == null ? "¡Hola!" : "¡Hola, " + firstName(leadName) + "!")
        + " ¿Qué te pareció la propiedad? Cuéntame si quieres avanzar o ver otras opciones.";
  }

  static String visitCancelled(Instant start, ZoneId zone) {
    return "Tu visita del " + when(start, zone) + " fue cancelada. Si quieres, buscamos otro horario.";
  }

  static String slotTaken(List<Instant> alternatives, ZoneId zone) {
    if (alternatives.isEmpty()) {
      return "Ese horario se acaba de ocupar y no me quedan horarios libres esta semana. Un agente te contactará "
          + "para coordinar.";
    }
    StringBuilder text = new StringBuilder("Ese horario se acaba de ocupar. Te puedo ofrecer:");
    for (int i = 0; i < alternatives.size(); i++) {
      text.append("\n").append(i + 1).append(". ").append(when(alternatives.get(i), zone));
    }
    return text.append("\n¿Cuál te acomoda?").toString();
  }

  static String mediaReceived() {
    return "¡Gracias! Por ahora solo puedo leer texto: ¿me lo podrías escribir?";
  }

  static String callFallback(String leadName) {
    return (leadName == null ? "¡Hola!" : "¡Hola, " + firstName(leadName) + "!")
        + " Intenté llamarte pero no pude contactarte. ¿Prefieres que sigamos por aquí o que te llame en otro "
        + "horario?";
  }

  static String closedLeadWantsVisit(String leadName) {
    return (leadName == null ? "¡Hola!" : "¡Hola, " + firstName(leadName) + "!")
        + " Con gusto coordinamos una visita: le pedí a un agente del equipo que te escriba por aquí para "
        + "acordar el día y la hora.";
  }

  static String confirmNumber(String leadName, String phone) {
    return (leadName == null ? "¡Claro!" : "¡Claro, " + firstName(leadName) + "!") + " Antes de llamarte, ¿me "
        + "confirmas que tu número es " + phone + "? Responde «sí» y te llamo; si no es, escríbeme el correcto.";
  }

  static String callConfirmed(String leadName) {
    return (leadName == null ? "¡Perfecto!" : "¡Perfecto, " + firstName(leadName) + "!")
        + " Te llamo en breve a ese número.";
  }

  static String callByPerson(String leadName, String phone) {
    return (leadName == null ? "¡Claro!" : "¡Claro, " + firstName(leadName) + "!") + " Le pedí a un asesor del "
        + "equipo que te llame al " + phone + " lo antes posible.";
  }

  static String backToAi(String persona) {
    return "Disculpa la espera. Soy " + persona + " y sigo atendiéndote por aquí: ¿en qué te puedo ayudar?";
  }

  // --- for the team (notifications, notes in the conversation) ---------------------------------------

  static String waitingForAPerson(int minutes, String leadName) {
    return "Un lead espera respuesta humana hace " + minutes + " minutos: " + leadName;
  }

  static String backToAiNote() {
    return "Sin respuesta humana en 60 minutos: la conversación vuelve al agente IA";
  }

  static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone));
  }

  private static String firstName(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
