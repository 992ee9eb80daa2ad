package dev.wren.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The configuration key an option falls back to when it is not given on the command line; several keys give one
 * comma-separated default (the events and exposures topics of {@code --kafka-topics}, say). Its help text should say
 * {@code Default: ${DEFAULT-VALUE} (configuration key KEY)}, so that {@code --help} shows the value in force.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface ConfigKey {
    String[] value();
}
