#include "sync/client/centre_check.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sync/protocol/encoding.h"
#include "sync/transport/https_connection.h"

namespace carers::sync {

Result<CentreHealth> check_centre(const SyncSettings& s, const std::atomic<bool>* cancel, CentreCheckFailure* failure) {
    CentreCheckFailure ignored;
    CentreCheckFailure& why = failure ? *failure : ignored;
    why = {};
    HttpsConnection connection(TlsPolicy{s.ca_file, s.pin, s.connect_timeout_ms, s.request_timeout_ms, s.stall_timeout_ms});
    auto ex = connection.get(s.url + "/v1/health", cancel);
    if (ex.error != TransportError::None) {
        why.cause = ex.cause;
        return make_error(ex.message);
    }
    // Each refusal below is preceded by the facts it reports.
    why.http_status = static_cast<int>(ex.status);
    why.cause = ex.status == 429 || ex.status >= 500 ? FailureCause::CentreBusy : FailureCause::UnexpectedAnswer;
    if (ex.status != 200)
        return make_error("The Carers Centre answered HTTP " + std::to_string(ex.status) +
                          " at " + s.url + "; check the address in the kiosk's settings.");
    auto j = nlohmann::json::parse(ex.body, nullptr, false);
    why = {FailureCause::NotACentre, 0};
    if (j.is_discarded() || !j.is_object() || !j.contains("receipt_public_key") || !j["receipt_public_key"].is_string())
        return make_error("Something answered at " + s.url + ", but not a Carers Centre; check the address.");
    auto key = base64_decode(j["receipt_public_key"].get<std::string>());
    why = {FailureCause::ReceiptKeyChanged, 0};
    if (!key || key->size() != s.receipt_public_key.size() ||
        !std::equal(key->begin(), key->end(), s.receipt_public_key.begin()))
        return make_error("The Carers Centre at " + s.url +
                          " signs receipts with a different key from the one in this kiosk's settings, so nothing "
                          "could leave the kiosk. Was the centre set up again? Enrol this kiosk again.");
    why = {};
    CentreHealth h;
    if (j.contains("centre") && j["centre"].is_string()) h.centre_name = j["centre"].get<std::string>();
    h.message = "Connected to " + (h.centre_name.empty() ? std::string("the Carers Centre") : h.centre_name) +
                ": its certificate is trusted" + (s.pin.empty() ? "" : " and matches the pin") +
                ", and its receipts will verify.";
    return h;
}

}  // namespace carers::sync
