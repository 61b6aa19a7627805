#include "sync/protocol/sealed_payload.h"

#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;

namespace {
bool is_questionnaire_response(const json& j) {
    auto it = j.find("resourceType");
    return it != j.end() && it->is_string() && it->get<std::string>() == "QuestionnaireResponse";
}
}  // namespace

Result<std::string> encode_sealed_payload(const SealedPayload& p) {
    auto response = parse_json(p.response_json, "The QuestionnaireResponse");
    if (!response) return response.error();
    if (!response->is_object() || !is_questionnaire_response(*response))
        return make_error("The response to seal is not a QuestionnaireResponse.");
    try {
        return json{{"payload", "carers-kiosk/1"}, {"response", std::move(*response)},
                    {"urgent", p.urgent},          {"language", p.language},
                    {"reference", p.reference}}
            .dump();
    } catch (const std::exception&) {
        return make_error("The language or reference is not valid UTF-8.");
    }
}

Result<SealedPayload> decode_sealed_payload(const std::string& text) {
    auto parsed = parse_json(text, "The sealed submission");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("The sealed submission is not a JSON object.");
    SealedPayload out;
    if (is_questionnaire_response(j)) {
        out.response_json = j.dump();
        return out;
    }
    const std::string where = "The sealed submission";
    auto response = j.find("response");
    if (response == j.end() || !response->is_object() || !is_questionnaire_response(*response))
        return make_error("The sealed submission holds no QuestionnaireResponse.");
    out.response_json = response->dump();
    auto urgent = get_bool_or(j, "urgent", false, where);
    if (!urgent) return urgent.error();
    out.urgent = *urgent;
    auto language = get_string_or(j, "language", "", where);
    if (!language) return language.error();
    out.language = *language;
    auto reference = get_string_or(j, "reference", "", where);
    if (!reference) return reference.error();
    out.reference = *reference;
    return out;
}

}  // namespace carers::sync
