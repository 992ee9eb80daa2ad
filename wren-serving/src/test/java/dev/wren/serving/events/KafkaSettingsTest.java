package dev.wren.serving.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    @Test
    void defaultsToTwoTopicsAndAFiveSecondAcknowledgementTimeout() {
        KafkaSettings settings = KafkaSettings.of("localhost:9092");
        assertThat(settings.topic(EventLog.EVENT)).isEqualTo("wren.events");
        assertThat(settings.topic(EventLog.EXPOSURE)).isEqualTo("wren.exposures");
        assertThat(settings.oneTopic()).isFalse();
        assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void acceptsSeveralServersAndOneTopicForBothKinds() {
        KafkaSettings settings =
                KafkaSettings.of(" kafka-1:9092,kafka-2:9093, [::1]:9094 ").withTopics("wren.all", "wren.all");
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9093, [::1]:9094");
        assertThat(settings.oneTopic()).isTrue();
        assertThat(settings.topic(EventLog.EXPOSURE)).isEqualTo("wren.all");
    }

    @Test
    void refusesAServerWithoutAPortWithAMessageSayingTheForm() {
        assertThatThrownBy(() -> KafkaSettings.of("localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOST:PORT")
                .hasMessageContaining("localhost");
        assertThatThrownBy(() -> KafkaSettings.of("a:1,,b:2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaSettings.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTopicNamesKafkaWouldRefuse() {
        KafkaSettings settings = KafkaSettings.of("localhost:9092");
        assertThatThrownBy(() -> settings.withTopics("wren events", "wren.exposures"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'wren events'");
        assertThatThrownBy(() -> settings.withTopics("wren.events", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withTopics("..", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAcknowledgementTimeoutOutsideAHundredMillisecondsToTwoMinutes() {
        KafkaSettings settings = KafkaSettings.of("localhost:9092");
        assertThatThrownBy(() -> settings.withAckTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withAckTimeout(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
