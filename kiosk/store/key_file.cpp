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

namespace {

// Makes a new or renamed directory entry durable, so a power cut cannot leave a database whose
// key file vanished.
void sync_folder(const std::filesystem::path& path) {
    int dir = open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        fsync(dir);
        close(dir);
    }
}

}  // namespace

Result<void> write_new_key_file(const std::filesystem::path& path, const SecretKey& key) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return make_error("Cannot create the key file " + path.string() + ": " + std::strerror(errno) + ".");
    bool ok = write(fd, key.data(), SecretKey::size) == static_cast<ssize_t>(SecretKey::size) && fsync(fd) == 0;
    close(fd);
    if (!ok) {
        unlink(path.c_str());
        return make_error("Cannot write the key file " + path.string() + " (is the disk full?).");
    }
    sync_folder(path);
    return {};
}

Result<void> replace_key_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (rename(from.c_str(), to.c_str()) != 0)
        return make_error("Cannot move the new key file " + from.string() + " to " + to.string() + ": " +
                          std::strerror(errno) + ".");
    sync_folder(to);
    return {};
}

Result<SecretKey> load_or_create_key_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return load_key_file(path);
    SecretKey key = SecretKey::random();
    auto written = write_new_key_file(path, key);
    if (!written) {
        if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return load_key_file(path);  // made meanwhile
        return written.error();
    }
    return key;
}

}  // namespace carers::store
