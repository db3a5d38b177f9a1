package cn.countyflow.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a filepicker field's value holds in form data: the stored attachment's id, name, size and content type.
 * After a JSON round trip (process variables, REST) it arrives as a Map with the same keys; {@link #from} reads both.
 */
public record AttachmentRef(long id, String name, long size, String contentType) {

    /** The value as plain JSON-able data. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        map.put("size", size);
        map.put("contentType", contentType);
        return map;
    }

    /** An AttachmentRef, or a Map with a numeric {@code id}; empty for anything else. */
    public static Optional<AttachmentRef> from(Object value) {
        if (value instanceof AttachmentRef ref) {
            return Optional.of(ref);
        }
        if (value instanceof Map<?, ?> map && map.get("id") != null) {
            try {
                long id = Long.parseLong(String.valueOf(map.get("id")));
                Object size = map.get("size");
                return Optional.of(new AttachmentRef(id,
                        map.get("name") == null ? null : String.valueOf(map.get("name")),
                        size instanceof Number n ? n.longValue() : size == null ? 0 : Long.parseLong(String.valueOf(size)),
                        map.get("contentType") == null ? null : String.valueOf(map.get("contentType"))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
