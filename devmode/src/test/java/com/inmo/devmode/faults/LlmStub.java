package com.inmo.devmode.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * OpenAI's chat completions and Anthropic's messages endpoints as the providers answer them (the wire formats of
 * docs/llm-providers in the activities tests), each reply a valid structured agent turn. OpenAI can be made to
 * answer 500, as it does in an incident.
 */
final class LlmStub implements AutoCloseable {

  static final String KEY = "sk-faults-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  final AtomicInteger openAiAnswers = new AtomicInteger();
  final AtomicInteger openAiErrors = new AtomicInteger();
  final AtomicInteger anthropicAnswers = new AtomicInteger();
  volatile boolean openAiDown;
  private final AtomicInteger turns = new AtomicInteger();
  private final MockWebServer server = new MockWebServer();

  LlmStub() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.endsWith("/chat/completions")) {
          if (openAiDown) {
            openAiErrors.incrementAndGet();
            return json(500, "{\"error\":{\"message\":\"The server had an error while processing your request. "
                + "Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
          }
          openAiAnswers.incrementAndGet();
          return json(200, openAi(turn()));
        }
        if (path.endsWith("/messages")) {
          anthropicAnswers.incrementAndGet();
          return json(200, anthropic(turn()));
        }
        return json(404, "{\"error\":{\"message\":\"unknown path " + path + "\"}}");
      }
    });
    server.start();
  }

  String openAiBase() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  String anthropicBase() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A reply of its own each time, so a reply delivered twice shows as such. */
  private ObjectNode turn() {
    ObjectNode root = JSON.createObjectNode();
    root.put("reply", "Gracias por tu mensaje (respuesta " + turns.incrementAndGet()
        + "). ¿En qué comuna te gustaría vivir?");
    root.put("intent", "PROVIDE_INFO");
    root.put("sentiment", "NEUTRAL");
    root.put("wantsHuman", false);
    root.put("wantsCall", false);
    root.put("wantsVisit", false);
    root.put("optOut", false);
    root.put("chosenSlot", "");
    root.putObject("extracted");
    return root;
  }

  private static String openAi(ObjectNode turn) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-faults");
    body.put("object", "chat.completion");
    body.put("created", 1741569952);
    body.put("model", "gpt-4.1-mini-2025-04-14");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", turn.toString());
    message.putNull("refusal");
    choice.put("finish_reason", "stop");
    body.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 60).put("total_tokens", 960);
    return body.toString();
  }

  private static String anthropic(ObjectNode turn) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "msg_faults");
    body.put("type", "message");
    body.put("role", "assistant");
    body.put("model", "claude-haiku-4-5-20251001");
    ObjectNode toolUse = body.putArray("content").addObject();
    toolUse.put("type", "tool_use");
    toolUse.put("id", "toolu_faults");
    toolUse.put("name", "agent_turn");
    toolUse.set("input", turn);
    body.put("stop_reason", "tool_use");
    body.putNull("stop_sequence");
    body.putObject("usage").put("input_tokens", 900).put("output_tokens", 60);
    return body.toString();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
