package dev.wren.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit path for real: a standalone Spark master and one worker on 127.0.0.1, and the module's shaded jar
 * submitted to them with {@code org.apache.spark.deploy.SparkSubmit} (what {@code bin/spark-submit} runs). There is no
 * Spark distribution on Maven Central, so the test lays out a minimal SPARK_HOME whose {@code jars/} links the Spark
 * jars of this test's classpath; the worker launches its executor from there, as a real installation would.
 */
class OfflineSparkSubmitIT {
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration JOB = Duration.ofMinutes(15);

    private final List<Process> processes = new ArrayList<>();

    @Test
    void shadedJarRunsUnderSparkSubmitOnAStandaloneMasterAndWorker(@TempDir Path tmp) throws Exception {
        Path jar = Path.of(System.getProperty("wren.offline.sparkJar", "missing"));
        assumeTrue(Files.isRegularFile(jar), "shaded jar not built (run through mvn verify): " + jar);
        Path home = sparkHome(tmp.resolve("spark-home"));
        Path input = OfflinePipelineTest.writeDataset(tmp.resolve("in"));
        Path output = tmp.resolve("out");
        int masterPort = freePort();
        String masterUrl = "spark://127.0.0.1:" + masterPort;
        try {
            Process master = start(
                    home,
                    tmp.resolve("master.log"),
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(masterPort),
                    "--webui-port",
                    Integer.toString(freePort()));
            awaitLog(master, tmp.resolve("master.log"), "I have been elected leader");
            Process worker = start(
                    home,
                    tmp.resolve("worker.log"),
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    Integer.toString(freePort()),
                    "--work-dir",
                    tmp.resolve("work").toString(),
                    masterUrl);
            awaitLog(worker, tmp.resolve("worker.log"), "Successfully registered with master");

            Process submit = start(
                    home,
                    tmp.resolve("submit.log"),
                    "org.apache.spark.deploy.SparkSubmit",
                    "--master",
                    masterUrl,
                    "--deploy-mode",
                    "client",
                    "--class",
                    "dev.wren.offline.OfflineMain",
                    "--conf",
                    "spark.driver.host=127.0.0.1",
                    "--conf",
                    "spark.driver.bindAddress=127.0.0.1",
                    "--conf",
                    "spark.ui.enabled=false",
                    "--conf",
                    "spark.executor.extraJavaOptions=" + String.join(" ", javaOpts()),
                    "--executor-memory",
                    "768m",
                    "--total-executor-cores",
                    "1",
                    jar.toString(),
                    "--input",
                    input.toString(),
                    "--output",
                    output.toString(),
                    "--stages",
                    "features,samples,embed,cf",
                    "--dim",
                    "8",
                    "--partitions",
                    "2");
            boolean finished = submit.waitFor(JOB.toSeconds(), TimeUnit.SECONDS);
            String log = Files.readString(tmp.resolve("submit.log"));
            assertThat(finished)
                    .as("spark-submit finished in time; log:\n%s", tail(log))
                    .isTrue();
            assertThat(submit.exitValue())
                    .as("spark-submit exit code; log:\n%s", tail(log))
                    .isZero();
            assertThat(log).contains("wren-offline: wrote");
            // The work really ran on the worker's executor, not in the driver.
            assertThat(Files.list(tmp.resolve("work"))).isNotEmpty();

            JsonNode manifest =
                    new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
            assertThat(manifest.at("/parameters/master").asText()).isEqualTo(masterUrl);
            assertThat(manifest.at("/outputs/features~1items/rows").asLong()).isEqualTo(40);
            assertThat(manifest.at("/outputs/samples~1time~1train/rows").asLong())
                    .isPositive();
            assertThat(manifest.at("/outputs/embeddings~1items/rows").asLong()).isPositive();
            // EASE's inverse without DJL, which a cluster does not have and the shaded jar leaves out: EJML instead.
            assertThat(manifest.at("/outputs/cf~1items/rows").asLong()).isPositive();
            assertThat(log).contains("inverting with EJML");
        } finally {
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /**
     * A SPARK_HOME whose jars/ holds (links to) every jar of this JVM's classpath but Wren's own and DJL's: a Spark
     * cluster has neither.
     */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        // conf/ is on every Spark process's classpath, executors' included: INFO, so the test can see the
        // master elect itself and the worker register.
        Files.writeString(
                Files.createDirectories(home.resolve("conf")).resolve("logback.xml"),
                "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'><encoder>"
                        + "<pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder></appender>"
                        + "<logger name='org.sparkproject' level='WARN'/><logger name='io.netty' level='WARN'/>"
                        + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            boolean djl = entry.contains(File.separator + "ai" + File.separator + "djl" + File.separator);
            if (name.endsWith(".jar") && !name.startsWith("wren-") && !djl && Files.isRegularFile(p)) {
                Path link = jars.resolve(name);
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        return home;
    }

    private static List<String> javaOpts() {
        List<String> opts = new ArrayList<>(Arrays.asList(
                System.getProperty("wren.offline.javaOpts", "").trim().split("\\s+")));
        return opts;
    }

    private Process start(Path home, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.addAll(javaOpts());
        command.add("-cp");
        command.add(home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitLog(Process process, Path log, String line) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("process died before '" + line + "':\n" + tail(Files.readString(log)));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + line + "' within " + STARTUP + ":\n" + tail(Files.readString(log)));
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
