// A generated questionnaire of 3,000 items with long enableWhen chains, for the large-form test
// (tests/engine/large_form_test.cpp) and the engine benchmark (engine_bench.cpp). Header-only.
//
// 30 sections (top-level groups) of 99 items each. Item k of section s is, by k % 3:
//   0: boolean "b<n>", enabled when the previous boolean b<n-1> = true: one chain of 990 links
//      running through the whole form;
//   1: integer "i<n>", enabled when the integer before it is >= 0 (a second chain, 'exists' would
//      do as well), with minValue 0 and maxValue 100;
//   2: string "t<n>", enabled when b<n> != false (so while b<n> is unanswered too).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace carers::test {

inline constexpr int large_form_sections = 30;
inline constexpr int large_form_items_per_section = 99;
inline constexpr int large_form_chain = large_form_sections * large_form_items_per_section / 3;  // 990

inline nlohmann::json large_form_json() {
    using nlohmann::json;
    json sections = json::array();
    int n = 0;
    for (int s = 0; s < large_form_sections; ++s) {
        json items = json::array();
        for (int k = 0; k < large_form_items_per_section; k += 3, ++n) {
            const std::string b = "b" + std::to_string(n), i = "i" + std::to_string(n), t = "t" + std::to_string(n);
            json boolean = {{"linkId", b}, {"type", "boolean"}, {"text", "Question " + b}};
            json integer = {{"linkId", i},
                            {"type", "integer"},
                            {"text", "Question " + i},
                            {"extension",
                             {{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 0}},
                              {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", 100}}}}};
            if (n > 0) {
                boolean["enableWhen"] = {{{"question", "b" + std::to_string(n - 1)}, {"operator", "="}, {"answerBoolean", true}}};
                integer["enableWhen"] = {{{"question", "i" + std::to_string(n - 1)}, {"operator", ">="}, {"answerInteger", 0}}};
            }
            json text = {{"linkId", t},
                         {"type", "string"},
                         {"text", "Question " + t},
                         {"maxLength", 200},
                         {"enableWhen", {{{"question", b}, {"operator", "!="}, {"answerBoolean", false}}}}};
            items.push_back(std::move(boolean));
            items.push_back(std::move(integer));
            items.push_back(std::move(text));
        }
        sections.push_back({{"linkId", "section-" + std::to_string(s)},
                            {"type", "group"},
                            {"text", "Section " + std::to_string(s + 1)},
                            {"item", std::move(items)}});
    }
    return {{"resourceType", "Questionnaire"},
            {"url", "https://carers-kiosk.example.org/fhir/Questionnaire/generated-3000"},
            {"version", "1"},
            {"status", "draft"},
            {"item", std::move(sections)}};
}

}  // namespace carers::test
