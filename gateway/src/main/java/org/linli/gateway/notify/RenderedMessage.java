package org.linli.gateway.notify;

import java.util.List;

/**
 * A message in the forms the robots take: a short {@code title} (DingTalk markdown needs one), {@code markdown},
 * plain {@code text}, and the phones to @-mention (the grid worker, for life-safety alerts only).
 */
record RenderedMessage(String title, String markdown, String text, List<String> mentionMobiles) {
    RenderedMessage {
        mentionMobiles = List.copyOf(mentionMobiles);
    }
}
