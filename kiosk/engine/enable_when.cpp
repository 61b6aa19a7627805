#include "kiosk/engine/enable_when.h"

#include <algorithm>

namespace carers::engine {

const std::vector<const Item*>& repeating_ancestors(const Item& item) {
    return item.repeating_groups;
}

bool Enablement::is_enabled(const ItemRef& ref) const {
    if (ref.item == nullptr) return true;  // the questionnaire itself
    const Item& item = *ref.item;
    if (ref.reps.empty()) {
        const auto i = static_cast<std::size_t>(item.index);
        if (i >= flat_.size()) flat_.resize(i + 1, -1);
        if (flat_[i] < 0) {
            const bool enabled = compute(ref);
            if (i >= flat_.size()) flat_.resize(i + 1, -1);  // compute may have grown it
            flat_[i] = enabled ? 1 : 0;
        }
        return flat_[i] == 1;
    }
    auto it = nested_.find(ref);
    if (it != nested_.end()) return it->second;
    bool enabled = compute(ref);
    nested_.emplace(ref, enabled);
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
    const auto& target_chain = target.repeating_groups;
    const auto& at_chain = at.item->repeating_groups;
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

void Enablement::invalidate() {
    std::fill(flat_.begin(), flat_.end(), std::int8_t{-1});
    nested_.clear();
}

void Enablement::forget(const Item& item) {
    const auto i = static_cast<std::size_t>(item.index);
    if (i < flat_.size()) flat_[i] = -1;
    if (item.repeating_groups.empty()) return;
    auto it = nested_.lower_bound(ItemRef{&item, {}});
    while (it != nested_.end() && it->first.item == &item) it = nested_.erase(it);
}

void Enablement::answer_changed(const Item& question) {
    // Walk what can change: the dependents of the question, everything inside them (a child
    // follows its parent), and, for each question among those, its own dependents.
    ++epoch_;
    std::vector<const Item*> changed_questions{&question};
    std::vector<const Item*> subtree;
    while (!changed_questions.empty()) {
        const Item* q = changed_questions.back();
        changed_questions.pop_back();
        for (const Item* dep : q->dependents) {
            subtree.assign(1, dep);
            while (!subtree.empty()) {
                const Item* it = subtree.back();
                subtree.pop_back();
                const auto i = static_cast<std::size_t>(it->index);
                if (i >= seen_.size()) seen_.resize(i + 1, 0);
                if (seen_[i] == epoch_) continue;
                seen_[i] = epoch_;
                forget(*it);
                if (is_question(it->type) && !it->dependents.empty()) changed_questions.push_back(it);
                for (const auto& child : it->items) subtree.push_back(child.get());
            }
        }
    }
}

}  // namespace carers::engine
