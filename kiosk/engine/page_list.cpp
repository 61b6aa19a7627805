#include "kiosk/engine/page_list.h"

namespace carers::engine {

namespace {

bool is_hint(const Item& it) { return it.type == ItemType::Display && it.control == ItemControl::Help; }

// Calls f(occurrence) for each occurrence of each child of `items` at `reps`.
template <typename F>
void for_each_occurrence(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                         const AnswerStore& answers, F&& f) {
    for (const auto& child : items) {
        if (is_hint(*child) || child->hidden) continue;
        if (child->is_repeating_group()) {
            int n = answers.repetitions(*child, reps);
            for (int r = 0; r < n; ++r) {
                Reps inner = reps;
                inner.push_back(r);
                f(ItemRef{child.get(), std::move(inner)});
            }
        } else {
            f(ItemRef{child.get(), reps});
        }
    }
}

void collect_anchors(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                     const AnswerStore& answers, std::vector<ItemRef>& out) {
    for_each_occurrence(items, reps, answers, [&](ItemRef occ) {
        const Item& it = *occ.item;
        if (it.is_group() && it.control != ItemControl::Page) {
            collect_anchors(it.items, occ.reps, answers, out);
            return;
        }
        out.push_back(occ);
        // Questions may carry follow-up items of their own; they come on the pages after it.
        if (!it.is_group() && !it.items.empty()) collect_anchors(it.items, occ.reps, answers, out);
    });
}

void collect_contents(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                      const AnswerStore& answers, std::vector<ItemRef>& out) {
    for_each_occurrence(items, reps, answers, [&](ItemRef occ) {
        const Item& it = *occ.item;
        out.push_back(occ);
        if (!it.items.empty()) collect_contents(it.items, occ.reps, answers, out);
    });
}

}  // namespace

std::vector<ItemRef> page_anchors(const Questionnaire& q, const AnswerStore& answers) {
    std::vector<ItemRef> out;
    collect_anchors(q.items, {}, answers, out);
    return out;
}

std::vector<ItemRef> page_contents(const ItemRef& anchor, const AnswerStore& answers) {
    std::vector<ItemRef> out{anchor};
    if (anchor.item->is_group()) {
        out.clear();
        collect_contents(anchor.item->items, anchor.reps, answers, out);
    }
    return out;
}

const Item* section_of(const Item& item) {
    const Item* top = &item;
    while (top->parent) top = top->parent;
    return top;
}

}  // namespace carers::engine
