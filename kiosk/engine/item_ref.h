// ItemRef: one occurrence of an item in a form being filled in.
//
// An item inside repeating groups occurs once per repetition; `reps` says which repetition of each
// enclosing repeating group (outermost first; a repeating group's own occurrence index is the last
// element of its own reps). Outside any repeating group `reps` is empty.
#pragma once

#include <compare>
#include <vector>

#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

using Reps = std::vector<int>;

struct ItemRef {
    const Item* item = nullptr;
    Reps reps;

    friend bool operator==(const ItemRef& a, const ItemRef& b) {
        return a.item == b.item && a.reps == b.reps;
    }
    friend std::strong_ordering operator<=>(const ItemRef& a, const ItemRef& b) {
        int ai = a.item ? a.item->index : -1, bi = b.item ? b.item->index : -1;
        if (auto c = ai <=> bi; c != 0) return c;
        return a.reps <=> b.reps;
    }
};

// The occurrence of `ref`'s parent item that contains it; item is null at the top level.
ItemRef parent_of(const ItemRef& ref);

// How many repeating groups enclose `item` (counting itself if it is one): the length of the reps
// of any of its occurrences.
int repeat_depth(const Item& item);

}  // namespace carers::engine
