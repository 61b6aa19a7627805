// The Carers Centre's directory: its configuration, keys, TLS identity and database.
//
//   centre.json       name, address, port, public URL, limits, the two PUBLIC keys
//   sealing.key       X25519 secret key (32 bytes, 0600): opens submissions (export only)
//   receipt.key       Ed25519 seed (32 bytes, 0600): signs receipts (serve and import)
//   database.key      SQLCipher key of centre.db (32 bytes, 0600)
//   tls/cert.pem      the HTTPS certificate (self-signed by init; replace with a real one)
//   tls/key.pem       its private key (0600)
//   centre.db         devices and sealed submissions (SQLCipher)
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/sealed_box.h"
#include "kiosk/store/secret_key.h"
#include "sync/centre/centre_store.h"
#include "sync/centre/submission_service.h"
#include "sync/protocol/limits.h"

namespace carers::sync {

struct CentreConfig {
    std::string name = "Carers Centre";
    std::string bind_address = "0.0.0.0";
    int port = 8443;
    std::string public_url;  // what kiosks are told to use, e.g. https://centre.example.org:8443
    ProtocolLimits limits;
    std::string sealing_public_key;  // base64
    std::string receipt_public_key;  // base64
};

struct SealingKeys {
    store::CentrePublicKey public_key{};
    store::SecretKey secret_key;
};

class CentreDirectory {
public:
    // Reads DIR/centre.json; refuses a directory that init-centre did not make.
    static Result<CentreDirectory> open(const std::filesystem::path& dir);

    const std::filesystem::path& dir() const { return dir_; }
    const CentreConfig& config() const { return config_; }
    std::filesystem::path database_path() const { return dir_ / "centre.db"; }
    std::filesystem::path certificate_file() const { return dir_ / "tls" / "cert.pem"; }
    std::filesystem::path private_key_file() const { return dir_ / "tls" / "key.pem"; }

    Result<std::unique_ptr<CentreStore>> open_store() const;
    Result<CentreIdentity> identity() const;      // name + receipt key pair
    Result<SealingKeys> sealing_keys() const;     // for export only

private:
    std::filesystem::path dir_;
    CentreConfig config_;
};

struct InitOptions {
    std::string name = "Carers Centre";
    std::vector<std::string> hosts = {"localhost", "127.0.0.1"};  // in the certificate
    std::string bind_address = "0.0.0.0";
    int port = 8443;
    int certificate_days = 825;
};

// Creates DIR (or uses it if empty) with fresh keys, a self-signed certificate for `hosts`, an
// empty database and centre.json. Refuses a directory that already holds a centre.
Result<void> init_centre(const std::filesystem::path& dir, const InitOptions& options);

struct Enrolment {
    std::string device_id;
    std::string token;              // secret: give it to the kiosk once, then forget it
    std::string kiosk_config_json;  // the "centre" and "sync" sections, no secret in it
    std::string ca_pem;             // the centre's certificate, for the kiosk's ca_file
};

// Enrols a device: issues a token, stores only its hash, and builds the kiosk's config (centre
// URL, sealing and receipt public keys, TLS pin of the current certificate, CA file name).
Result<Enrolment> enrol_device(const CentreDirectory& centre, const std::string& device_id, const std::string& url,
                               bool replace, std::int64_t now);

// Writes OUT/kiosk-sync.json, OUT/centre-ca.pem and OUT/device.token (mode 0600).
Result<void> write_enrolment(const Enrolment& enrolment, const std::filesystem::path& out_dir);

// Writes `bytes` to a new file readable by its owner only (0600); refuses to overwrite.
Result<void> write_private_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace carers::sync
