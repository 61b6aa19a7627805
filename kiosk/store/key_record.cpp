#include "kiosk/store/key_record.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <string>
#include <unistd.h>

#include <sodium.h>

namespace carers::store {

namespace {

constexpr const char* header = "carers-kiosk-key-record 1";
constexpr const char* check_context = "carers-kiosk database key check v1";

std::string hex(const std::uint8_t* p, std::size_t n) {
    std::string h(n * 2 + 1, '\0');
    sodium_bin2hex(h.data(), h.size(), p, n);
    h.pop_back();
    return h;
}

template <std::size_t N> bool unhex(const std::string& text, std::array<std::uint8_t, N>& out) {
    std::size_t n = 0;
    return text.size() == 2 * N &&
           sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &n, nullptr) == 0 && n == N;
}

bool parse_number(const std::string& text, std::uint64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

Result<std::string> read_small_file(const std::filesystem::path& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return make_error("Cannot read the key record " + path.string() + ": " + std::strerror(errno) + ".");
    std::string text;
    char buf[512];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0 && text.size() < 4096) text.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return text;
}

}  // namespace

std::filesystem::path key_record_path(const std::filesystem::path& database) {
    return database.string() + ".key-record";
}

KeyCheck key_check_value(const SecretKey& key) {
    if (sodium_init() < 0) std::abort();
    KeyCheck check;
    crypto_generichash(check.data(), check.size(), reinterpret_cast<const unsigned char*>(check_context),
                       std::strlen(check_context), key.data(), SecretKey::size);
    return check;
}

bool key_matches(const KeyRecord& record, const SecretKey& key) {
    KeyCheck c = key_check_value(key);
    return sodium_memcmp(c.data(), record.check.data(), c.size()) == 0;
}

bool key_matches_next(const KeyRecord& record, const SecretKey& key) {
    if (!record.next) return false;
    KeyCheck c = key_check_value(key);
    return sodium_memcmp(c.data(), record.next->check.data(), c.size()) == 0;
}

Result<std::optional<KeyRecord>> read_key_record(const std::filesystem::path& database) {
    auto path = key_record_path(database);
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return std::optional<KeyRecord>();
    auto text = read_small_file(path);
    if (!text) return text.error();
    auto damaged = make_error("The key record " + path.string() + " is damaged; restore it from the backup made with the database.");
    std::istringstream in(*text);
    std::string line;
    if (!std::getline(in, line) || line != header) return damaged;
    KeyRecord r;
    bool have_check = false, have_salt = false, have_ops = false, have_memory = false;
    bool have_next_check = false, have_next_salt = false, have_next_ops = false, have_next_memory = false;
    PendingKey next;
    std::string source, next_source;
    while (std::getline(in, line)) {
        auto space = line.find(' ');
        if (space == std::string::npos) continue;
        std::string name = line.substr(0, space), value = line.substr(space + 1);
        if (name == "source") source = value;
        else if (name == "database") r.database_made = value == "made";
        else if (name == "check") have_check = unhex(value, r.check);
        else if (name == "salt") have_salt = unhex(value, r.salt);
        else if (name == "ops") have_ops = parse_number(value, r.limits.ops);
        else if (name == "memory") have_memory = parse_number(value, r.limits.memory);
        else if (name == "next-source") next_source = value;
        else if (name == "next-check") have_next_check = unhex(value, next.check);
        else if (name == "next-salt") have_next_salt = unhex(value, next.salt);
        else if (name == "next-ops") have_next_ops = parse_number(value, next.limits.ops);
        else if (name == "next-memory") have_next_memory = parse_number(value, next.limits.memory);
    }
    if (!have_check || (source != "passphrase" && source != "random")) return damaged;
    r.from_passphrase = source == "passphrase";
    if (r.from_passphrase && !(have_salt && have_ops && have_memory && r.limits.valid())) return damaged;
    if (!next_source.empty()) {
        if (!have_next_check || (next_source != "passphrase" && next_source != "random")) return damaged;
        next.from_passphrase = next_source == "passphrase";
        if (next.from_passphrase && !(have_next_salt && have_next_ops && have_next_memory && next.limits.valid()))
            return damaged;
        r.next = next;
    }
    return std::optional<KeyRecord>(r);
}

Result<void> write_key_record(const std::filesystem::path& database, const KeyRecord& r) {
    std::ostringstream out;
    out << header << "\n";
    out << "source " << (r.from_passphrase ? "passphrase" : "random") << "\n";
    out << "check " << hex(r.check.data(), r.check.size()) << "\n";
    out << "database " << (r.database_made ? "made" : "not-yet-made") << "\n";
    if (r.from_passphrase) {
        out << "salt " << hex(r.salt.data(), r.salt.size()) << "\n";
        out << "ops " << r.limits.ops << "\n";
        out << "memory " << r.limits.memory << "\n";
    }
    if (r.next) {
        out << "next-source " << (r.next->from_passphrase ? "passphrase" : "random") << "\n";
        out << "next-check " << hex(r.next->check.data(), r.next->check.size()) << "\n";
        if (r.next->from_passphrase) {
            out << "next-salt " << hex(r.next->salt.data(), r.next->salt.size()) << "\n";
            out << "next-ops " << r.next->limits.ops << "\n";
            out << "next-memory " << r.next->limits.memory << "\n";
        }
    }
    std::string text = out.str();
    auto path = key_record_path(database);
    auto tmp = path.string() + ".new";
    auto fail = [&](const char* what) {
        std::string msg = std::string("Cannot write the key record ") + path.string() + " (" + what + ": " + std::strerror(errno) + ").";
        unlink(tmp.c_str());
        return make_error(msg);
    };
    unlink(tmp.c_str());  // left over from a crash mid-write
    int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return fail("create");
    bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
    close(fd);
    if (!ok) return fail("write");
    if (rename(tmp.c_str(), path.c_str()) != 0) return fail("rename");
    int dir = open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        fsync(dir);
        close(dir);
    }
    return {};
}

}  // namespace carers::store
