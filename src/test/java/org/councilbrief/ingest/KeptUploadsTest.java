package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.councilbrief.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads kept between the import page's steps: on disk, bound to a session, capped, and removed when done. */
class KeptUploadsTest {
    private static final ImportForm FORM = new ImportForm("meeting-record", "", "", "2020-01-15");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2024-05-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploadIsAFileOnDiskForItsSessionOnlyAndGoesWhenRemoved(@TempDir Path tmp) throws Exception {
        try (KeptUploads kept = new KeptUploads(tmp, 20, 1024, Duration.ofMinutes(15), new Hands())) {
            KeptUploads.Kept k = kept.keep("session-a", "SPV.8703.txt", bytes("The President: ..."), FORM);
            assertThat(kept.files()).hasSize(1);
            Path file = kept.files().getFirst();
            assertThat(file.getFileName().toString()).isEqualTo(k.token());
            assertThat(file.getParent().getFileName().toString()).startsWith(KeptUploads.PREFIX);
            assertThat(Files.readString(file)).isEqualTo("The President: ...");
            assertThat(k.token()).matches("[0-9a-f]{48}");

            assertThat(kept.find("session-b", k.token())).isEmpty(); // another editor's token finds nothing
            assertThat(kept.find("session-a", "0".repeat(48))).isEmpty();
            KeptUploads.Kept found = kept.find("session-a", k.token()).orElseThrow();
            assertThat(found.name()).isEqualTo("SPV.8703.txt");
            assertThat(found.form()).isEqualTo(FORM);
            assertThat(new String(kept.read(found), StandardCharsets.UTF_8)).isEqualTo("The President: ...");

            kept.remove(k.token());
            assertThat(kept.files()).isEmpty();
            assertThat(kept.find("session-a", k.token())).isEmpty();
            assertThatThrownBy(() -> kept.read(found)).isInstanceOf(AppException.class)
                    .hasMessageContaining("SPV.8703.txt is no longer kept on the server; choose the file again");
        }
    }

    @Test
    void atMostTwentyWaitAndEachAtMostTheLimit(@TempDir Path tmp) throws Exception {
        try (KeptUploads kept = new KeptUploads(tmp, 20, 1024, Duration.ofMinutes(15), new Hands())) {
            assertThatThrownBy(() -> kept.keep("s", "big.txt", new byte[1025], FORM))
                    .hasMessageContaining("big.txt is larger than");
            for (int i = 0; i < 20; i++) {
                kept.keep("s" + i % 4, "file" + i + ".txt", bytes("text " + i), FORM);
            }
            assertThat(kept.size()).isEqualTo(20);
            assertThatThrownBy(() -> kept.keep("s-new", "one-more.txt", bytes("x"), FORM))
                    .isInstanceOf(AppException.class)
                    .hasMessageContaining("20 uploads are already waiting to be imported");
            assertThat(kept.files()).hasSize(20);
        }
    }

    @Test
    void oneEditorKeepsAtMostFiveAndAFileChosenAgainTakesThePlaceOfTheOneBefore(@TempDir Path tmp) throws Exception {
        try (KeptUploads kept = new KeptUploads(tmp, 20, 1024, Duration.ofMinutes(15), new Hands())) {
            KeptUploads.Kept last = null;
            for (int i = 0; i < KeptUploads.PER_SESSION; i++) {
                last = kept.keep("mine", "file" + i + ".txt", bytes("text " + i), FORM);
            }
            assertThatThrownBy(() -> kept.keep("mine", "sixth.txt", bytes("x"), FORM)).isInstanceOf(AppException.class)
                    .hasMessageContaining("5 of your uploads are already waiting");
            // Another editor still has a place, and choosing a file again in place of one kept is not a sixth.
            assertThat(kept.keep("theirs", "other.txt", bytes("y"), FORM)).isNotNull();
            KeptUploads.Kept again = kept.keep("mine", "again.txt", bytes("z"), FORM, last.token());
            assertThat(kept.find("mine", last.token())).isEmpty();
            assertThat(kept.find("mine", again.token())).isPresent();
            assertThat(kept.size()).isEqualTo(KeptUploads.PER_SESSION + 1);
            assertThat(kept.files()).hasSize(KeptUploads.PER_SESSION + 1);
        }
    }

    @Test
    void anUploadGoesFifteenMinutesAfterItsLastUseAndClosingRemovesTheFolder(@TempDir Path tmp) throws Exception {
        Hands clock = new Hands();
        KeptUploads kept = new KeptUploads(tmp, 20, 1024, Duration.ofMinutes(15), clock);
        KeptUploads.Kept early = kept.keep("s", "early.txt", bytes("early"), FORM);
        clock.move(Duration.ofMinutes(10));
        KeptUploads.Kept late = kept.keep("s", "late.txt", bytes("late"), FORM);
        clock.move(Duration.ofMinutes(6)); // early: 16 minutes old; late: 6
        kept.sweep();
        assertThat(kept.find("s", early.token())).isEmpty();
        assertThat(kept.files()).extracting(p -> p.getFileName().toString()).containsExactly(late.token());

        KeptUploads.Kept renewed = kept.renew(late, FORM); // used again: 15 more minutes
        clock.move(Duration.ofMinutes(14));
        assertThat(kept.find("s", renewed.token())).isPresent();
        clock.move(Duration.ofMinutes(2));
        assertThat(kept.find("s", renewed.token())).isEmpty();
        assertThat(kept.files()).isEmpty();

        kept.keep("s", "last.txt", bytes("last"), FORM);
        Path folder = kept.files().getFirst().getParent();
        kept.close();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aNewStoreSweepsWhatAStoppedServerLeftButNotWhatIsInUse(@TempDir Path tmp) throws Exception {
        Path stale = Files.createDirectory(tmp.resolve(KeptUploads.PREFIX + "stopped"));
        Path old = Files.writeString(stale.resolve("a".repeat(48)), "left behind");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path busy = Files.createDirectory(tmp.resolve(KeptUploads.PREFIX + "running"));
        Path recent = Files.writeString(busy.resolve("b".repeat(48)), "in use");
        Path other = Files.writeString(tmp.resolve("not-ours.txt"), "someone else's");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        try (KeptUploads kept = new KeptUploads(tmp, 20, 1024, Duration.ofMinutes(15), Clock.systemUTC())) {
            kept.keep("s", "new.txt", bytes("new"), FORM);
            assertThat(stale).doesNotExist();
            assertThat(recent).exists();
            assertThat(other).exists();
        }
    }
}
