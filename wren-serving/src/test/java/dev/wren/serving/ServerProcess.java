package dev.wren.serving;

import dev.wren.serving.events.EventLogSync;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A server in a process of its own, for tests that kill it: {@code ServerProcess <data dir> <event log> <sync>} starts
 * it on a free loopback port with an in-memory store, prints {@code port=<n>} and serves until killed.
 */
final class ServerProcess {
    private ServerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        WrenServer server = WrenServer.start(ServingConfig.of(Path.of(args[0]), Path.of(args[1]))
                .withPort(0)
                .withEventLogSync(EventLogSync.parse(args[2])));
        System.out.println("port=" + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
