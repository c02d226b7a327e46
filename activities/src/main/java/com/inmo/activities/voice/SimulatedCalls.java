package com.inmo.activities.voice;

import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.lead.QualificationFields;

/**
 * How a simulated call ends, decided by the number's last digit so demos and tests can choose: 0 no answer,
 * 1 busy, 2 voicemail, 3 failed, anything else answered and completed. The report is what a real provider
 * reports: status, ended reason, duration, transcript, summary, recording URL.
 */
final class SimulatedCalls {

  private SimulatedCalls() {
  }

  static CallReport reportFor(StartCallRequest call, String providerCallId) {
    String phone = call.phone() == null ? "" : call.phone();
    char last = phone.isEmpty() ? '9' : phone.charAt(phone.length() - 1);
    return switch (last) {
      case '0' -> ended(call, providerCallId, CallStatus.NO_ANSWER, "customer-did-not-answer", 0);
      case '1' -> ended(call, providerCallId, CallStatus.BUSY, "customer-busy", 0);
      case '2' -> ended(call, providerCallId, CallStatus.VOICEMAIL, "voicemail", 21);
      case '3' -> ended(call, providerCallId, CallStatus.FAILED, "invalid-number", 0);
      default -> answered(call, providerCallId);
    };
  }

  private static CallReport ended(StartCallRequest call, String id, CallStatus status, String reason, int seconds) {
    return new CallReport(call.callWorkflowId(), "simulated", id, status, reason, seconds, null, null, null, null);
  }

  private static CallReport answered(StartCallRequest call, String id) {
    QualificationFields known = call.fields() == null ? QualificationFields.EMPTY : call.fields();
    String name = known.name() == null ? "" : " " + known.name().split(" ")[0];
    String persona = call.personaName() == null ? "Sofía" : call.personaName();
    String transcript = String.join("\n",
        "AI: ¡Hola" + name + "! Te habla " + persona + ", asistente de la corredora. ¿Tienes un minuto?",
        "Lead: Sí, dime.",
        "AI: Te llamo por tu búsqueda de propiedad. ¿Sigues interesado en visitar opciones esta semana?",
        "Lead: Sí, me interesa. Prefiero en la tarde.",
        "AI: Perfecto, te escribo por chat con los horarios disponibles. ¡Gracias!");
    String summary = "El lead confirmó interés y prefiere visitas en la tarde.";
    return new CallReport(call.callWorkflowId(), "simulated", id, CallStatus.COMPLETED, "customer-ended-call", 74,
        transcript, summary, "https://recordings.invalid/simulated/" + id + ".mp3", QualificationFields.EMPTY);
  }
}
