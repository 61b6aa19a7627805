#include "sync/centre/centre_directory.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/key_file.h"
#include "sync/centre/tls_certificate.h"
#include "sync/protocol/device_token.h"
#include "sync/protocol/encoding.h"
#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

Result<std::string> read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("Cannot read " + path.string() + ".");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Result<void> write_public_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return make_error("Cannot write " + path.string() + ".");
    return {};
}

Result<CentreConfig> parse_config(const std::string& text) {
    auto parsed = parse_json(text, "centre.json");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("centre.json must be a JSON object.");
    const std::string w = "centre.json";
    CentreConfig c;
    auto name = get_string_or(j, "name", c.name, w);
    auto bind = get_string_or(j, "bind_address", c.bind_address, w);
    auto port = get_int_or(j, "port", c.port, w);
    auto url = get_string_or(j, "public_url", "", w);
    auto sealing = get_string(j, "sealing_public_key", w);
    auto receipt = get_string(j, "receipt_public_key", w);
    for (const auto* r : {&name, &bind, &url, &sealing, &receipt})
        if (!*r) return r->error();
    if (!port) return port.error();
    if (*port < 1 || *port > 65535) return make_error("centre.json: \"port\" must be 1 to 65535.");
    c.name = *name;
    c.bind_address = *bind;
    c.port = static_cast<int>(*port);
    c.public_url = *url;
    c.sealing_public_key = *sealing;
    c.receipt_public_key = *receipt;
    if (auto l = j.find("limits"); l != j.end()) {
        if (!l->is_object()) return make_error("centre.json: \"limits\" must be an object.");
        const std::string lw = "centre.json limits";
        auto body = get_int_or(*l, "max_body_bytes", static_cast<std::int64_t>(c.limits.max_body_bytes), lw);
        auto count = get_int_or(*l, "max_batch_count", static_cast<std::int64_t>(c.limits.max_batch_count), lw);
        auto env = get_int_or(*l, "max_envelope_bytes", static_cast<std::int64_t>(c.limits.max_envelope_bytes), lw);
        auto rate = get_int_or(*l, "rate_per_minute", static_cast<std::int64_t>(c.limits.rate_per_minute), lw);
        auto burst = get_int_or(*l, "rate_burst", static_cast<std::int64_t>(c.limits.rate_burst), lw);
        for (const auto* r : {&body, &count, &env, &rate, &burst}) {
            if (!*r) return r->error();
            if (**r < 1) return make_error("centre.json: every limit must be at least 1.");
        }
        c.limits.max_body_bytes = static_cast<std::size_t>(*body);
        c.limits.max_batch_count = static_cast<std::size_t>(*count);
        c.limits.max_envelope_bytes = static_cast<std::size_t>(*env);
        c.limits.rate_per_minute = static_cast<double>(*rate);
        c.limits.rate_burst = static_cast<double>(*burst);
    }
    return c;
}

json config_json(const CentreConfig& c) {
    return json{{"name", c.name},
                {"bind_address", c.bind_address},
                {"port", c.port},
                {"public_url", c.public_url},
                {"sealing_public_key", c.sealing_public_key},
                {"receipt_public_key", c.receipt_public_key},
                {"limits",
                 {{"max_body_bytes", c.limits.max_body_bytes},
                  {"max_batch_count", c.limits.max_batch_count},
                  {"max_envelope_bytes", c.limits.max_envelope_bytes},
                  {"rate_per_minute", static_cast<std::int64_t>(c.limits.rate_per_minute)},
                  {"rate_burst", static_cast<std::int64_t>(c.limits.rate_burst)}}}};
}

std::string host_for_url(const std::string& h) { return h.find(':') != std::string::npos ? "[" + h + "]" : h; }

}  // namespace

Result<void> write_private_file(const fs::path& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return make_error("Cannot create " + path.string() + ": " + std::strerror(errno) +
                          (errno == EEXIST ? " (it would be overwritten; move it away first)." : "."));
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            return make_error("Cannot write " + path.string() + ": " + std::strerror(errno) + ".");
        }
        done += static_cast<std::size_t>(n);
    }
    bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) return make_error("Cannot write " + path.string() + " to disk.");
    return {};
}

Result<CentreDirectory> CentreDirectory::open(const fs::path& dir) {
    auto text = read_text(dir / "centre.json");
    if (!text)
        return make_error(dir.string() + " is not a Carers Centre directory (no centre.json); create one with "
                                         "carers-admin init-centre " + dir.string() + ".");
    auto config = parse_config(*text);
    if (!config) return config.error();
    CentreDirectory d;
    d.dir_ = dir;
    d.config_ = std::move(*config);
    return d;
}

Result<std::unique_ptr<CentreStore>> CentreDirectory::open_store() const {
    auto key = store::load_key_file(dir_ / "database.key");
    if (!key) return key.error();
    return CentreStore::open(database_path(), *key);
}

Result<CentreIdentity> CentreDirectory::identity() const {
    auto seed = store::load_key_file(dir_ / "receipt.key");
    if (!seed) return seed.error();
    CentreIdentity id;
    id.name = config_.name;
    crypto_sign_seed_keypair(id.receipt_public.data(), id.receipt_secret.data(), seed->data());
    if (base64_encode(id.receipt_public.data(), id.receipt_public.size()) != config_.receipt_public_key)
        return make_error("receipt.key does not belong to the receipt_public_key in centre.json.");
    return id;
}

