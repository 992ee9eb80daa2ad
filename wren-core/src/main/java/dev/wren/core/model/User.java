package dev.wren.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user, with the demographics that some datasets (ml-100k, ml-1m) provide.
 *
 * @param id the dataset's user id
 * @param age the age, or the age-group code of ml-1m
 * @param gender the gender code as the dataset writes it
 * @param occupation the occupation name or code
 * @param zipCode the postal code
 */
public record User(
        int id, OptionalInt age, Optional<String> gender, Optional<String> occupation, Optional<String> zipCode) {
    public User {
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(zipCode, "zipCode");
    }

    /** A user known only by id. */
    public static User anonymous(int id) {
        return new User(id, OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
