/** The top-K evaluation's report: Markdown with tables and PNG charts, and the same figures as JSON. */
package dev.wren.eval.report;
