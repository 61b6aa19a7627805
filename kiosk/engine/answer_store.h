// AnswerStore: the answers given so far and how many repetitions each repeating group has.
//
// Plain storage: it does not know what is enabled or valid (enable_when.h and validation.h do).
// Answers to items that become disabled are kept, so that going back or changing a route never
// loses what a carer typed; the response leaves them out.
#pragma once

#include <map>
#include <vector>

#include "kiosk/engine/answer_value.h"
#include "kiosk/engine/item_ref.h"

namespace carers::engine {

class AnswerStore {
public:
    const std::vector<AnswerValue>& get(const ItemRef& ref) const;
    bool has(const ItemRef& ref) const { return !get(ref).empty(); }
    // Replaces the answers of ref; an empty list (or one empty string) removes them.
    void set(const ItemRef& ref, std::vector<AnswerValue> values);
    void clear(const ItemRef& ref);

    // Repetitions of a repeating group at the given enclosing reps (outer reps, without the group's
    // own index). Every repeating group starts with one.
    int repetitions(const Item& group, const Reps& outer) const;
    void set_repetitions(const Item& group, const Reps& outer, int count);
    // Removes repetition `index` of `group` at `outer`: wipes its answers (and those of groups
    // nested in it) and moves the later repetitions down by one. Refuses (false) to remove the
    // last remaining repetition or one that does not exist.
    bool remove_repetition(const Item& group, const Reps& outer, int index);

    // Every stored answer of `item` whose reps begin with `prefix` (all occurrences if empty).
    template <typename F> void for_each_answer_of(const Item& item, const Reps& prefix, F&& f) const {
        auto it = answers_.lower_bound(ItemRef{&item, prefix});
        for (; it != answers_.end() && it->first.item == &item; ++it) {
            const Reps& r = it->first.reps;
            if (r.size() < prefix.size() || !std::equal(prefix.begin(), prefix.end(), r.begin()))
                break;
            f(it->first, it->second);
        }
    }

    const std::map<ItemRef, std::vector<AnswerValue>>& all() const { return answers_; }
    const std::map<ItemRef, int>& all_repetitions() const { return repetitions_; }

    // Overwrites every string held with zeros and forgets everything.
    void wipe() noexcept;

private:
    std::map<ItemRef, std::vector<AnswerValue>> answers_;
    std::map<ItemRef, int> repetitions_;  // key: group item + outer reps
};

}  // namespace carers::engine
