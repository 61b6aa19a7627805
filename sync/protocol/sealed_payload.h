// What a kiosk seals to the centre (PROTOCOL.md §Sealed payload): a small JSON wrapper around the
// QuestionnaireResponse that carries the safeguarding flag, so only the centre can see which
// submissions are urgent.
//
//   {"payload": "carers-kiosk/1", "response": {<QuestionnaireResponse>}, "urgent": true,
//    "language": "en", "reference": "CEC-7F3K-92"}
//
// A bare QuestionnaireResponse is accepted too (urgent = false).
#pragma once

#include <string>

#include "kiosk/common/result.h"

namespace carers::sync {

struct SealedPayload {
    std::string response_json;  // the QuestionnaireResponse, as JSON text
    bool urgent = false;
    std::string language;       // BCP 47 tag, e.g. "en", "cy", "pl"; "" when unknown
    std::string reference;      // the reference shown to the carer; "" when none
};

// The JSON text to seal. `response_json` must already be valid JSON (the engine's output).
Result<std::string> encode_sealed_payload(const SealedPayload& payload);

// Reads either form. Refuses text that is not JSON, a wrapper without a QuestionnaireResponse,
// or fields of the wrong type.
Result<SealedPayload> decode_sealed_payload(const std::string& plaintext);

}  // namespace carers::sync
