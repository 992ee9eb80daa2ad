package dev.wren.serving.ab;

/** Told of every click the event log made durable, through {@link BanditFeedback}. Implementations are thread-safe. */
public interface ClickListener {
    void clicked(int userId, int itemId);
}
