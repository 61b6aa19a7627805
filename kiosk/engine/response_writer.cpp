#include "kiosk/engine/response_writer.h"

#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/input_kind.h"
#include "kiosk/engine/validation.h"

namespace carers::engine {

namespace {

using nlohmann::json;

json items_of(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
              const AnswerStore& answers, const Enablement& enablement);

// The response item for one occurrence, or null when there is nothing to say.
json item_of(const ItemRef& occ, const AnswerStore& answers, const Enablement& enablement) {
    const Item& it = *occ.item;
    if (it.type == ItemType::Display || !enablement.is_enabled(occ)) return nullptr;
    json out = {{"linkId", it.link_id}};
    if (!it.text.empty()) out["text"] = it.text;
    json children = items_of(it.items, occ.reps, answers, enablement);
    if (it.is_group()) {
        if (children.empty()) return nullptr;
        out["item"] = std::move(children);
        return out;
    }
    const auto& values = answers.get(occ);
    if (values.empty()) return nullptr;
    json list = json::array();
    for (const AnswerValue& v : values) {
        // Only answers that could pass validation: not text left in a number box, not 31 June.
        if (!value_fits_item(it, v)) continue;
        if (auto* d = std::get_if<Date>(&v); d && !is_real_date(*d)) continue;
        json a = json::object();
        if (auto* s = std::get_if<std::string>(&v); s && it.input_kind == InputKind::Postcode)
            write_value(a, AnswerValue{tidy_postcode(*s)});
        else if (s && it.input_kind == InputKind::NhsNumber)
            write_value(a, AnswerValue{tidy_nhs_number(*s)});
        else
            write_value(a, v);
        list.push_back(std::move(a));
    }
    if (list.empty()) return nullptr;
    if (!children.empty()) list[0]["item"] = std::move(children);
    out["answer"] = std::move(list);
    return out;
}

json items_of(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
              const AnswerStore& answers, const Enablement& enablement) {
    json out = json::array();
    for (const auto& child : items) {
        if (child->is_repeating_group()) {
            int n = answers.repetitions(*child, reps);
            for (int r = 0; r < n; ++r) {
                Reps inner = reps;
                inner.push_back(r);
                json j = item_of(ItemRef{child.get(), std::move(inner)}, answers, enablement);
                if (!j.is_null()) out.push_back(std::move(j));
            }
        } else {
            json j = item_of(ItemRef{child.get(), reps}, answers, enablement);
            if (!j.is_null()) out.push_back(std::move(j));
        }
    }
    return out;
}

}  // namespace

json write_response(const Questionnaire& q, const AnswerStore& answers, const Enablement& enablement,
                    const std::string& authored, const std::string& status) {
    json r = {{"resourceType", "QuestionnaireResponse"},
              {"questionnaire", q.canonical()},
              {"status", status},
              {"authored", authored}};
    r["item"] = items_of(q.items, {}, answers, enablement);
    return r;
}

void wipe_json(json& j) noexcept {
    if (j.is_string()) {
        secure_wipe(j.get_ref<std::string&>());
    } else if (j.is_structured()) {
        for (auto it = j.begin(); it != j.end(); ++it) wipe_json(*it);
    }
}

}  // namespace carers::engine
