package com.inmo.activities.agent;

import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.QualificationFields;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a lead's message for an opt-out before any provider sees it, so that honouring "STOP" never
 * depends on a model (which may miss it, or be replaced by a safe reply that says {@code optOut=false}).
 * The agent activity answers a clear opt-out itself with {@link #OPT_OUT_REPLY}, for every provider,
 * the offline agent and a spent LLM budget alike.
 *
 * <p>The rules, on the message folded to lower case without accents or punctuation, whole words only:
 * <ul>
 *   <li>{@link Verdict#OPT_OUT}: a keyword alone ("STOP", "baja", "basta", "unsubscribe"), "stop" as a word
 *       anywhere, or a refusal: "no me escriban / contacten / molesten", "no me llamen más / nunca", "dejen de
 *       escribirme", "no me vuelvan a escribir", "no quiero recibir más mensajes", "darme de baja", "sáquenme de
 *       su lista", "borren mis datos", "basta de mensajes".</li>
 *   <li>{@link Verdict#HAND_OFF}: such a refusal that also names another way or time to be reached ("no me
 *       escriban más por Telegram, prefiero WhatsApp", "no me escriban, llámenme", "no me escriban antes de
 *       las 9"). That is a preference, not a wish never to be contacted: opting out would silence a lead who
 *       asked for contact, and carrying on would ignore what they asked. A person of the team takes it.</li>
 *   <li>{@link Verdict#NONE} otherwise, including look-alikes: "¿baja el precio?", "¿basta con un pie del
 *       20%?", "planta baja", "stopper", "no me llamen ahora", "dejen de mandarme ofertas de Las Condes". The
 *       provider reads those, and a model's own {@code optOut} flag still counts.</li>
 * </ul>
 */
public final class OptOutGuard {

  public enum Verdict { OPT_OUT, HAND_OFF, NONE }

  public static final String OPT_OUT_REPLY = "Entendido, no te escribiremos más. ¡Que estés muy bien!";
  public static final String HAND_OFF_REPLY =
      "Entendido. Le aviso a una persona del equipo para que te contacte de la forma que prefieras.";

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  private static final String POLITE = "(?:por favor|porfa|please|ya|gracias)";
  /** The whole message is a keyword, maybe with "por favor": "baja" and "basta" mean other things in a sentence. */
  private static final Pattern KEYWORD = Pattern.compile("^(?:" + POLITE + " )*(?:stop|baja|basta|unsubscribe"
      + "|desuscribir(?:me)?)(?: " + POLITE + ")*$");
  /** The SMS convention: an English command word nobody writes in a Spanish sentence for anything else. */
  private static final Pattern STOP_WORD = Pattern.compile("\\b(?:stop|unsubscribe)\\b");
  private static final Pattern REFUSAL = Pattern.compile(String.join("|",
      "\\bno (?:me|nos) (?:escriban|escribas|escriba|contacten|contactes|contacte|molesten|molestes|moleste)\\b",
      // "no me llamen ahora" asks for later; with "más" or "nunca" it refuses
      "\\bno (?:me|nos) (?:llamen|llames|llame) (?:\\w+ )?(?:mas|nunca)\\b",
      "\\b(?:dejen|deja|deje|paren|para|pare) de (?:escribirme|contactarme|molestarme|llamarme|hablarme|insistir"
          + "|(?:mandarme|enviarme) (?:mensajes|whatsapps?|correos|mails|sms|cosas|spam))\\b",
      "\\bno (?:me )?(?:vuelvan|vuelvas|vuelva) a (?:escribir|contactar|llamar|molestar)",
      "\\bno quiero (?:que me (?:escriban|contacten|llamen|sigan|vuelvan|molesten)"
          + "|recibir (?:mas )?(?:mensajes|llamadas|correos|whatsapps?)|mas (?:mensajes|llamadas))",
      "(?<!no quiero )(?<!no me quiero )\\b(?:darme|denme|dame|deme|me doy|me den|me de) de baja\\b",
      // "dar de baja" alone or of the subscription; "dar de baja mi contrato de arriendo" is about something else
      "(?<!no quiero )\\bdar de baja(?=$| " + POLITE + "| de (?:la|su|sus|esta|tu|tus) (?:lista|base|mensajes"
          + "|suscripcion)| (?:la|mi|esta) suscripcion| los mensajes)",
      "\\b(?:saquenme|sacame|saqueme|borrenme|borrame|borreme|eliminenme|eliminame|elimineme) de (?:su|sus|la|las|tu"
          + "|tus|esta|este) (?:lista|listas|base|bases|registro|registros|contactos|sistema)\\b",
      "\\b(?:borren|borra|borre|eliminen|elimina|elimine) (?:todos )?mis datos\\b",
      "\\bbasta de (?:mensajes|spam|escribirme|llamarme|molestar(?:me)?|insistir|llamadas)\\b"));
  /** Another channel, a call, or a time: the refusal limits how or when, it does not end the contact. */
  private static final Pattern ANOTHER_WAY = Pattern.compile(String.join("|",
      "\\bprefiero\\b", "\\bmejor (?:por|al|a mi|me)\\b",
      "\\b(?:escribanme|escribeme|escribame|llamenme|llamame|llameme|contactenme|contactame|contacteme|hablenme)\\b",
      "\\bpor (?:whatsapp|wsp|wasap|wsap|mail|email|correo|sms|telefono|llamada)\\b",
      "\\bal (?:correo|mail|email|whatsapp|wsp|telefono|celular)\\b",
      "\\b(?:antes|despues) de las\\b", "\\bmas tarde\\b", "\\btan (?:temprano|tarde)\\b",
      "\\bhasta (?:el|la|las|manana|que|nuevo aviso)\\b", "\\b(?:de|en la|por la|en las) noches?\\b",
      "\\bpor (?:ahora|hoy|el momento)\\b", "\\bhoy\\b", "\\besta semana\\b", "\\ba (?:esta|estas) horas?\\b",
      "\\bfines? de semana\\b"));

  private static final AgentTurnResult OPTED_OUT = new AgentTurnResult(OPT_OUT_REPLY, QualificationFields.EMPTY,
      Intent.OPT_OUT, Sentiment.NEGATIVE, false, false, false, null, true);
  private static final AgentTurnResult HANDED_OFF = new AgentTurnResult(HAND_OFF_REPLY, QualificationFields.EMPTY,
      Intent.REQUEST_HUMAN, Sentiment.NEUTRAL, true, false, false, null, false);

  private OptOutGuard() {
  }

  public static Verdict read(String message) {
    String text = words(message);
    if (text.isEmpty()) {
      return Verdict.NONE;
    }
    if (KEYWORD.matcher(text).matches()) {
      return Verdict.OPT_OUT;
    }
    if (!STOP_WORD.matcher(text).find() && !REFUSAL.matcher(text).find()) {
      return Verdict.NONE;
    }
    return ANOTHER_WAY.matcher(text).find() ? Verdict.HAND_OFF : Verdict.OPT_OUT;
  }

  /** The fixed answer to an opt-out or a refusal naming another way; empty when the provider should answer. */
  public static Optional<AgentTurnResult> answer(String message) {
    return switch (read(message)) {
      case OPT_OUT -> Optional.of(OPTED_OUT);
      case HAND_OFF -> Optional.of(HANDED_OFF);
      case NONE -> Optional.empty();
    };
  }

  /** Lower case, no accents (ñ as n), words separated by one space: how leads' phone typing is compared. */
  static String words(String message) {
    if (message == null) {
      return "";
    }
    String folded = MARKS.matcher(Normalizer.normalize(message, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(folded).replaceAll(" ").trim();
  }
}
