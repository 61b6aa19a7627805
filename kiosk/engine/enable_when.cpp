#include "kiosk/engine/enable_when.h"

#include <algorithm>

namespace carers::engine {

std::vector<const Item*> repeating_ancestors(const Item& item) {
    std::vector<const Item*> chain;
    for (const Item* i = &item; i != nullptr; i = i->parent)
        if (i->is_repeating_group()) chain.push_back(i);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

bool Enablement::is_enabled(const ItemRef& ref) const {
    if (ref.item == nullptr) return true;  // the questionnaire itself
    auto it = cache_.find(ref);
    if (it != cache_.end()) return it->second;
    bool enabled = compute(ref);
    cache_.emplace(ref, enabled);
    return enabled;
}

bool Enablement::compute(const ItemRef& ref) const {
    const Item& item = *ref.item;
    if (!is_enabled(parent_of(ref))) return false;
    if (item.enable_when.empty()) return true;
    if (item.enable_behavior == EnableBehavior::All) {
        return std::all_of(item.enable_when.begin(), item.enable_when.end(),
                           [&](const EnableWhen& c) { return holds(c, ref); });
    }
    return std::any_of(item.enable_when.begin(), item.enable_when.end(),
                       [&](const EnableWhen& c) { return holds(c, ref); });
}

bool Enablement::holds(const EnableWhen& cond, const ItemRef& at) const {
    const Item& target = *cond.target;
    // Share the repetitions the item and the question have in common.
    const auto target_chain = repeating_ancestors(target);
    const auto at_chain = repeating_ancestors(*at.item);
    std::size_t shared = 0;
    while (shared < target_chain.size() && shared < at_chain.size() &&
           target_chain[shared] == at_chain[shared] && shared < at.reps.size())
        ++shared;
    const Reps prefix(at.reps.begin(), at.reps.begin() + static_cast<std::ptrdiff_t>(shared));

    bool any_answer = false, any_equal = false, any_order_match = false;
    answers_.for_each_answer_of(target, prefix, [&](const ItemRef& occ, const auto& values) {
        if (values.empty() || !is_enabled(occ)) return;
        any_answer = true;
        for (const AnswerValue& v : values) {
            if (values_equal(v, cond.answer)) any_equal = true;
            auto c = compare_values(v, cond.answer);
            if (!c) continue;
            switch (cond.op) {
            case Operator::Greater: any_order_match |= *c > 0; break;
            case Operator::Less: any_order_match |= *c < 0; break;
            case Operator::GreaterOrEqual: any_order_match |= *c >= 0; break;
            case Operator::LessOrEqual: any_order_match |= *c <= 0; break;
            default: break;
            }
        }
    });
    switch (cond.op) {
    case Operator::Exists: return any_answer == std::get<bool>(cond.answer);
    case Operator::Equal: return any_equal;
    case Operator::NotEqual: return !any_equal;
    default: return any_order_match;
    }
}

}  // namespace carers::engine
