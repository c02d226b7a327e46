package com.inmo.worker.leads;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.llm.ApiLlmBudget;
import com.inmo.activities.agent.llm.ApiLlmCallRecorder;
import com.inmo.activities.agent.llm.LlmProviders;
import com.inmo.activities.agent.llm.ProviderChain;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.calendar.LocalCalendarActivities;
import com.inmo.activities.calendar.google.GoogleCalendarActivities;
import com.inmo.activities.calendar.google.GoogleCalendarSettings;
import com.inmo.activities.leads.ApiLeadRecordActivities;
import com.inmo.activities.messaging.ChannelMessagingActivities;
import com.inmo.activities.telegram.ChatPacer;
import com.inmo.activities.telegram.TelegramBots;
import com.inmo.activities.telegram.TelegramClients;
import com.inmo.activities.telegram.TelegramNotifyingLeadRecords;
import com.inmo.activities.telegram.TelegramSender;
import com.inmo.activities.telegram.TelegramTeamNotifier;
import com.inmo.activities.voice.CallBudget;
import com.inmo.activities.voice.DisabledVoiceActivities;
import com.inmo.activities.voice.SimulatedVoiceActivities;
import com.inmo.activities.voice.bland.BlandVoiceActivities;
import com.inmo.activities.voice.vapi.VapiVoiceActivities;
import com.inmo.worker.config.WorkerStartupCheck;
import com.inmo.workflows.activity.AgentActivities;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.MessagingActivities;
import com.inmo.workflows.activity.VoiceActivities;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activity implementations the lead workflows run with, chosen by configuration. Registered on the
 * {@code inmo-leads} task queue by name in {@code inmo-worker.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VoiceProviderProperties.class)
public class LeadActivitiesConfiguration {

  @Bean
  InternalApiClient internalApiClient(@Value("${inmo.api-url}") String apiUrl,
                                      @Value("${inmo.internal-api-token:}") String token) {
    return new InternalApiClient(apiUrl, token);
  }

  /** Records every LLM call (provider, model, latency, tokens, cost) for the dashboard's cost view. */
  @Bean(destroyMethod = "close")
  ApiLlmCallRecorder llmCallRecorder(InternalApiClient api) {
    return new ApiLlmCallRecorder(api);
  }

  /**
   * {@code LLM_PROVIDER} first, then every other provider whose key is set; one per worker, because the
   * circuit breakers that skip a failing provider live in it.
   */
  @Bean
  ProviderChain providerChain(ApiLlmCallRecorder recorder) {
    return LlmProviders.chain(System.getenv(), recorder);
  }

  /**
   * The chain behind the opt-out guard and the broker's daily LLM budget (asked of the api before a model is
   * called); the team hears of a spent budget through the same notifications as the workflows' (and Telegram).
   */
  @Bean
  AgentActivities agentActivities(ProviderChain chain, InternalApiClient api, LeadRecordActivities leadRecords) {
    return new AgentTurnActivities(chain.agents(), new ApiLlmBudget(api), leadRecords::notifyTeam);
  }

  /** Team notifications also go to the broker's Telegram chat when its settings name one. */
  @Bean
  LeadRecordActivities leadRecordActivities(InternalApiClient api, TelegramTeamNotifier telegramTeamNotifier) {
    return new TelegramNotifyingLeadRecords(new ApiLeadRecordActivities(api), telegramTeamNotifier);
  }

  @Bean
  GoogleCalendarSettings googleCalendarSettings(@Value("${inmo.google.client-id:}") String clientId,
                                                @Value("${inmo.google.client-secret:}") String clientSecret,
                                                @Value("${inmo.google.refresh-token:}") String refreshToken,
                                                @Value("${inmo.google.calendar-id:primary}") String calendarId,
                                                @Value("${inmo.telegram.default-broker:demo}") String defaultBroker,
                                                @Value("${inmo.google.calendar-root-url:}") String rootUrl,
                                                @Value("${inmo.google.oauth-token-url:}") String tokenUrl,
                                                @Value("${inmo.google.connection-cache:30s}") Duration cache,
                                                @Value("${inmo.google.timeout:20s}") Duration timeout) {
    return new GoogleCalendarSettings(clientId, clientSecret, refreshToken, calendarId, defaultBroker, rootUrl,
        tokenUrl, cache, timeout);
  }

  /**
   * The local calendar, with Google on top when an OAuth client is configured: then each call asks which
   * calendar applies (the broker's or agent's connected one, GOOGLE_REFRESH_TOKEN for the default broker, or
   * none), so a calendar connected from the dashboard takes effect without a restart.
   */
  @Bean
  CalendarActivities calendarActivities(InternalApiClient api, GoogleCalendarSettings google) {
    LocalCalendarActivities local = new LocalCalendarActivities(api);
    return google.clientConfigured() ? new GoogleCalendarActivities(local, api, google) : local;
  }

  @Bean
  MessagingActivities messagingActivities(InternalApiClient api, TelegramSender telegramSender) {
    return new ChannelMessagingActivities(api, telegramSender);
  }

  @Bean(destroyMethod = "close")
  TelegramClients telegramClients(@Value("${inmo.telegram.api-url:https://api.telegram.org}") String apiUrl) {
    return new TelegramClients(apiUrl);
  }

  @Bean
  TelegramBots telegramBots(InternalApiClient api, @Value("${inmo.telegram.default-broker:demo}") String defaultBroker,
                            @Value("${inmo.telegram.token:}") String token) {
    return new TelegramBots(api, defaultBroker, token);
  }

  /** One pacer for lead replies and team notifications: Telegram's limit is per bot and chat. */
  @Bean
  ChatPacer telegramChatPacer() {
    return new ChatPacer(Duration.ofSeconds(1));
  }

  @Bean
  TelegramSender telegramSender(InternalApiClient api, TelegramBots bots, TelegramClients clients, ChatPacer pacer) {
    return new TelegramSender(api, bots, clients, pacer);
  }

  @Bean
  TelegramTeamNotifier telegramTeamNotifier(TelegramBots bots, TelegramClients clients, ChatPacer pacer) {
    return new TelegramTeamNotifier(bots, clients, pacer);
  }

  /**
   * {@code VOICE_PROVIDER}: a real provider, which asks the api's call budget before it dials; {@code simulated}
   * (dev mode's default: the report travels the webhook path from here; refused in production by the startup
   * check); unset in production, calling off: every call refused. Closed on shutdown when it holds resources.
   */
  @Bean
  VoiceActivities voiceActivities(InternalApiClient api, VoiceProviderProperties voice,
                                  @Value("${inmo.voice-provider:}") String provider,
                                  @Value("${inmo.environment:development}") String environment,
                                  @Value("${inmo.simulated-voice.report-delay:3s}") Duration reportDelay) {
    return switch (WorkerStartupCheck.voiceProvider(provider, environment)) {
      case "vapi" -> new VapiVoiceActivities(voice.vapi(), new CallBudget(api));
      case "bland" -> new BlandVoiceActivities(voice.bland(), new CallBudget(api));
      case WorkerStartupCheck.VOICE_OFF -> new DisabledVoiceActivities();
      default -> new SimulatedVoiceActivities(api, reportDelay);
    };
  }
}
