package cn.countyflow.forms;

import java.io.InputStream;

/**
 * Where the contents of uploaded files live, outside the database row (issue 13, point 4: a 20 MB file in a LONGBLOB
 * exceeded MariaDB's default {@code max_allowed_packet}). Content is addressed by its SHA-256 (lower-case hex): the
 * same content is kept once, however often it is uploaded. {@link DirectoryFileStore} is the implementation; an
 * S3-compatible store would implement this interface too (not built).
 */
public interface FileStore {

    /** What {@link #put} kept: the content's SHA-256 (hex) and its length. */
    record Stored(String sha256, long size) {
    }

    /**
     * Keeps {@code content} (read to its end, not closed) so that, when this returns, {@link #open} finds it: whole or
     * not at all, never half-written.
     *
     * @throws FileStoreException when it cannot be kept (nothing is then visible under any hash)
     */
    Stored put(InputStream content);

    /** The content stored under {@code sha256}; the caller closes the stream. */
    InputStream open(String sha256);

    boolean contains(String sha256);
}
