/**
 * Small general-purpose helpers the concerns share (remembered results, waiting on futures).
 * Not part of jobintel's model: nothing here knows about postings, jobs or sources.
 */
package dev.jobintel.internal;
