package com.inmo.activities.agent.offline;

import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;

/** What {@link IntentDetector} read in one message: the main intent, the mood, and the lead's requests. */
public record IntentReading(Intent intent, Sentiment sentiment, boolean wantsHuman, boolean wantsCall,
                            boolean wantsVisit, boolean optOut) {
}
