#include "kiosk/engine/page_list.h"

namespace carers::engine {

namespace {

bool is_hint(const Item& it) { return it.type == ItemType::Display && it.control == ItemControl::Help; }

bool offers_add_another(const Item& group) { return !(group.max_occurs && *group.max_occurs == 1); }

// Calls f(occurrence) for each occurrence of each child of `items` at `reps`, and after the
// repetitions of a repeating group calls after_group(group, reps).
template <typename F, typename G>
void for_each_occurrence(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                         const AnswerStore& answers, F&& f, G&& after_group) {
    for (const auto& child : items) {
        if (is_hint(*child) || child->hidden) continue;
        if (child->is_repeating_group()) {
            int n = answers.repetitions(*child, reps);
            for (int r = 0; r < n; ++r) {
                Reps inner = reps;
                inner.push_back(r);
                f(ItemRef{child.get(), std::move(inner)});
            }
            after_group(*child, reps);
        } else {
            f(ItemRef{child.get(), reps});
        }
    }
}

void collect_anchors(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                     const AnswerStore& answers, std::vector<ItemRef>& out) {
    for_each_occurrence(
        items, reps, answers,
        [&](ItemRef occ) {
            const Item& it = *occ.item;
            if (it.is_group() && it.control != ItemControl::Page) {
                collect_anchors(it.items, occ.reps, answers, out);
                return;
            }
            out.push_back(occ);
            // Questions may carry follow-up items of their own; they come on the pages after it.
            if (!it.is_group() && !it.items.empty()) collect_anchors(it.items, occ.reps, answers, out);
        },
        [&](const Item& group, const Reps& outer) {
            if (offers_add_another(group)) out.push_back(ItemRef{&group, outer});
        });
}

void collect_contents(const std::vector<std::unique_ptr<Item>>& items, const Reps& reps,
                      const AnswerStore& answers, std::vector<ItemRef>& out) {
    for_each_occurrence(
        items, reps, answers,
        [&](ItemRef occ) {
            const Item& it = *occ.item;
            out.push_back(occ);
            if (!it.items.empty()) collect_contents(it.items, occ.reps, answers, out);
        },
        [](const Item&, const Reps&) {});
}

void collect_occurrences(const Item& item, std::size_t level, const Reps& reps,
                         const AnswerStore& answers, std::vector<ItemRef>& out) {
    if (level == item.repeating_groups.size()) {
        out.push_back(ItemRef{&item, reps});
        return;
    }
    const int n = answers.repetitions(*item.repeating_groups[level], reps);
    for (int r = 0; r < n; ++r) {
        Reps inner = reps;
        inner.push_back(r);
        collect_occurrences(item, level + 1, inner, answers, out);
    }
}

}  // namespace

std::vector<ItemRef> page_anchors(const Questionnaire& q, const AnswerStore& answers) {
    std::vector<ItemRef> out;
    out.reserve(q.all_items().size());
    collect_anchors(q.items, {}, answers, out);
    return out;
}

bool is_add_another(const ItemRef& anchor) {
    return anchor.item && anchor.item->is_repeating_group() &&
           anchor.reps.size() + 1 == anchor.item->repeating_groups.size();
}

std::vector<ItemRef> page_contents(const ItemRef& anchor, const AnswerStore& answers) {
    if (is_add_another(anchor)) return {};
    std::vector<ItemRef> out{anchor};
    if (anchor.item->is_group()) {
        out.clear();
        collect_contents(anchor.item->items, anchor.reps, answers, out);
    }
    return out;
}

ItemRef page_of(const ItemRef& ref) {
    const Item* page = ref.item;
    for (const Item* p = ref.item; p != nullptr; p = p->parent)
        if (p->is_group() && p->control == ItemControl::Page) page = p;
    Reps reps = ref.reps;
    reps.resize(page->repeating_groups.size());
    return ItemRef{page, std::move(reps)};
}

const Item* section_of(const Item& item) {
    const Item* top = &item;
    while (top->parent) top = top->parent;
    return top;
}

std::vector<ItemRef> occurrences_of(const Item& item, const AnswerStore& answers) {
    std::vector<ItemRef> out;
    collect_occurrences(item, 0, {}, answers, out);
    return out;
}

}  // namespace carers::engine
