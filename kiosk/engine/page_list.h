// How a questionnaire is cut into pages, GOV.UK style: one question per page, except that a group
// with itemControl "page" is one page showing all its items. Other groups only organise their
// children (a top-level group is a section of the form). Hint items (display items with
// itemControl "help") belong to their question, and hidden items are never shown. After the
// repetitions of a repeating group comes an "add another" page listing them (unless maxOccurs
// is 1).
#pragma once

#include <vector>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/item_ref.h"

namespace carers::engine {

// The item occurrence each page is anchored on (a question, a display item, a page group, or for
// an add-another page the repeating group with its outer reps only), in form order, for every
// repetition of every repeating group. Includes disabled pages.
std::vector<ItemRef> page_anchors(const Questionnaire& q, const AnswerStore& answers);

// Whether `anchor` is the add-another page of a repeating group: the group with the reps of the
// groups around it but not its own index.
bool is_add_another(const ItemRef& anchor);

// Everything a page shows, in order: for a page group its nested items (groups included, so the
// view can draw them as headings), otherwise just the anchor; nothing for an add-another page.
// Includes disabled occurrences.
std::vector<ItemRef> page_contents(const ItemRef& anchor, const AnswerStore& answers);

// The anchor of the page that shows `ref` (itself, or its outermost enclosing page group).
ItemRef page_of(const ItemRef& ref);

// The top-level item containing `item` (itself when it is top level).
const Item* section_of(const Item& item);

// Every occurrence of `item` that exists now, given the repetitions of the groups around it.
std::vector<ItemRef> occurrences_of(const Item& item, const AnswerStore& answers);

}  // namespace carers::engine
