package com.inmo.activities.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Each provider's real HTTP wire format, as its public API documents it: the success bodies (text or
 * tool call, usage), the error bodies and status codes, and how to read a captured request (path, auth,
 * model, system prompt, user and assistant messages, structured-output request).
 */
abstract class WireFormat {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "test-key-123";

  final ProviderKind kind;

  WireFormat(ProviderKind kind) {
    this.kind = kind;
  }

  static WireFormat of(ProviderKind kind) {
    switch (kind) {
      case OPENAI: return new OpenAi();
      case CLAUDE: return new Anthropic();
      case GEMINI: return new Gemini();
      default: throw new IllegalArgumentException();
    }
  }

  /** The base URL to configure for a stub server whose root is {@code root} (no trailing slash). */
  abstract String baseUrl(String root);

  /** A successful answer whose structured output is {@code json} (a JSON text, maybe malformed). */
  abstract MockResponse ok(String json, int tokensIn, int tokensOut);

  abstract MockResponse rateLimited();

  abstract MockResponse serverError();

  abstract String expectedPath(String model);

  abstract String apiKeyOf(RecordedRequest request);

  abstract String modelOf(RecordedRequest request);

  abstract String systemPrompt(RecordedRequest request);

  /** Texts of the USER messages, in order. */
  abstract List<String> userTexts(RecordedRequest request);

  /** Texts of the ASSISTANT messages, in order. */
  abstract List<String> assistantTexts(RecordedRequest request);

