// Self-signed TLS certificates for trying the centre out (and for the tests), and the public-key
// pin a kiosk uses to recognise the centre (OpenSSL).
#pragma once

#include <string>
#include <vector>

#include "kiosk/common/result.h"

namespace carers::sync {

struct TlsIdentity {
    std::string certificate_pem;
    std::string private_key_pem;  // secret: write it with mode 0600
};

// An ECDSA P-256 certificate valid for `days`, naming every entry of `hosts` (IP addresses and DNS
// names) as a subjectAltName. It is its own CA, so a kiosk can list it as its only trusted CA.
Result<TlsIdentity> make_self_signed_certificate(const std::vector<std::string>& hosts, int days);

// "sha256//<base64 SHA-256 of the DER SubjectPublicKeyInfo>" of the first certificate in `pem`,
// the form CURLOPT_PINNEDPUBLICKEY takes.
Result<std::string> public_key_pin(const std::string& certificate_pem);

}  // namespace carers::sync
