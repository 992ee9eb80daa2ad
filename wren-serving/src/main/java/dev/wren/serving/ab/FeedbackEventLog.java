package dev.wren.serving.ab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.serving.events.EventLog;

/**
 * The event log as exploration's source of rewards: every click the log made durable is passed to {@link
 * BanditFeedback} after the log took it, so a bandit learns exactly from what the A/B analysis will later read, and an
 * event the log refused teaches nothing. Thread-safe when the log it wraps is.
 */
public final class FeedbackEventLog implements EventLog {
    private final EventLog log;
    private final BanditFeedback feedback;

    public FeedbackEventLog(EventLog log, BanditFeedback feedback) {
        this.log = log;
        this.feedback = feedback;
    }

    @Override
    public void append(ObjectNode record) {
        log.append(record);
        if (EVENT.equals(record.path("kind").asText())
                && "click".equals(record.path("type").asText())) {
            feedback.clicked(
                    record.path("userId").asInt(), record.path("itemId").asInt());
        }
    }

    @Override
    public void offer(ObjectNode record) {
        log.offer(record);
    }

    @Override
    public String describe() {
        return log.describe();
    }

    @Override
    public void close() {
        log.close();
    }
}
