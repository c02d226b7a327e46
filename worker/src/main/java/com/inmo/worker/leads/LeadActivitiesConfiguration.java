package com.inmo.worker.leads;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.calendar.LocalCalendarActivities;
import com.inmo.activities.leads.ApiLeadRecordActivities;
import com.inmo.activities.messaging.ChannelMessagingActivities;
import com.inmo.activities.voice.SimulatedVoiceActivities;
import com.inmo.workflows.activity.AgentActivities;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.MessagingActivities;
import com.inmo.workflows.activity.VoiceActivities;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activity implementations the lead workflows run with, chosen by configuration. Registered on the
 * {@code inmo-leads} task queue by name in {@code inmo-worker.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class LeadActivitiesConfiguration {

  @Bean
  InternalApiClient internalApiClient(@Value("${inmo.api-url}") String apiUrl,
                                      @Value("${inmo.internal-api-token:}") String token) {
    return new InternalApiClient(apiUrl, token);
  }

  @Bean
  AgentActivities agentActivities() {
    return new AgentTurnActivities(List.of(new OfflineConversationalAgent()));
  }

  @Bean
  LeadRecordActivities leadRecordActivities(InternalApiClient api) {
    return new ApiLeadRecordActivities(api);
  }

  @Bean
  CalendarActivities calendarActivities(InternalApiClient api) {
    return new LocalCalendarActivities(api);
  }

  @Bean
  MessagingActivities messagingActivities(InternalApiClient api) {
    return new ChannelMessagingActivities(api);
  }

  @Bean(destroyMethod = "close")
  VoiceActivities voiceActivities(InternalApiClient api,
                                  @Value("${inmo.simulated-voice.report-delay:3s}") Duration reportDelay) {
    return new SimulatedVoiceActivities(api, reportDelay);
  }
}
