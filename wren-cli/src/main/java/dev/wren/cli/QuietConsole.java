package dev.wren.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * Sends the logs of a long command to a file and keeps the terminal for its progress: the console then shows only
 * Wren's warnings and anyone's errors (Spark and Flink warn at length about things a user cannot act on). With
 * {@code --verbose} the console keeps every log line as well.
 */
final class QuietConsole {
    private static final String CONSOLE = "STDERR";

    private QuietConsole() {}

    /**
     * Adds {@code file} as a log destination and, unless {@code --verbose} was given to {@code command} or a parent,
     * quietens the console.
     *
     * @return the log file
     */
    static Path logTo(Path file, CommandLine command) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file; // another SLF4J binding: leave its configuration alone
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder for " + file + ": " + e.getMessage(), e);
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Some libraries (jvector) log through java.util.logging, which would print to the console on its own.
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
        if (console != null && !verbose(command)) {
            console.addFilter(new WrenWarningsAndErrors());
        }
        return file;
    }

    private static boolean verbose(CommandLine command) {
        for (CommandLine c = command; c != null; c = c.getParent()) {
            CommandLine.ParseResult result = c.getParseResult();
            if (result != null && result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Lets through Wren's warnings and errors and every library's errors. */
    static final class WrenWarningsAndErrors extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                return FilterReply.NEUTRAL;
            }
            boolean wren = event.getLoggerName().startsWith("dev.wren");
            return wren && event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
