/** Dataset statistics computed in one streaming pass, for {@code wren inspect}. */
package dev.wren.data.stats;
