package cn.countyflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.countyflow.workflow.Texts;

/** The directory file store: content under its SHA-256, kept once, written whole or not at all. */
class DirectoryFileStoreTest {
    @TempDir Path dir;

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Every regular file under the store's directory. */
    private List<Path> filesIn(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void contentIsKeptUnderItsSha256AndReadBackIdentical() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(dir);
        byte[] content = "申报书（盖章）".getBytes(StandardCharsets.UTF_8);

        FileStore.Stored stored = store.put(new ByteArrayInputStream(content));

        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.size()).isEqualTo(content.length);
        Path expected = dir.resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256().substring(2, 4)).resolve(stored.sha256());
        assertThat(filesIn(dir)).containsExactly(expected);
        assertThat(store.contains(stored.sha256())).isTrue();
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void theSameContentIsKeptOnce() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(dir);
        byte[] content = cn.countyflow.TestPdfs.minimal();

        String first = store.put(new ByteArrayInputStream(content)).sha256();
        String second = store.put(new ByteArrayInputStream(content)).sha256();
        String other = store.put(new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8))).sha256();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(filesIn(dir)).hasSize(2); // no temporary file left behind either
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothingUnderAnyHash() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(dir);
        InputStream breaksOff = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 100_000) return 'x';
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> store.put(breaksOff)).isInstanceOf(FileStoreException.class)
                .hasMessage(Texts.get("upload.store.failed"));

        assertThat(filesIn(dir)).isEmpty(); // the half-written temporary file is gone, nothing was moved into place
    }

    @Test
    void aStoreThatCannotWriteSaysSoInChinese() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where the store's directory should be");
        DirectoryFileStore store = new DirectoryFileStore(notADirectory);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(FileStoreException.class)
                .hasMessage("附件保存失败：文件存储暂时不可用，请稍后重试。本次上传未保存任何内容");
        assertThat(Files.readString(notADirectory)).startsWith("a file");
    }

    @Test
    void missingContentAndMalformedHashesAreRefused() throws Exception {
        DirectoryFileStore store = new DirectoryFileStore(dir);
        String absent = sha256("never stored".getBytes(StandardCharsets.UTF_8));

        assertThat(store.contains(absent)).isFalse();
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(FileStoreException.class)
                .hasMessage(Texts.get("upload.store.readFailed"));
        // only a well-formed hash names a path: no way out of the directory
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(FileStoreException.class);
        assertThatThrownBy(() -> store.pathOf("../" + absent.substring(3))).isInstanceOf(IllegalArgumentException.class);
    }
}
