#include "sync/centre/bundle_import.h"

#include "sync/protocol/offline_bundle.h"

namespace carers::sync {

Result<ImportOutcome> import_bundle(CentreStore& store, SubmissionService& service, const std::string& text) {
    auto bundle = open_bundle(text);
    if (!bundle) return bundle.error();
    auto device = store.find_device(bundle->device_id);
    if (!device) return device.error();
    if (!device->has_value())
        return make_error("The bundle comes from device " + bundle->device_id + ", which is not enrolled here.");
    if ((*device)->revoked_at)
        return make_error("The bundle comes from device " + bundle->device_id + ", whose enrolment is revoked.");
    if (auto mac = check_bundle_mac(*bundle, (*device)->token_hash); !mac) return mac.error();
    ProtocolLimits limits = service.limits();
    limits.max_batch_count = static_cast<std::size_t>(-1);  // a stick carries everything that waited
    auto batch = decode_batch(bundle->payload, limits);
    if (!batch) return make_error("The bundle's contents are malformed: " + batch.message());
    auto reply = service.store_decoded(bundle->device_id, *batch);
    if (reply.status != 200) return make_error("The centre could not store the bundle; nothing was imported.");
    auto decoded = decode_reply(reply.body);
    if (!decoded) return decoded.error();
    ImportOutcome out;
    for (const auto& r : decoded->results) {
        if (r.status == ItemStatus::Stored) ++out.stored;
        else if (r.status == ItemStatus::AlreadyHeld) ++out.already_held;
        else ++out.rejected;
    }
    out.receipts_file = encode_receipts_file(*decoded);
    return out;
}

}  // namespace carers::sync
