package dev.sluice.plugins.opencv;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Whether a cache folder is the user's alone, so that a native library in it was put there by the
 * user: owned by the user running the JVM, and writable by neither its group nor others. A folder
 * anyone can write to ({@code SLUICE_CACHE=/tmp/cache}) lets another user plant a build's folder
 * with a library of their own before the first run. Checked where POSIX permissions exist; on
 * Windows the per-user {@code %LOCALAPPDATA%} is private by its ACL and is not checked here.
 */
final class CacheTrust {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private CacheTrust() {
    }

    /** Creates {@code folder} and its missing parents readable and writable by the user only (0700). */
    static void createPrivate(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (Files.getFileStore(existingAncestor(folder)).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
        } else {
            Files.createDirectories(folder);
        }
    }

    /**
     * Refuses a folder (links followed) that another user owns or that its group or others can write to.
     *
     * @throws FileSystemException naming the folder, who owns it or who can write to it, and what to do
     */
    static void requirePrivate(Path folder) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!ownedByMe(folder, attributes)) {
            throw new FileSystemException(folder.toString(), null, "the cache folder belongs to "
                    + attributes.owner().getName() + ", not to the user running Sluice, so a library in it may be "
                    + "theirs; set SLUICE_CACHE to a folder of your own");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            throw new FileSystemException(folder.toString(), null, "the cache folder is writable by "
                    + (group && others ? "its group and by others" : group ? "its group" : "others") + " ("
                    + PosixFilePermissions.toString(permissions) + "), so a library in it may have been replaced; "
                    + "run chmod go-w on it, or set SLUICE_CACHE to a private folder");
        }
    }

    /** By user id where the JDK tells it (Linux, macOS); by user name otherwise. */
    private static boolean ownedByMe(Path folder, PosixFileAttributes attributes) throws IOException {
        try {
            long uid = new UnixSystem().getUid();
            return ((Number) Files.getAttribute(folder, "unix:uid")).longValue() == uid;
        } catch (UnsupportedOperationException | IllegalArgumentException | LinkageError e) {
            return attributes.owner().getName().equals(System.getProperty("user.name"));
        }
    }

    private static Path existingAncestor(Path folder) {
        Path at = folder.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? folder.toAbsolutePath().getRoot() : at;
    }
}
