package cn.countyflow.forms;

/**
 * The file store could not keep or give back a file's content (disk full, directory not writable, file missing). The
 * message is the user's (Chinese unless English was asked for); the cause is for the log. At /api it answers 503.
 */
public class FileStoreException extends RuntimeException {
    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
