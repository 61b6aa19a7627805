// Enablement: which item occurrences are enabled, from enableWhen, enableBehavior and parents.
//
// FHIR R4 semantics: an item is enabled when its parent is and its conditions hold (all, or any,
// per enableBehavior). A condition only sees answers of enabled occurrences of its question.
// '=' holds when at least one answer equals the value; '!=' when none does (so also when the
// question is unanswered); 'exists' compares "has an answer" with the boolean given. Inside
// repeating groups a condition reads the question in the same repetition as the item; where the
// question lies in a repetition the item is not part of, any occurrence counts.
#pragma once

#include <map>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

class Enablement {
public:
    explicit Enablement(const AnswerStore& answers) : answers_(answers) {}

    bool is_enabled(const ItemRef& ref) const;
    // Call after any change to the answers or repetitions.
    void invalidate() { cache_.clear(); }

private:
    bool compute(const ItemRef& ref) const;
    bool holds(const EnableWhen& cond, const ItemRef& at) const;

    const AnswerStore& answers_;
    mutable std::map<ItemRef, bool> cache_;
};

// The repeating groups around `item`, outermost first (including item if it is one).
std::vector<const Item*> repeating_ancestors(const Item& item);

}  // namespace carers::engine
