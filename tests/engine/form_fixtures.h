// Small questionnaires built in code for engine tests.
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/engine/form_session.h"
#include "kiosk/engine/questionnaire.h"

namespace carers::test {

inline const char* const answer_system = "https://carers-kiosk.example.org/fhir/CodeSystem/test";

inline nlohmann::json coding(const std::string& code) {
    return {{"system", answer_system}, {"code", code}, {"display", code}};
}
inline engine::Coding code(const std::string& c) { return engine::Coding{answer_system, c, c}; }

// A questionnaire around the given items; fails the test if it does not parse.
inline std::shared_ptr<const engine::Questionnaire> form(nlohmann::json items) {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"url", "https://carers-kiosk.example.org/fhir/Questionnaire/test"},
                        {"version", "1"},
                        {"status", "active"},
                        {"item", std::move(items)}};
    auto parsed = engine::parse_questionnaire(q.dump());
    INFO((parsed.ok() ? std::string() : parsed.message()));
    REQUIRE(parsed.ok());
    return parsed.value();
}

inline nlohmann::json question(const std::string& id, const std::string& type,
                               nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json j = {{"linkId", id}, {"type", type}, {"text", "Question " + id}};
    j.update(extra);
    return j;
}

inline nlohmann::json when(const std::string& q, const std::string& op, nlohmann::json answer) {
    return {{"question", q}, {"operator", op}, {"answer" + answer.begin().key(), answer.begin().value()}};
}

}  // namespace carers::test
