/** Dataset adapters: MovieLens in every common layout, synthetic MovieLens-format data, and downloads. */
package dev.wren.data;
