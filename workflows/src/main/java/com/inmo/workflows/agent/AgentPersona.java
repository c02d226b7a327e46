package com.inmo.workflows.agent;

import java.util.List;

/** Who the agent is for this broker: its name, tone, the broker's name, and the zones it serves. */
public record AgentPersona(String name, String tone, String brokerName, List<String> zones, String language) {

  public AgentPersona {
    zones = zones == null ? List.of() : List.copyOf(zones);
    language = language == null ? "es" : language;
  }
}
