#include "kiosk/store/key_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

namespace carers::store {

namespace {

std::string octal_mode(mode_t m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
    return buf;
}

// Reads exactly the key from an open descriptor after checking who may read it.
Result<SecretKey> read_checked(int fd, const std::filesystem::path& path) {
    struct stat st {};
    if (fstat(fd, &st) != 0) return make_error("Cannot check the key file " + path.string() + ".");
    if (!S_ISREG(st.st_mode)) return make_error("The key file " + path.string() + " is not a regular file.");
    if (st.st_uid != geteuid())
        return make_error("The key file " + path.string() + " belongs to another user; the kiosk only uses a key file it owns.");
    if ((st.st_mode & 077) != 0)
        return make_error("The key file " + path.string() + " can be read by other users (mode " + octal_mode(st.st_mode) +
                          "). Make it private with: chmod 600 " + path.string());
    std::uint8_t buf[SecretKey::size + 1];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n != static_cast<ssize_t>(SecretKey::size)) {
        sodium_memzero(buf, sizeof buf);
        return make_error("The key file " + path.string() + " is damaged: it should hold exactly 32 bytes.");
    }
    SecretKey key(buf);
    sodium_memzero(buf, sizeof buf);
    return key;
}

}  // namespace

Result<SecretKey> load_key_file(const std::filesystem::path& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) return make_error("There is no key file at " + path.string() + ".");
        return make_error("Cannot open the key file " + path.string() + ": " + std::strerror(errno) + ".");
    }
    auto key = read_checked(fd, path);
    close(fd);
    return key;
}

Result<SecretKey> load_or_create_key_file(const std::filesystem::path& path) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return load_key_file(path);
        return make_error("Cannot create the key file " + path.string() + ": " + std::strerror(errno) + ".");
    }
    SecretKey key = SecretKey::random();
    bool ok = write(fd, key.data(), SecretKey::size) == static_cast<ssize_t>(SecretKey::size) && fsync(fd) == 0;
    close(fd);
    if (!ok) {
        unlink(path.c_str());
        return make_error("Cannot write the key file " + path.string() + " (is the disk full?).");
    }
    // Make the new directory entry durable too, so a power cut cannot leave a database whose key
    // file vanished.
    int dir = open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        fsync(dir);
        close(dir);
    }
    return key;
}

}  // namespace carers::store
