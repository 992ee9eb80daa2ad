package dev.wren.cli;

/** Entry point of the {@code wren} command: builds the command line and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(WrenCommand.commandLine().execute(args));
    }
}
