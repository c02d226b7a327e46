package com.inmo.worker.leads;

import com.inmo.activities.voice.bland.BlandSettings;
import com.inmo.activities.voice.vapi.VapiSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code inmo.voice.*} of {@code inmo-worker.yml}: how the worker reaches VAPI and Bland. */
@ConfigurationProperties("inmo.voice")
public record VoiceProviderProperties(VapiSettings vapi, BlandSettings bland) {

  public VoiceProviderProperties {
    vapi = vapi == null ? new VapiSettings(null, null, null, null, null, null, null, null, null, null, 0) : vapi;
    bland = bland == null ? new BlandSettings(null, null, null, null, null, 0) : bland;
  }
}
