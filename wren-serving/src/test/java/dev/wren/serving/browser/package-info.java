/** The web UI tested in a real headless browser. */
package dev.wren.serving.browser;
