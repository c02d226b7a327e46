package com.inmo.activities.agent.llm;

import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.DicomStatus;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON the model must return, declared once and sent through the provider's structured-output
 * mechanism: a response-format JSON schema (OpenAI, Gemini) or a forced tool call whose arguments follow
 * the schema (Claude). Keys are English and stable; values the lead sees (the reply) follow the lead's
 * language. Money comes back as the lead said it ({@code budgetUf} or pesos): the UF conversion is ours.
 */
public final class StructuredOutput {

  /** How a provider is asked for the JSON. */
  public enum Mode { RESPONSE_FORMAT, TOOL }

  public static final String TURN_NAME = "agent_turn";
  public static final String SUMMARY_NAME = "call_summary";

  static final JsonObjectSchema FIELDS = JsonObjectSchema.builder()
      .description("Datos que el lead entrega en SU ÚLTIMO MENSAJE (omite los que no menciona; no repitas los ya"
          + " conocidos)")
      .addStringProperty("name", "nombre del lead tal como lo escribe")
      .addStringProperty("phone", "teléfono, con código de país si lo da")
      .addStringProperty("email", "correo electrónico")
      .addStringProperty("zone", "comuna o ciudad donde busca")
      .addStringProperty("propertyType",
          "departamento, casa, oficina, terreno, local comercial, bodega o estacionamiento")
      .addIntegerProperty("bedrooms", "dormitorios (0 = estudio)")
      .addIntegerProperty("budgetClp", "presupuesto en pesos chilenos, si lo da en pesos")
      .addNumberProperty("budgetUf", "presupuesto en UF, si lo da en UF (no lo conviertas)")
      .addIntegerProperty("monthlyIncomeClp", "renta líquida mensual en pesos")
      .addEnumProperty("dicom", names(DicomStatus.values()),
          "CLEAN sin DICOM; HAS_DEBT deudas sin DICOM; DIRTY está en DICOM; UNKNOWN no sabe")
      .addStringProperty("timeline", "plazo: inmediato, N meses, N años, este año, próximo año, sin apuro")
      .build();

  static final JsonObjectSchema TURN = JsonObjectSchema.builder()
      .addStringProperty("reply", "el mensaje para el lead, en su idioma")
      .addEnumProperty("intent", names(Intent.values()))
      .addEnumProperty("sentiment", names(Sentiment.values()))
      .addBooleanProperty("wantsHuman", "pide hablar con una persona o está frustrado")
      .addBooleanProperty("wantsCall", "pide que lo llamen")
      .addBooleanProperty("wantsVisit", "quiere visitar una propiedad")
      .addBooleanProperty("optOut", "pide no ser contactado nunca más")
      .addStringProperty("chosenSlot",
          "el horario elegido, copiado EXACTO de la lista de horarios ofrecidos (ISO-8601), o vacío")
      .addProperty("extracted", FIELDS)
      .required("reply", "intent", "sentiment", "wantsHuman", "wantsCall", "wantsVisit", "optOut", "extracted")
      .build();

  static final JsonObjectSchema SUMMARY = JsonObjectSchema.builder()
      .addStringProperty("summary", "resumen de la llamada para el corredor, 2 a 5 frases, en español")
      .addProperty("extracted", FIELDS)
      .required("summary", "extracted")
      .build();

  private StructuredOutput() {
  }

  /** A request for {@code messages} whose answer is JSON following {@code schema} called {@code name}. */
  static ChatRequest request(List<ChatMessage> messages, Mode mode, String name, JsonObjectSchema schema) {
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    if (mode == Mode.TOOL) {
      return builder
          .toolSpecifications(ToolSpecification.builder()
              .name(name)
              .description("Registra la respuesta estructurada. Llama siempre a esta herramienta, una sola vez.")
              .parameters(schema)
              .build())
          .toolChoice(ToolChoice.REQUIRED)
          .build();
    }
    return builder
        .responseFormat(ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name(name).rootElement(schema).build())
            .build())
        .build();
  }

  /** The JSON text of an answer: a tool call's arguments, or the message text (code fences removed). */
  static String jsonOf(AiMessage message) {
    if (message == null) {
      return null;
    }
    if (message.hasToolExecutionRequests()) {
      return message.toolExecutionRequests().get(0).arguments();
    }
    String text = message.text();
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("```")) {
      trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
    }
    return trimmed;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
