/** Selection helpers shared by the tiers that rank: the offline pipeline, serving and the simulator. */
package dev.wren.core.rank;
