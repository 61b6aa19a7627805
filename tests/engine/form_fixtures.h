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
inline std::shared_ptr<const engine::Questionnaire> form(nlohmann::json items,
                                                        nlohmann::json root = nlohmann::json::object()) {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"url", "https://carers-kiosk.example.org/fhir/Questionnaire/test"},
                        {"version", "1"},
                        {"status", "active"},
                        {"item", std::move(items)}};
    q.update(root);
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

// {"url": ..., "value<Kind>": ...}; `url` without a scheme is a standard HL7 extension name.
inline nlohmann::json ext(const std::string& url, const std::string& kind, nlohmann::json value) {
    std::string full = url.find("://") == std::string::npos
                           ? "http://hl7.org/fhir/StructureDefinition/" + url
                           : url;
    return {{"url", full}, {"value" + kind, std::move(value)}};
}
inline nlohmann::json kiosk_ext(const std::string& name, const std::string& kind, nlohmann::json value) {
    return ext("https://carers-kiosk.example.org/fhir/StructureDefinition/" + name, kind, std::move(value));
}
inline nlohmann::json control(const std::string& code) {
    return {{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"},
            {"valueCodeableConcept",
             {{"coding", {{{"system", "http://hl7.org/fhir/questionnaire-item-control"}, {"code", code}}}}}}};
}
// A group with itemControl page.
inline nlohmann::json page_group(const std::string& id, nlohmann::json items,
                                 nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json g = {{"linkId", id}, {"type", "group"}, {"extension", {control("page")}}, {"item", std::move(items)}};
    g.update(extra);
    return g;
}
inline nlohmann::json group(const std::string& id, nlohmann::json items,
                            nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json g = {{"linkId", id}, {"type", "group"}, {"text", "Section " + id}, {"item", std::move(items)}};
    g.update(extra);
    return g;
}

inline nlohmann::json when(const std::string& q, const std::string& op, nlohmann::json answer) {
    return {{"question", q}, {"operator", op}, {"answer" + answer.begin().key(), answer.begin().value()}};
}

}  // namespace carers::test
