#include "kiosk/engine/item_ref.h"

namespace carers::engine {

int repeat_depth(const Item& item) {
    int depth = 0;
    for (const Item* i = &item; i != nullptr; i = i->parent)
        if (i->is_repeating_group()) ++depth;
    return depth;
}

ItemRef parent_of(const ItemRef& ref) {
    ItemRef p{ref.item ? ref.item->parent : nullptr, ref.reps};
    // A repeating group's own index belongs to it, not to its parent.
    if (ref.item && ref.item->is_repeating_group() && !p.reps.empty()) p.reps.pop_back();
    return p;
}

}  // namespace carers::engine
