package fr.capsules.app.document;

import fr.capsules.ingest.SourceFile;

/**
 * One file of an upload request, before any check: the name as the client sent it (untrusted),
 * its size and its bytes.
 */
public record Upload(String rawName, long size, SourceFile.Content content) {}