  /** Whether the request asks for the JSON schema (or tool) called {@code name} with a "reply" property. */
  abstract boolean requestsSchema(RecordedRequest request, String name);

  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().clone().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int status, Object body) {
    try {
      return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
          .setBody(body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode part : content) {
      if (part.has("text")) {
        out.append(part.get("text").asText());
      }
    }
    return out.toString();
  }

  /** OpenAI chat completions: POST {base}/chat/completions, Authorization: Bearer. */
  static final class OpenAi extends WireFormat {
    OpenAi() {
      super(ProviderKind.OPENAI);
    }

    @Override
    String baseUrl(String root) {
      return root + "/v1";
    }

    @Override
    MockResponse ok(String json, int tokensIn, int tokensOut) {
      ObjectNode body = JSON.createObjectNode();
      body.put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
      body.put("object", "chat.completion");
      body.put("created", 1741569952);
      body.put("model", "gpt-4.1-mini-2025-04-14");
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", json);
      message.putNull("refusal");
      message.putArray("annotations");
      choice.putNull("logprobs");
      choice.put("finish_reason", "stop");
      ObjectNode usage = body.putObject("usage");
      usage.put("prompt_tokens", tokensIn);
      usage.put("completion_tokens", tokensOut);
      usage.put("total_tokens", tokensIn + tokensOut);
      body.put("service_tier", "default");
      body.putNull("system_fingerprint");
      return json(200, body);
    }

    /** The same answer delivered as a function call ({@code tool_calls}), as some models do. */
    MockResponse okAsToolCall(String json, int tokensIn, int tokensOut) {
      ObjectNode body = JSON.createObjectNode();
      body.put("id", "chatcmpl-2");
      body.put("object", "chat.completion");
      body.put("created", 1741569952);
      body.put("model", "gpt-4.1-mini-2025-04-14");
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", "call_abc123");
      call.put("type", "function");
      call.putObject("function").put("name", "agent_turn").put("arguments", json);
      choice.put("finish_reason", "tool_calls");
      body.putObject("usage").put("prompt_tokens", tokensIn).put("completion_tokens", tokensOut)
          .put("total_tokens", tokensIn + tokensOut);
      return json(200, body);
    }

    @Override
    MockResponse rateLimited() {
      return json(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1-mini in organization org-x on requests"
          + " per min (RPM): Limit 500, Used 500, Requested 1.\",\"type\":\"requests\",\"param\":null,"
          + "\"code\":\"rate_limit_exceeded\"}}").setHeader("retry-after", "1");
    }

    @Override
    MockResponse serverError() {
      return json(500, "{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about"
          + " that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    @Override
    String expectedPath(String model) {
      return "/v1/chat/completions";
    }

    @Override
    String apiKeyOf(RecordedRequest request) {
      String auth = request.getHeader("Authorization");
      return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    }

    @Override
    String modelOf(RecordedRequest request) {
      return body(request).path("model").asText(null);
    }

    @Override
    String systemPrompt(RecordedRequest request) {
      return role(request, "system").stream().findFirst().orElse(null);
    }

    @Override
    List<String> userTexts(RecordedRequest request) {
      return role(request, "user");
    }

    @Override
    List<String> assistantTexts(RecordedRequest request) {
      return role(request, "assistant");
    }

    private List<String> role(RecordedRequest request, String role) {
      List<String> out = new ArrayList<>();
      for (JsonNode m : body(request).path("messages")) {
        if (role.equals(m.path("role").asText())) {
          out.add(text(m.get("content")));
        }
      }
      return out;
    }

    @Override
    boolean requestsSchema(RecordedRequest request, String name) {
      JsonNode format = body(request).path("response_format");
      return "json_schema".equals(format.path("type").asText())
          && name.equals(format.path("json_schema").path("name").asText())
          && format.path("json_schema").path("schema").path("properties").has(firstProperty(name));
    }
  }

  /** Anthropic messages: POST {base}/v1/messages, x-api-key, anthropic-version. */
  static final class Anthropic extends WireFormat {
    Anthropic() {
      super(ProviderKind.CLAUDE);
    }

    @Override
    String baseUrl(String root) {
      return root; // the SDK convention: no /v1, the client appends it
    }

    @Override
    MockResponse ok(String json, int tokensIn, int tokensOut) {
      ObjectNode body = envelope(tokensIn, tokensOut, "tool_use");
      ObjectNode toolUse = ((ArrayNode) body.get("content")).addObject();
      toolUse.put("type", "tool_use");
      toolUse.put("id", "toolu_01A09q90qw90lq917835lq9");
      toolUse.put("name", "agent_turn");
      try {
        toolUse.set("input", JSON.readTree(json));
      } catch (IOException e) {
        throw new IllegalArgumentException("a tool_use input is always a JSON object; use okText for broken JSON", e);
      }
      return json(200, body);
    }

    /** The model ignored the tool and wrote text (how a malformed answer reaches us from Claude). */
    MockResponse okText(String text, int tokensIn, int tokensOut) {
      ObjectNode body = envelope(tokensIn, tokensOut, "end_turn");
      ((ArrayNode) body.get("content")).addObject().put("type", "text").put("text", text);
      return json(200, body);
    }

    private static ObjectNode envelope(int tokensIn, int tokensOut, String stopReason) {
      ObjectNode body = JSON.createObjectNode();
      body.put("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF");
      body.put("type", "message");
      body.put("role", "assistant");
      body.put("model", "claude-haiku-4-5-20251001");
      body.putArray("content");
      body.put("stop_reason", stopReason);
      body.putNull("stop_sequence");
      ObjectNode usage = body.putObject("usage");
      usage.put("input_tokens", tokensIn);
      usage.put("cache_creation_input_tokens", 0);
      usage.put("cache_read_input_tokens", 0);
      usage.put("output_tokens", tokensOut);
      return body;
    }

    @Override
    MockResponse rateLimited() {
      return json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would"
          + " exceed the rate limit for your organization of 50 requests per minute.\"},"
          + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}").setHeader("retry-after", "1");
    }

    @Override
    MockResponse serverError() {
      return json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},"
          + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fz\"}");
    }

    MockResponse internalError() {
      return json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}");
    }

    @Override
    String expectedPath(String model) {
      return "/v1/messages";
    }

    @Override
    String apiKeyOf(RecordedRequest request) {
      return request.getHeader("x-api-key");
    }

    @Override
    String modelOf(RecordedRequest request) {
      return body(request).path("model").asText(null);
    }

    @Override
    String systemPrompt(RecordedRequest request) {
      JsonNode system = body(request).get("system");
      return system == null ? null : text(system);
    }

    @Override
    List<String> userTexts(RecordedRequest request) {
      return role(request, "user");
    }

    @Override
    List<String> assistantTexts(RecordedRequest request) {
      return role(request, "assistant");
    }

    private List<String> role(RecordedRequest request, String role) {
      List<String> out = new ArrayList<>();
      for (JsonNode m : body(request).path("messages")) {
        if (role.equals(m.path("role").asText())) {
          out.add(text(m.get("content")));
        }
      }
      return out;
    }

    @Override
    boolean requestsSchema(RecordedRequest request, String name) {
      JsonNode body = body(request);
      JsonNode tool = body.path("tools").path(0);
      String choice = body.path("tool_choice").path("type").asText();
      return name.equals(tool.path("name").asText())
          && tool.path("input_schema").path("properties").has(firstProperty(name))
          && (choice.equals("any") || (choice.equals("tool") && name.equals(body.path("tool_choice").path("name")
          .asText())));
    }
  }

  /** Gemini generateContent: POST {base}/v1beta/models/{model}:generateContent, x-goog-api-key. */
  static final class Gemini extends WireFormat {
    Gemini() {
      super(ProviderKind.GEMINI);
    }

    @Override
    String baseUrl(String root) {
      return root; // no version given: /v1beta is appended
    }

    @Override
    MockResponse ok(String json, int tokensIn, int tokensOut) {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode candidate = body.putArray("candidates").addObject();
      ObjectNode content = candidate.putObject("content");
      content.putArray("parts").addObject().put("text", json);
      content.put("role", "model");
      candidate.put("finishReason", "STOP");
      candidate.put("index", 0);
      ObjectNode usage = body.putObject("usageMetadata");
      usage.put("promptTokenCount", tokensIn);
      usage.put("candidatesTokenCount", tokensOut);
      usage.put("totalTokenCount", tokensIn + tokensOut);
      usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", tokensIn);
      body.put("modelVersion", "gemini-2.5-flash");
      body.put("responseId", "mT9XaNnYLpWvz7IPwNHh8Qk");
      return json(200, body);
    }

    @Override
    MockResponse rateLimited() {
      return json(429, "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check your plan"
          + " and billing details.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
          + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}]}}");
    }

    @Override
    MockResponse serverError() {
      return json(500, "{\"error\":{\"code\":500,\"message\":\"An internal error has occurred. Please retry or report"
          + " in https://developers.generativeai.google/guide/troubleshooting\",\"status\":\"INTERNAL\"}}");
    }

    MockResponse unavailable() {
      return json(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\","
          + "\"status\":\"UNAVAILABLE\"}}");
    }

    @Override
    String expectedPath(String model) {
      return "/v1beta/models/" + model + ":generateContent";
    }

    @Override
    String apiKeyOf(RecordedRequest request) {
      String header = request.getHeader("x-goog-api-key");
      return header != null ? header : request.getRequestUrl().queryParameter("key");
    }

    @Override
    String modelOf(RecordedRequest request) {
      String path = request.getRequestUrl().encodedPath();
      return path.replaceFirst("^.*/models/", "").replaceFirst(":generateContent$", "");
    }

    @Override
    String systemPrompt(RecordedRequest request) {
      JsonNode system = body(request).get("systemInstruction");
      return system == null ? null : text(system.path("parts"));
    }

    @Override
    List<String> userTexts(RecordedRequest request) {
      return role(request, "user");
    }

    @Override
    List<String> assistantTexts(RecordedRequest request) {
      return role(request, "model");
    }

    private List<String> role(RecordedRequest request, String role) {
      List<String> out = new ArrayList<>();
      for (JsonNode c : body(request).path("contents")) {
        if (role.equals(c.path("role").asText())) {
          out.add(text(c.path("parts")));
        }
      }
      return out;
    }

    @Override
    boolean requestsSchema(RecordedRequest request, String name) {
      JsonNode config = body(request).path("generationConfig");
      JsonNode schema = config.has("responseSchema") ? config.get("responseSchema") : config.path("responseJsonSchema");
      return "application/json".equals(config.path("responseMimeType").asText())
          && schema.path("properties").has(firstProperty(name));
    }
  }

  static String firstProperty(String schemaName) {
    return schemaName.equals(StructuredOutput.SUMMARY_NAME) ? "summary" : "reply";
  }
}
