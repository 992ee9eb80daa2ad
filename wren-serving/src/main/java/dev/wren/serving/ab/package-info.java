/** A/B experiments: configuration records and the stable, salted bucketing of users into variants. */
package dev.wren.serving.ab;
