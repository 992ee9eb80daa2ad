package dev.wren.cli;

import dev.wren.core.store.FeatureStoreException;
import dev.wren.data.movielens.BadRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's exception into one clear sentence and an exit code. The stack trace is printed only with
 * {@code --verbose}: a user should never have to read one to learn that a file was missing.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        boolean verbose = parseResult.hasMatchedOption("--verbose");
        var err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("wren " + cmd.getCommandName() + ": " + message(e)));
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return exitCode(e);
    }

    static String message(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static int exitCode(Throwable e) {
        if (e instanceof WrenUserException u) {
            return u.exitCode();
        }
        if (e instanceof IllegalArgumentException || e instanceof BadRecordException) {
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof FeatureStoreException) {
            return ExitCodes.UNAVAILABLE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ExitCodes.FAILURE;
        }
        return ExitCodes.FAILURE;
    }
}
