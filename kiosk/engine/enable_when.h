// Enablement: which item occurrences are enabled, from enableWhen, enableBehavior and parents.
//
// FHIR semantics: an item is enabled when its parent is and its conditions hold (all, or any,
// per enableBehavior). A condition only sees answers of enabled occurrences of its question.
// '=' holds when at least one answer equals the value; '!=' when none does (so also when the
// question is unanswered: R5's wording, which R4 implementations follow); the ordered operators
// when at least one answer compares so; 'exists' compares "has an answer" with the boolean given.
// Inside repeating groups a condition reads the question in the same repetition as the item;
// where the question lies in a repetition the item is not part of, any occurrence counts.
//
// Results are cached. After an answer changes, answer_changed() forgets only what can depend on
// that question (its dependents, their contents, and their dependents in turn), so one answer in
// a 3,000-item form costs what its chain costs, not what the form costs.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

class Enablement {
public:
    explicit Enablement(const AnswerStore& answers) : answers_(answers) {}

    bool is_enabled(const ItemRef& ref) const;
    // Call after the answers of `question` (any occurrence) changed.
    void answer_changed(const Item& question);
    // Call after anything else changed (repetitions added or removed, a draft restored).
    void invalidate();

private:
    bool compute(const ItemRef& ref) const;
    bool holds(const EnableWhen& cond, const ItemRef& at) const;
    void forget(const Item& item);

    const AnswerStore& answers_;
    // Occurrences outside repeating groups, by item index: -1 not known yet, 0 or 1.
    mutable std::vector<std::int8_t> flat_;
    // Occurrences inside repeating groups.
    mutable std::map<ItemRef, bool> nested_;
    std::vector<std::uint32_t> seen_;  // epoch marks for answer_changed's walk
    std::uint32_t epoch_ = 0;
};

// The repeating groups around `item`, outermost first (including item if it is one).
const std::vector<const Item*>& repeating_ancestors(const Item& item);

}  // namespace carers::engine
