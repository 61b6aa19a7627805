#include "sync/client/device_token_store.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/settings.h"
#include "sync/protocol/device_token.h"

namespace carers::sync {

Result<void> install_device_token(store::Database& db, const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return make_error("Cannot open the device token file " + path.string() + ": " + std::strerror(errno) + ".");
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) != 0) {
        ::close(fd);
        return make_error("The device token file " + path.string() +
                          " must be a regular file of yours that only you can read (chmod 600).");
    }
    char buf[128];
    ssize_t n = ::read(fd, buf, sizeof buf);
    std::string token(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    secure_wipe(buf, sizeof buf);
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (!looks_like_device_token(token)) {
        ::close(fd);
        secure_wipe(token);
        return make_error("The file " + path.string() + " does not hold a device token from carers-admin enrol-device.");
    }
    auto stored = store::put_setting(db, device_token_setting, token);
    secure_wipe(token);
    if (!stored) {
        ::close(fd);
        return stored.error();
    }
    // The store has it now; leave no copy on the stick or disk it came from.
    char zeros[128] = {};
    if (::pwrite(fd, zeros, static_cast<std::size_t>(st.st_size) < sizeof zeros ? static_cast<std::size_t>(st.st_size)
                                                                                   : sizeof zeros, 0) < 0) {
        // Removing it below is what matters; a failed overwrite is not worth stopping for.
    }
    ::fsync(fd);
    ::close(fd);
    std::error_code ec;
    std::filesystem::remove(path, ec);
    if (ec) return make_error("The token is installed, but " + path.string() + " could not be removed: delete it by hand.");
    return {};
}

Result<std::string> load_device_token(store::Database& db) {
    auto v = store::get_setting(db, device_token_setting);
    if (!v) return v.error();
    if (!v->has_value())
        return make_error("This kiosk has no device token yet: enrol it at the Carers Centre (carers-admin "
                          "enrol-device) and install the token with carers-sync --install-token FILE.");
    return std::move(**v);
}

}  // namespace carers::sync
