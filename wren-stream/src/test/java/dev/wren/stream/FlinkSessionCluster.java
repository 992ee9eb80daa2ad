package dev.wren.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink session cluster as separate processes on 127.0.0.1: a jobmanager ({@code StandaloneSessionClusterEntrypoint})
 * and one taskmanager ({@code TaskManagerRunner}), started as {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh}
 * would start them, and jobs submitted with {@code CliFrontend} ({@code bin/flink}). There is no Flink distribution on
 * Maven Central, so the FLINK_HOME is laid out here: {@code lib/} links the Flink jars of this test's classpath and what
 * they need, but not Wren's jars nor the libraries the job's shaded jar must bring itself (the Kafka connector and
 * client, Jedis, Jackson...), so a job that runs here runs from its jar alone. Not thread-safe.
 */
final class FlinkSessionCluster implements AutoCloseable {
    /** Flink's own JVM options for Java 17 (the distribution's {@code env.java.default-opts.all}). */
    static final List<String> JAVA_OPTS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /**
     * Maven paths (group/artifact) of the test classpath that stay out of {@code lib/}: what the job's jar bundles,
     * and the tests' own libraries.
     */
    private static final List<String> NOT_IN_LIB = List.of(
            "dev/wren/",
            "com/fasterxml/jackson/",
            "redis/clients/",
            "org/apache/commons/commons-pool2/",
            "org/apache/commons/commons-csv/",
            "com/google/code/gson/",
            "org/json/",
            "me/tongfei/",
            "org/jline/",
            "org/apache/flink/flink-connector-kafka/",
            "org/apache/flink/flink-test-utils",
            "org/apache/kafka/",
            "org/scala-lang/",
            "com/typesafe/scala-logging/",
            "org/junit/",
            "junit/junit/",
            "org/assertj/",
            "org/opentest4j/",
            "org/hamcrest/",
            "org/apiguardian/",
            "net/bytebuddy/");

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final Path dir;
    private final Path home;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();
    private int runs;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private FlinkSessionCluster(Path dir, int restPort) {
        this.dir = dir;
        this.home = dir.resolve("flink-home");
        this.restPort = restPort;
    }

