#include "kiosk/engine/check_answers.h"

#include "kiosk/engine/input_kind.h"
#include "kiosk/engine/page_list.h"

namespace carers::engine {

namespace {

std::string shown(const Item& item, const AnswerValue& v) {
    if (auto* s = std::get_if<std::string>(&v)) {
        if (item.input_kind == InputKind::Postcode) return tidy_postcode(*s);
        if (item.input_kind == InputKind::NhsNumber) return tidy_nhs_number(*s);
        return *s;
    }
    return display_text(v);
}

// The name of the repetition `ref` is in (innermost repeating group), as the add-another page
// shows it.
std::string repetition_name(const FormSession& s, const ItemRef& ref) {
    const auto& groups = ref.item->repeating_groups;
    if (groups.empty()) return {};
    const Item& group = *groups.back();
    const std::size_t depth = groups.size();
    Reps outer(ref.reps.begin(), ref.reps.begin() + static_cast<std::ptrdiff_t>(depth - 1));
    const int index = ref.reps[depth - 1];
    const auto& all = s.questionnaire().all_items();
    Reps inner = outer;
    inner.push_back(index);
    for (auto at = all.begin() + group.index + 1; at != all.end() && group.contains(**at); ++at) {
        const Item& it = **at;
        if (it.type != ItemType::String || it.repeating_groups.size() != depth) continue;
        ItemRef occ{&it, inner};
        const auto& v = s.answers(occ);
        if (!v.empty() && s.is_enabled(occ))
            if (auto* text = std::get_if<std::string>(&v.front()); text && !text->empty()) return *text;
    }
    return group.label() + " " + std::to_string(index + 1);
}

}  // namespace

std::vector<AnswerSection> check_answers(const FormSession& s) {
    std::vector<AnswerSection> out;
    const auto anchors = page_anchors(s.questionnaire(), s.store());
    for (const ItemRef& anchor : anchors) {
        for (const ItemRef& occ : page_contents(anchor, s.store())) {
            const Item& item = *occ.item;
            if (!is_question(item.type) || !s.is_enabled(occ)) continue;
            const auto& values = s.answers(occ);
            if (values.empty()) continue;
            AnswerRow row{occ, item.label(), {}, repetition_name(s, occ)};
            for (const AnswerValue& v : values) row.values.push_back(shown(item, v));
            const Item* top = section_of(item);
            const Item* section = top->is_group() ? top : nullptr;
            if (out.empty() || out.back().section != section)
                out.push_back({section, section ? section->text : std::string(), {}});
            out.back().rows.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace carers::engine
