// [SECTION] Values
// [SECTION] Saving
// [SECTION] Restoring
#include "kiosk/engine/draft.h"

#include <cmath>

#include "kiosk/engine/page_list.h"

namespace carers::engine {

using nlohmann::json;

namespace {

struct DraftProblem {
    std::string message;
};
[[noreturn]] void refuse(std::string message) { throw DraftProblem{std::move(message)}; }

// [SECTION] Values ----------------------------------------------------------------------------------
// The draft's own tagged form, not FHIR's value[x]: FHIR cannot hold 31 February or "12a" typed
// into a number box, and a draft must.

json value_to_json(const AnswerValue& v) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>) return {{"boolean", x}};
            else if constexpr (std::is_same_v<T, std::int64_t>) return {{"integer", x}};
            else if constexpr (std::is_same_v<T, double>) return {{"decimal", x}};
            else if constexpr (std::is_same_v<T, Date>) return {{"date", {x.year, x.month, x.day}}};
            else if constexpr (std::is_same_v<T, std::string>) return {{"string", x}};
            else return {{"coding", {{"system", x.system}, {"code", x.code}, {"display", x.display}}}};
        },
        v);
}

AnswerValue value_from_json(const json& j, const std::string& where) {
    if (!j.is_object() || j.size() != 1) refuse(where + " is not a saved answer.");
    const auto first = j.begin();
    const std::string& key = first.key();
    const json& x = first.value();
    if (key == "boolean" && x.is_boolean()) return x.get<bool>();
    if (key == "integer" && x.is_number_integer()) return x.get<std::int64_t>();
    if (key == "decimal" && x.is_number() && std::isfinite(x.get<double>())) return x.get<double>();
    if (key == "string" && x.is_string()) return x.get<std::string>();
    if (key == "date" && x.is_array() && x.size() == 3 &&
        std::all_of(x.begin(), x.end(), [](const json& n) {
            return n.is_number_integer() && n.get<std::int64_t>() >= -1 && n.get<std::int64_t>() <= 999999;
        }))
        return Date{x[0].get<int>(), x[1].get<int>(), x[2].get<int>()};
    if (key == "coding" && x.is_object() && x.value("code", json()).is_string())
        return Coding{x.value("system", ""), x["code"].get<std::string>(), x.value("display", "")};
    refuse(where + " is not a saved answer.");
}

json reps_to_json(const Reps& r) { return json(r); }

Reps reps_from_json(const json& j, const std::string& where) {
    if (!j.is_array()) refuse(where + " has no repetition numbers.");
    Reps r;
    for (const json& n : j) {
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0 || n.get<std::int64_t>() > 10000)
            refuse(where + " has a repetition number that is not one.");
        r.push_back(n.get<int>());
    }
    return r;
}

const char* view_code(View v) {
    switch (v) {
    case View::Page: return "page";
    case View::TaskList: return "task-list";
    case View::CheckAnswers: return "check-answers";
    case View::Confirmation: return "confirmation";
    }
    return "page";
}

const Item& item_named(const Questionnaire& q, const json& j, const std::string& where) {
    if (!j.is_string()) refuse(where + " has no linkId.");
    const Item* it = q.find(j.get<std::string>());
    if (!it) refuse(where + " names '" + j.get<std::string>() + "', which this form does not have.");
    return *it;
}

json sections_to_json(const Questionnaire& q, const std::set<const Item*>& set) {
    json out = json::array();
    for (const auto& top : q.items)
        if (set.count(top.get())) out.push_back(top->link_id);
    return out;
}

std::set<const Item*> sections_from_json(const Questionnaire& q, const json& j, const std::string& where) {
    std::set<const Item*> out;
    if (j.is_null()) return out;
    if (!j.is_array()) refuse(where + " should be a list.");
    for (const json& s : j) {
        const Item& it = item_named(q, s, where);
        if (it.parent) refuse(where + " names '" + it.link_id + "', which is not a section.");
        out.insert(&it);
    }
    return out;
}

}  // namespace

// [SECTION] Saving ----------------------------------------------------------------------------------

json save_draft(const FormSession& s) {
    const Questionnaire& q = s.questionnaire();
    json answers = json::array();
    for (const auto& [ref, values] : s.store_.all()) {
        json vs = json::array();
        for (const AnswerValue& v : values) vs.push_back(value_to_json(v));
        answers.push_back({{"linkId", ref.item->link_id}, {"reps", reps_to_json(ref.reps)}, {"values", std::move(vs)}});
    }
    json repetitions = json::array();
    for (const auto& [key, count] : s.store_.all_repetitions())
        repetitions.push_back({{"linkId", key.item->link_id}, {"outer", reps_to_json(key.reps)}, {"count", count}});
    json position = nullptr;
    if (s.position_.item)
        position = {{"linkId", s.position_.item->link_id}, {"reps", reps_to_json(s.position_.reps)}};
    return {{"format", draft_format},
            {"version", draft_version},
            {"questionnaire", q.canonical()},
            {"answers", std::move(answers)},
            {"repetitions", std::move(repetitions)},
            {"view", view_code(s.view_)},
            {"position", std::move(position)},
            {"returnToCheckAnswers", s.return_to_check_answers_},
            {"visitedSections", sections_to_json(q, s.visited_sections_)},
            {"finishedSections", sections_to_json(q, s.finished_sections_)},
            {"complete", s.complete_},
            {"reference", s.reference_}};
}

// [SECTION] Restoring -------------------------------------------------------------------------------