    /** Lays out a FLINK_HOME under {@code dir} and starts a jobmanager and a taskmanager of {@code slots} slots. */
    static FlinkSessionCluster start(Path dir, int slots) throws Exception {
        FlinkSessionCluster cluster = new FlinkSessionCluster(dir, freePort());
        try {
            cluster.layOut(slots);
            cluster.startJvm(
                    "jobmanager",
                    List.of("-Xmx384m", "-Xms384m"),
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                    List.of("--configDir", cluster.home.resolve("conf").toString()));
            cluster.startJvm(
                    "taskmanager",
                    // The heap is the framework's and the tasks' heap below, the direct memory the framework's
                    // off-heap and the network's: what bin/taskmanager.sh derives from the same settings.
                    List.of("-Xmx448m", "-Xms448m", "-XX:MaxDirectMemorySize=160m", "-XX:MaxMetaspaceSize=192m"),
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    List.of("--configDir", cluster.home.resolve("conf").toString()));
            cluster.awaitSlots(slots);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    Path home() {
        return home;
    }

    private void layOut(int slots) throws IOException {
        Path lib = Files.createDirectories(home.resolve("lib"));
        Path conf = Files.createDirectories(home.resolve("conf"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            String maven = p.toAbsolutePath().toString().replace(File.separatorChar, '/');
            int repo = maven.indexOf("/repository/");
            String coordinates = repo < 0 ? name : maven.substring(repo + "/repository/".length());
            boolean testJar = name.endsWith("-tests.jar") || name.endsWith("-test.jar");
            if (name.endsWith(".jar")
                    && Files.isRegularFile(p)
                    && !testJar
                    && !name.startsWith("wren-")
                    && NOT_IN_LIB.stream().noneMatch(coordinates::startsWith)
                    && !Files.exists(lib.resolve(name))) {
                Files.createSymbolicLink(lib.resolve(name), p.toAbsolutePath());
            }
        }
        int rpcPort = freePort();
        Files.writeString(
                conf.resolve("config.yaml"),
                String.join(
                        "\n",
                        "jobmanager.rpc.address: 127.0.0.1",
                        "jobmanager.rpc.port: " + rpcPort,
                        "jobmanager.bind-host: 127.0.0.1",
                        "rest.address: 127.0.0.1",
                        "rest.bind-address: 127.0.0.1",
                        "rest.port: " + restPort,
                        "taskmanager.host: 127.0.0.1",
                        "taskmanager.bind-host: 127.0.0.1",
                        "taskmanager.numberOfTaskSlots: " + slots,
                        // The taskmanager's resources must all be set, as bin/taskmanager.sh passes them.
                        "taskmanager.cpu.cores: " + slots,
                        "parallelism.default: 1",
                        // A taskmanager of about 1 GB: 448 MB heap, 160 MB direct, 32 MB managed, 192 MB metaspace.
                        "taskmanager.memory.framework.heap.size: 64m",
                        "taskmanager.memory.task.heap.size: 384m",
                        "taskmanager.memory.framework.off-heap.size: 128m",
                        "taskmanager.memory.task.off-heap.size: 0m",
                        "taskmanager.memory.network.min: 32m",
                        "taskmanager.memory.network.max: 32m",
                        "taskmanager.memory.managed.size: 32m",
                        "taskmanager.memory.jvm-metaspace.size: 192m",
                        "taskmanager.memory.jvm-overhead.min: 128m",
                        "taskmanager.memory.jvm-overhead.max: 128m",
                        "jobmanager.memory.heap.size: 384m",
                        "execution.checkpointing.dir: "
                                + dir.resolve("checkpoints").toUri(),
                        "execution.checkpointing.savepoint-dir: "
                                + dir.resolve("savepoints").toUri(),
                        "io.tmp.dirs: " + Files.createDirectories(dir.resolve("io-tmp")),
                        "web.tmpdir: " + Files.createDirectories(dir.resolve("web-tmp")),
                        // Accumulators and a finished job's state reach the REST API promptly.
                        "heartbeat.interval: 1000",
                        "heartbeat.timeout: 20000",
                        ""));
        Files.writeString(
                conf.resolve("logback.xml"),
                "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'><encoder>"
                        + "<pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>"
                        + "<logger name='org.apache.flink.shaded' level='WARN'/>"
                        + "<logger name='org.apache.kafka' level='WARN'/>"
                        + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    }

    private Process startJvm(String name, List<String> jvm, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(JAVA_OPTS);
        command.add("-cp");
        command.add(home.resolve("conf") + File.pathSeparator + home.resolve("lib") + File.separator + "*");
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().put("FLINK_HOME", home.toString());
        builder.environment().put("FLINK_CONF_DIR", home.resolve("conf").toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Waits until the taskmanager has registered its slots with the jobmanager (REST {@code /overview}). */
    private void awaitSlots(int slots) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    String name = i == 0 ? "jobmanager" : "taskmanager";
                    throw new AssertionError(name + " died:\n" + tail(log(name)));
                }
            }
            try {
                JsonNode overview = get("/overview");
                if (overview.path("taskmanagers").asInt() == 1
                        && overview.path("slots-total").asInt() == slots) {
                    return;
                }
            } catch (IOException notYet) {
                // the REST endpoint is not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no taskmanager registered within " + STARTUP + ":\n" + tail(log("jobmanager"))
                + "\n--- taskmanager:\n" + tail(log("taskmanager")));
    }

    /**
     * {@code flink run -d -c <mainClass> <jar> <args>}: submits the job detached and returns its id, from the client's
     * output.
     */
    String runDetached(Path jar, String mainClass, List<String> args) throws Exception {
        List<String> cli = new ArrayList<>(List.of("run", "-d", "-c", mainClass, jar.toString()));
        cli.addAll(args);
        // The client takes its action first and reads its configuration folder from FLINK_CONF_DIR.
        String name = "flink-run-" + (++runs);
        Process run = startJvm(name, List.of("-Xmx256m"), "org.apache.flink.client.cli.CliFrontend", cli);
        if (!run.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("flink run did not return within 2 minutes:\n" + tail(log(name)));
        }
        processes.remove(run);
        if (run.exitValue() != 0) {
            throw new AssertionError("flink run exited with " + run.exitValue() + ":\n" + tail(log(name)));
        }
        Matcher m = JOB_ID.matcher(Files.readString(log(name)));
        if (!m.find()) {
            throw new AssertionError("no job id in the client's output:\n" + tail(log(name)));
        }
        return m.group(1);
    }

    /** {@code GET /jobs/<id>}: the job's details, its {@code state} among them. */
    JsonNode job(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId);
    }

    /** Waits until the job is in a terminal state and returns it (FINISHED, FAILED, CANCELED). */
    String awaitTerminal(String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = job(jobId).path("state").asText();
            if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
                return state;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(
                "job " + jobId + " still " + state + " after " + timeout + ":\n" + tail(log("taskmanager")));
    }

    /** A user accumulator of the job, as the REST API shows it ({@code GET /jobs/<id>/accumulators}). */
    String accumulator(String jobId, String name) throws IOException, InterruptedException {
        for (JsonNode a : get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
            if (a.path("name").asText().equals(name)) {
                return a.path("value").asText();
            }
        }
        throw new AssertionError("job " + jobId + " has no accumulator " + name);
    }

    /** The root exception of a failed job, from {@code GET /jobs/<id>/exceptions}. */
    String exceptions(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/exceptions").toPrettyString();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() <= 8000 ? text : text.substring(text.length() - 8000);
        } catch (IOException e) {
            return "(no log " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the processes, the taskmanager first, as {@code bin/stop-cluster.sh} does. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        processes.clear();
        // The links only: the jars they point at are Maven's.
        Path lib = home.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (var links = Files.list(lib)) {
                for (Path link : links.toList()) {
                    Files.deleteIfExists(link);
                }
            } catch (IOException e) {
                // left for the temporary folder's clean-up
            }
        }
    }
}
