package cn.countyflow.forms;

/** An upload refused by {@link UploadPolicy}; the message is Chinese and meant for the user. */
public class UploadRejectedException extends RuntimeException {
    public UploadRejectedException(String message) {
        super(message);
    }
}
