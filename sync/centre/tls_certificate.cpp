#include "sync/centre/tls_certificate.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <sodium.h>

#include "sync/protocol/encoding.h"

namespace carers::sync {

namespace {

template <auto fn> struct Free {
    template <typename T> void operator()(T* p) const { fn(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Free<X509_free>>;
using Bio = std::unique_ptr<BIO, Free<BIO_free>>;

std::string bio_text(BIO* b) {
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

bool add_extension(X509* cert, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) return false;
    bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool looks_like_ip(const std::string& h) {
    return h.find_first_not_of("0123456789.") == std::string::npos || h.find(':') != std::string::npos;
}

}  // namespace

Result<TlsIdentity> make_self_signed_certificate(const std::vector<std::string>& hosts, int days) {
    if (hosts.empty()) return make_error("A certificate needs at least one host name or address.");
    Pkey key(EVP_EC_gen("P-256"));
    if (!key) return make_error("OpenSSL could not generate a P-256 key.");
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;  // a positive serial number
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 24 * 60 * 60);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Carers Centre"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(hosts[0].c_str()),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    std::string san;
    for (const auto& h : hosts) {
        if (h.empty() || h.find_first_of(",\n\r") != std::string::npos)
            return make_error("\"" + h + "\" is not a host name or address.");
        san += (san.empty() ? "" : ",") + std::string(looks_like_ip(h) ? "IP:" : "DNS:") + h;
    }
    if (!add_extension(cert.get(), NID_subject_alt_name, san) ||
        !add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE") ||
        !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") ||
        !add_extension(cert.get(), NID_ext_key_usage, "serverAuth") ||
        !add_extension(cert.get(), NID_subject_key_identifier, "hash"))
        return make_error("OpenSSL refused a certificate extension (is every host a valid name or address?).");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return make_error("OpenSSL could not sign the certificate.");

    Bio cb(BIO_new(BIO_s_mem())), kb(BIO_new(BIO_s_secmem()));
    if (!kb) kb.reset(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(cb.get(), cert.get());
    PEM_write_bio_PrivateKey(kb.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return TlsIdentity{bio_text(cb.get()), bio_text(kb.get())};
}

Result<std::string> public_key_pin(const std::string& pem) {
    Bio b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Cert cert(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
    if (!cert) return make_error("The file holds no PEM certificate.");
    EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    if (!pub) return make_error("The certificate has no public key.");
    unsigned char* der = nullptr;
    int n = i2d_PUBKEY(pub, &der);
    if (n <= 0) return make_error("The certificate's public key cannot be encoded.");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, der, static_cast<unsigned long long>(n));
    OPENSSL_free(der);
    return "sha256//" + base64_encode(digest, sizeof digest);
}

}  // namespace carers::sync