Result<void> restore_draft(FormSession& s, const json& d) {
    const Questionnaire& q = s.questionnaire();
    try {
        if (!d.is_object() || d.value("format", json()) != draft_format)
            refuse("This is not a saved form.");
        if (d.value("version", json()) != draft_version)
            refuse("This saved form was made by a different version of the kiosk.");
        if (d.value("questionnaire", json()) != q.canonical())
            refuse("This saved form belongs to another form, or to another version of it.");

        // Build everything aside first, so a refusal leaves the session untouched.
        AnswerStore store;
        const json& reps_list = d.value("repetitions", json::array());
        if (!reps_list.is_array()) refuse("The saved repetitions are not a list.");
        for (std::size_t i = 0; i < reps_list.size(); ++i) {
            const std::string where = "Saved repetition " + std::to_string(i + 1);
            const json& r = reps_list[i];
            if (!r.is_object()) refuse(where + " is not readable.");
            const Item& group = item_named(q, r.value("linkId", json()), where);
            if (!group.is_repeating_group()) refuse(where + " names '" + group.link_id + "', which does not repeat.");
            Reps outer = reps_from_json(r.value("outer", json()), where);
            if (outer.size() + 1 != group.repeating_groups.size()) refuse(where + " does not fit the form.");
            const json& count = r.value("count", json());
            if (!count.is_number_integer() || count.get<int>() < 1 ||
                (group.max_occurs && count.get<int>() > *group.max_occurs) || count.get<int>() > 10000)
                refuse(where + " has an impossible number of repetitions.");
            store.set_repetitions(group, outer, count.get<int>());
        }
        auto exists = [&](const Item& item, const Reps& reps) {
            const auto& groups = item.repeating_groups;
            if (reps.size() < groups.size() - (item.is_repeating_group() ? 1 : 0) || reps.size() > groups.size())
                return false;
            for (std::size_t i = 0; i < reps.size(); ++i) {
                Reps outer(reps.begin(), reps.begin() + static_cast<std::ptrdiff_t>(i));
                if (reps[i] >= store.repetitions(*groups[i], outer)) return false;
            }
            return true;
        };
        const json& answers = d.value("answers", json::array());
        if (!answers.is_array()) refuse("The saved answers are not a list.");
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const std::string where = "Saved answer " + std::to_string(i + 1);
            const json& a = answers[i];
            if (!a.is_object()) refuse(where + " is not readable.");
            const Item& item = item_named(q, a.value("linkId", json()), where);
            if (!is_question(item.type)) refuse(where + " is for '" + item.link_id + "', which is not a question.");
            Reps reps = reps_from_json(a.value("reps", json()), where);
            if (reps.size() != item.repeating_groups.size() || !exists(item, reps))
                refuse(where + " is for a repetition the saved form does not have.");
            const json& vs = a.value("values", json());
            if (!vs.is_array() || vs.empty() || (vs.size() > 1 && !item.repeats))
                refuse(where + " has the wrong number of values.");
            std::vector<AnswerValue> values;
            for (const json& v : vs) {
                AnswerValue value = value_from_json(v, where);
                if (!value_fits_item(item, value) && !is_unparsed_number(item, value))
                    refuse(where + " does not fit the question '" + item.link_id + "'.");
                values.push_back(std::move(value));
            }
            store.set(ItemRef{&item, std::move(reps)}, std::move(values));
        }

        ItemRef position;
        const json& pos = d.value("position", json());
        if (!pos.is_null()) {
            if (!pos.is_object()) refuse("The saved position is not readable.");
            const Item& item = item_named(q, pos.value("linkId", json()), "The saved position");
            Reps reps = reps_from_json(pos.value("reps", json()), "The saved position");
            if (!exists(item, reps)) refuse("The saved position is not a page of this form.");
            position = ItemRef{&item, std::move(reps)};
        }
        const std::string view = d.value("view", std::string("page"));
        View v = View::Page;
        if (view == "task-list") v = View::TaskList;
        else if (view == "check-answers") v = View::CheckAnswers;
        else if (view == "confirmation") v = View::Confirmation;
        else if (view != "page") refuse("The saved view is not one the kiosk knows.");
        auto visited = sections_from_json(q, d.value("visitedSections", json()), "The saved sections");
        auto finished = sections_from_json(q, d.value("finishedSections", json()), "The saved sections");
        const json& flag = d.value("returnToCheckAnswers", json(false));
        const json& complete = d.value("complete", json(false));
        const json& reference = d.value("reference", json(""));
        if (!flag.is_boolean() || !complete.is_boolean() || !reference.is_string())
            refuse("The saved form's state is not readable.");

        // All read: replace the session's state.
        s.store_.wipe();
        for (const auto& [key, count] : store.all_repetitions()) s.store_.set_repetitions(*key.item, key.reps, count);
        for (const auto& [ref, values] : store.all()) s.store_.set(ref, values);
        store.wipe();
        s.enablement_.invalidate();
        s.position_ = std::move(position);
        s.view_ = v;
        s.return_to_check_answers_ = flag.get<bool>();
        s.visited_sections_ = std::move(visited);
        s.finished_sections_ = std::move(finished);
        s.complete_ = complete.get<bool>();
        s.reference_ = reference.get<std::string>();
        s.errors_.clear();
    } catch (const DraftProblem& p) {
        return make_error(p.message);
    } catch (const json::exception&) {
        return make_error("The saved form is not readable.");
    }
    return {};
}

}  // namespace carers::engine
