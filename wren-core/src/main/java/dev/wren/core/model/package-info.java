/** The domain records: items, users, ratings and tags, independent of any dataset's file layout. */
package dev.wren.core.model;