Result<SealingKeys> CentreDirectory::sealing_keys() const {
    auto secret = store::load_key_file(dir_ / "sealing.key");
    if (!secret) return secret.error();
    SealingKeys k;
    k.secret_key = *secret;
    crypto_scalarmult_base(k.public_key.data(), k.secret_key.data());
    if (base64_encode(k.public_key.data(), k.public_key.size()) != config_.sealing_public_key)
        return make_error("sealing.key does not belong to the sealing_public_key in centre.json.");
    return k;
}

Result<void> init_centre(const fs::path& dir, const InitOptions& options) {
    if (sodium_init() < 0) return make_error("libsodium could not start.");
    std::error_code ec;
    if (fs::exists(dir / "centre.json"))
        return make_error(dir.string() + " already holds a Carers Centre; refusing to replace its keys.");
    fs::create_directories(dir / "tls", ec);
    if (ec) return make_error("Cannot create " + (dir / "tls").string() + ": " + ec.message() + ".");
    fs::permissions(dir, fs::perms::owner_all, ec);

    CentreConfig config;
    config.name = options.name;
    config.bind_address = options.bind_address;
    config.port = options.port;
    config.public_url = "https://" + host_for_url(options.hosts.at(0)) + ":" + std::to_string(options.port);

    auto write_secret = [&](const char* name, const std::uint8_t* bytes, std::size_t n) {
        std::string s(reinterpret_cast<const char*>(bytes), n);
        auto r = write_private_file(dir / name, s);
        secure_wipe(s);
        return r;
    };

    std::array<std::uint8_t, 32> sealing_pk{}, sealing_sk{};
    crypto_box_keypair(sealing_pk.data(), sealing_sk.data());
    auto r = write_secret("sealing.key", sealing_sk.data(), sealing_sk.size());
    sodium_memzero(sealing_sk.data(), sealing_sk.size());
    if (!r) return r;
    config.sealing_public_key = base64_encode(sealing_pk.data(), sealing_pk.size());

    std::array<std::uint8_t, 32> seed{};
    randombytes_buf(seed.data(), seed.size());
    ReceiptPublicKey receipt_pk{};
    ReceiptSecretKey receipt_sk{};
    crypto_sign_seed_keypair(receipt_pk.data(), receipt_sk.data(), seed.data());
    r = write_secret("receipt.key", seed.data(), seed.size());
    sodium_memzero(seed.data(), seed.size());
    sodium_memzero(receipt_sk.data(), receipt_sk.size());
    if (!r) return r;
    config.receipt_public_key = base64_encode(receipt_pk.data(), receipt_pk.size());

    auto db_key = store::SecretKey::random();
    if (auto w = write_secret("database.key", db_key.data(), store::SecretKey::size); !w) return w;

    auto tls = make_self_signed_certificate(options.hosts, options.certificate_days);
    if (!tls) return tls.error();
    if (auto w = write_private_file(dir / "tls" / "key.pem", tls->private_key_pem); !w) return w;
    secure_wipe(tls->private_key_pem);
    if (auto w = write_public_file(dir / "tls" / "cert.pem", tls->certificate_pem); !w) return w;

    auto store = CentreStore::open(dir / "centre.db", db_key);
    if (!store) return store.error();
    if (auto e = (*store)->log_event("centre created", "", static_cast<std::int64_t>(std::time(nullptr))); !e) return e;
    // Written last: its presence means the directory is complete.
    return write_public_file(dir / "centre.json", config_json(config).dump(2) + "\n");
}

Result<Enrolment> enrol_device(const CentreDirectory& centre, const std::string& device_id, const std::string& url,
                               bool replace, std::int64_t now) {
    if (!is_device_id(device_id))
        return make_error("A device id must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-' (e.g. library-kiosk-1).");
    std::string target = url.empty() ? centre.config().public_url : url;
    if (target.rfind("https://", 0) != 0) return make_error("The centre's URL for kiosks must start with https://.");
    auto ca = read_text(centre.certificate_file());
    if (!ca) return ca.error();
    auto pin = public_key_pin(*ca);
    if (!pin) return pin.error();
    auto store = centre.open_store();
    if (!store) return store.error();

    Enrolment e;
    e.device_id = device_id;
    e.token = new_device_token();
    e.ca_pem = *ca;
    if (auto r = (*store)->enrol_device(device_id, token_hash(e.token), now, replace); !r) return r.error();
    json cfg{{"centre", {{"name", centre.config().name}, {"sealing_public_key", centre.config().sealing_public_key}}},
             {"sync",
              {{"url", target},
               {"ca_file", "centre-ca.pem"},
               {"pin", *pin},
               {"receipt_public_key", centre.config().receipt_public_key},
               {"device_id", device_id}}}};
    e.kiosk_config_json = cfg.dump(2) + "\n";
    return e;
}

Result<void> write_enrolment(const Enrolment& e, const fs::path& out) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) return make_error("Cannot create " + out.string() + ": " + ec.message() + ".");
    if (auto r = write_public_file(out / "kiosk-sync.json", e.kiosk_config_json); !r) return r;
    if (auto r = write_public_file(out / "centre-ca.pem", e.ca_pem); !r) return r;
    return write_private_file(out / "device.token", e.token + "\n");
}

}  // namespace carers::sync
