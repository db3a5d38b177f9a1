package cn.countyflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.Texts;

/**
 * The default {@link FileStore}: a directory ({@code countyflow.files.dir}, by default {@code files} under the data
 * directory). A file's content is at {@code <dir>/ab/cd/<sha256>}. It is first written to {@code <dir>/tmp/} while
 * its hash is computed, forced to disk, then moved into place in one atomic rename: a reader sees the whole content
 * or none. Content already there is not written again. Several application nodes share the store by sharing the
 * directory (docker/compose.yaml mounts one volume into both).
 */
@Component
public class DirectoryFileStore implements FileStore {
    private static final Logger log = LoggerFactory.getLogger(DirectoryFileStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public DirectoryFileStore(@Value("${countyflow.files.dir:${COUNTYFLOW_DATA_DIR:./data}/files}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Stored put(InputStream content) {
        Path tmp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(tmpDir, "upload-", ".part");
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(hash);
            if (Files.exists(target)) {
                Files.delete(tmp); // the same content is kept already
            } else {
                Files.createDirectories(target.getParent());
                moveAtomically(tmp, target);
            }
            return new Stored(hash, size);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the half-written temporary file is never visible under a hash
                }
            }
            log.error("File store {} could not keep a file: {}", root, e.toString());
            throw new FileStoreException(Texts.get("upload.store.failed"), e);
        }
    }

    private static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentMeanwhile) {
            Files.deleteIfExists(tmp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file store's directory does not support atomic moves: " + target.getParent(), e);
        }
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            log.error("File store {} has no content {}", root, sha256);
            throw new FileStoreException(Texts.get("upload.store.readFailed"), e);
        } catch (IOException | RuntimeException e) {
            log.error("File store {} could not read {}: {}", root, sha256, e.toString());
            throw new FileStoreException(Texts.get("upload.store.readFailed"), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /** Where content with this hash lives; only a well-formed hash names a path (no traversal). */
    Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
