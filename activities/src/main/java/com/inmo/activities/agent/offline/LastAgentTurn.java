package com.inmo.activities.agent.offline;

import com.inmo.workflows.agent.ConversationTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the agent's previous message asked, read back from the conversation (the agent keeps no state of
 * its own, so a retried or replayed turn sees exactly the same thing). A bare "3" or "Juan Pérez" only
 * makes sense as the answer to one of these questions; a bare "2" after the slot list picks a slot.
 *
 * @param askedFields  fields whose question appeared in the agent's last message, in the order asked
 * @param offeredSlots the agent's last message listed visit slots
 */
record LastAgentTurn(List<String> askedFields, boolean offeredSlots) {

  static final LastAgentTurn NONE = new LastAgentTurn(List.of(), false);

  static LastAgentTurn of(List<ConversationTurn> recentTurns) {
    for (int i = recentTurns.size() - 1; i >= 0; i--) {
      ConversationTurn turn = recentTurns.get(i);
      if (turn != null && "AI".equalsIgnoreCase(turn.author()) && turn.text() != null) {
        List<String> asked = new ArrayList<>();
        for (Map.Entry<String, String> question : OfflineReplies.QUESTIONS.entrySet()) {
          if (turn.text().contains(question.getValue())) {
            asked.add(question.getKey());
          }
        }
        return new LastAgentTurn(List.copyOf(asked), turn.text().contains(OfflineReplies.SLOTS_HEADER));
      }
    }
    return NONE;
  }
}
