package dev.wren.cli;

/** Exit codes that scripts can rely on. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** An unexpected failure: a bug or an environment problem; the message says which. */
    static final int FAILURE = 1;
    /** The command line was wrong (unknown option, missing argument); picocli's own code. */
    static final int USAGE = 2;
    /** The input data was bad (a bad row in strict mode, an unknown layout, a refused feature). */
    static final int BAD_INPUT = 3;
    /** A service or the network could not be reached. */
    static final int UNAVAILABLE = 4;

    private ExitCodes() {}
}
