package dev.wren.data.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Plausible movie titles, unique within one catalogue, written the MovieLens way: a leading article moves to the end
 * ("Silent Harbor, The"), so some titles contain commas and exercise CSV quoting.
 *
 * <p>Not thread-safe: it remembers the titles it gave out.
 */
final class TitleGenerator {
    private static final List<String> ADJECTIVES = List.of(
            "Silent",
            "Broken",
            "Last",
            "Hidden",
            "Golden",
            "Crimson",
            "Lonely",
            "Wild",
            "Midnight",
            "Frozen",
            "Burning",
            "Lost",
            "Secret",
            "Endless",
            "Little",
            "Dark",
            "Bright",
            "Savage",
            "Quiet",
            "Electric",
            "Distant",
            "Final",
            "Sweet",
            "Strange",
            "Forgotten",
            "Restless",
            "Iron",
            "Paper",
            "Velvet",
            "Hollow");
    private static final List<String> NOUNS = List.of(
            "Harbor",
            "Kingdom",
            "Summer",
            "River",
            "Promise",
            "Witness",
            "Garden",
            "Frontier",
            "Machine",
            "Voyage",
            "Empire",
            "Letter",
            "Storm",
            "Highway",
            "Island",
            "Shadow",
            "Orchard",
            "Signal",
            "Circus",
            "Mountain",
            "Heart",
            "City",
            "Winter",
            "Code",
            "Ghost",
            "Station",
            "Dream",
            "Border",
            "Horizon",
            "Lighthouse",
            "Detective",
            "Wedding",
            "Engine",
            "Forest",
            "Sister",
            "Brother",
            "Planet",
            "Melody",
            "Diamond",
            "Knight");
    private static final List<String> NAMES = List.of(
            "Anna", "Max", "Lucy", "Oscar", "Maria", "Henry", "Rosa", "Jack", "Elena", "Theo", "Nora", "Felix", "Iris",
            "Leo", "Clara", "Hugo", "Vera", "Sam", "Ada", "Milo");
    private static final List<String> PLACES = List.of(
            "Berlin",
            "Tokyo",
            "Paris",
            "Texas",
            "Cairo",
            "Havana",
            "Oslo",
            "Brooklyn",
            "Marseille",
            "Alaska",
            "Mars",
            "Venice",
            "Lagos",
            "Nevada",
            "Lisbon",
            "Bombay",
            "Dublin",
            "Saigon");

    private final Random random;
    private final Set<String> used = new HashSet<>();

    TitleGenerator(Random random) {
        this.random = random;
    }

    /** A title not given out before, without the year. */
    String next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String title = compose();
            if (used.add(title)) {
                return title;
            }
        }
        // Small word lists run out for large catalogues: number the sequels, as studios do.
        String base = compose();
        for (int sequel = 2; ; sequel++) {
            String title = base + " " + sequel;
            if (used.add(title)) {
                return title;
            }
        }
    }

    private String compose() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> pick(ADJECTIVES) + " " + pick(NOUNS) + ", The";
            case 2 -> pick(NOUNS) + " of the " + pick(ADJECTIVES) + " " + pick(NOUNS);
            case 3 -> pick(NAMES) + "'s " + pick(NOUNS);
            case 4 -> pick(NOUNS) + " in " + pick(PLACES);
            case 5 -> pick(ADJECTIVES) + " " + pick(NOUNS) + ": " + pick(NOUNS) + " of " + pick(PLACES);
            case 6 -> pick(NAMES) + " and " + pick(NAMES);
            case 7 -> pick(NOUNS) + ", " + pick(NOUNS) + " and " + pick(NOUNS);
            case 8 -> pick(ADJECTIVES) + " " + pick(NOUNS) + ", A";
            default -> pick(ADJECTIVES) + " " + pick(NOUNS);
        };
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
