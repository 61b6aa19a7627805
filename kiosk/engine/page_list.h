// How a questionnaire is cut into pages, GOV.UK style: one question per page, except that a group
// with itemControl "page" is one page showing all its items. Other groups only organise their
// children (a top-level group is a section of the form). Hint items (display items with
// itemControl "help") belong to their question, and hidden items are never shown.
#pragma once

#include <vector>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/item_ref.h"

namespace carers::engine {

// The item occurrence each page is anchored on (a question, a display item or a page group), in
// form order, for every repetition of every repeating group. Includes disabled pages.
std::vector<ItemRef> page_anchors(const Questionnaire& q, const AnswerStore& answers);

// Everything a page shows, in order: for a page group its nested items (groups included, so the
// view can draw them as headings), otherwise just the anchor. Includes disabled occurrences.
std::vector<ItemRef> page_contents(const ItemRef& anchor, const AnswerStore& answers);

// The top-level item containing `item` (itself when it is top level).
const Item* section_of(const Item& item);

}  // namespace carers::engine
