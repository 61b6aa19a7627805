#include "kiosk/engine/response_check.h"

#include <map>

#include "kiosk/engine/validation.h"

namespace carers::engine {

namespace {

using nlohmann::json;

void check_items(const Questionnaire& q, const Item* parent, const json& items,
                 const std::string& path, std::vector<std::string>& problems) {
    if (!items.is_array()) {
        problems.push_back(path + " should be a list");
        return;
    }
    std::map<const Item*, int> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& ri = items[i];
        const std::string ipath = path + "[" + std::to_string(i) + "]";
        if (!ri.is_object() || !ri.contains("linkId") || !ri["linkId"].is_string()) {
            problems.push_back(ipath + " has no linkId");
            continue;
        }
        const std::string link_id = ri["linkId"];
        const Item* it = q.find(link_id);
        if (!it) {
            problems.push_back(ipath + " has linkId '" + link_id + "', which the questionnaire does not have");
            continue;
        }
        if (it->parent != parent) {
            problems.push_back(ipath + " ('" + link_id + "') is not where the questionnaire puts it");
            continue;
        }
        if (++seen[it] > 1 && !it->is_repeating_group())
            problems.push_back(ipath + " ('" + link_id + "') occurs more than once but does not repeat");
        if (it->type == ItemType::Display) {
            problems.push_back(ipath + " ('" + link_id + "') is a display item and cannot be answered");
            continue;
        }
        if (it->is_group()) {
            if (ri.contains("answer"))
                problems.push_back(ipath + " ('" + link_id + "') is a group and cannot have answers");
            if (ri.contains("item")) check_items(q, it, ri["item"], ipath + ".item", problems);
            continue;
        }
        if (!ri.contains("answer") || !ri["answer"].is_array() || ri["answer"].empty()) {
            problems.push_back(ipath + " ('" + link_id + "') has no answer");
            continue;
        }
        const json& answers = ri["answer"];
        if (answers.size() > 1 && !it->repeats)
            problems.push_back(ipath + " ('" + link_id + "') has several answers but does not repeat");
        for (std::size_t a = 0; a < answers.size(); ++a) {
            const std::string apath = ipath + ".answer[" + std::to_string(a) + "]";
            std::string why;
            auto v = read_value(answers[a], why);
            if (!v) {
                problems.push_back(apath + " " + why);
                continue;
            }
            if (!value_fits_item(*it, *v))
                problems.push_back(apath + " is a " + fhir_value_key(kind_of(*v)) +
                                   ", which does not fit '" + link_id + "' (a " + to_fhir_code(it->type) +
                                   " question)");
            if (answers[a].contains("item"))
                check_items(q, it, answers[a]["item"], apath + ".item", problems);
        }
    }
}

}  // namespace

std::vector<std::string> check_response_structure(const Questionnaire& q, const json& response) {
    std::vector<std::string> problems;
    if (!response.is_object() || response.value("resourceType", "") != "QuestionnaireResponse") {
        problems.push_back("not a QuestionnaireResponse");
        return problems;
    }
    if (response.value("questionnaire", "") != q.canonical())
        problems.push_back("questionnaire should be '" + q.canonical() + "'");
    if (response.contains("item")) check_items(q, nullptr, response["item"], "item", problems);
    return problems;
}

}  // namespace carers::engine
