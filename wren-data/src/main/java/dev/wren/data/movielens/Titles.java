package dev.wren.data.movielens;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a MovieLens title such as {@code "Toy Story (1995)"} into the title and its release year. */
final class Titles {
    // The year is the last parenthesised group; ml-latest has ranges for series ("(2006-2007)", "(2016- )").
    private static final Pattern YEAR =
            Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:\\s*[-\u2013]\\s*(?:\\d{4})?\\s*)?\\)$");

    private Titles() {}

    /** The title without its year, and the year when the title ends with one. */
    static Parsed parse(String raw) {
        String text = raw.strip();
        Matcher m = YEAR.matcher(text);
        if (m.matches() && !m.group(1).isEmpty()) {
            return new Parsed(m.group(1), OptionalInt.of(Integer.parseInt(m.group(2))));
        }
        return new Parsed(text, OptionalInt.empty());
    }

    record Parsed(String title, OptionalInt year) {}
}
