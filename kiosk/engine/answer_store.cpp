#include "kiosk/engine/answer_store.h"

#include <algorithm>

#include "kiosk/common/secure_wipe.h"

namespace carers::engine {

namespace {
const std::vector<AnswerValue> no_answers;

void wipe_value(AnswerValue& v) noexcept {
    if (auto* s = std::get_if<std::string>(&v)) secure_wipe(*s);
    if (auto* c = std::get_if<Coding>(&v)) {
        secure_wipe(c->code);
        secure_wipe(c->display);
        secure_wipe(c->system);
    }
    if (auto* d = std::get_if<Date>(&v)) secure_wipe(d, sizeof *d);
    if (auto* i = std::get_if<std::int64_t>(&v)) secure_wipe(i, sizeof *i);
    if (auto* x = std::get_if<double>(&v)) secure_wipe(x, sizeof *x);
}

bool is_blank(const std::vector<AnswerValue>& values) {
    if (values.empty()) return true;
    if (values.size() == 1)
        if (auto* s = std::get_if<std::string>(&values[0])) return s->empty();
    return false;
}
}  // namespace

const std::vector<AnswerValue>& AnswerStore::get(const ItemRef& ref) const {
    auto it = answers_.find(ref);
    return it == answers_.end() ? no_answers : it->second;
}

void AnswerStore::set(const ItemRef& ref, std::vector<AnswerValue> values) {
    if (is_blank(values)) {
        clear(ref);
        return;
    }
    auto& slot = answers_[ref];
    for (auto& v : slot) wipe_value(v);
    slot = std::move(values);
}

void AnswerStore::clear(const ItemRef& ref) {
    auto it = answers_.find(ref);
    if (it == answers_.end()) return;
    for (auto& v : it->second) wipe_value(v);
    answers_.erase(it);
}

int AnswerStore::repetitions(const Item& group, const Reps& outer) const {
    auto it = repetitions_.find(ItemRef{&group, outer});
    return it == repetitions_.end() ? 1 : it->second;
}

void AnswerStore::set_repetitions(const Item& group, const Reps& outer, int count) {
    repetitions_[ItemRef{&group, outer}] = count < 1 ? 1 : count;
}

namespace {
// Moves the entries of `map` for items inside `group` at repetition > index of it down by one,
// and hands those at repetition == index to `drop` before erasing them.
template <typename V, typename Drop>
void shift_down(std::map<ItemRef, V>& map, const Item& group, const Reps& outer, int index,
                Drop&& drop) {
    const std::size_t pos = outer.size();
    std::vector<std::pair<ItemRef, V>> moved;
    for (auto it = map.begin(); it != map.end();) {
        const ItemRef& k = it->first;
        const bool inside = k.reps.size() > pos && group.contains(*k.item) &&
                            std::equal(outer.begin(), outer.end(), k.reps.begin());
        if (!inside || k.reps[pos] < index) {
            ++it;
            continue;
        }
        if (k.reps[pos] > index) {
            ItemRef to = k;
            --to.reps[pos];
            moved.emplace_back(std::move(to), std::move(it->second));
        }
        drop(it->second);  // the removed values, or what moving left behind
        it = map.erase(it);
    }
    for (auto& [k, v] : moved) map.emplace(std::move(k), std::move(v));
}
}  // namespace

bool AnswerStore::remove_repetition(const Item& group, const Reps& outer, int index) {
    const int n = repetitions(group, outer);
    if (n <= 1 || index < 0 || index >= n) return false;
    shift_down(answers_, group, outer, index, [](std::vector<AnswerValue>& values) {
        for (auto& v : values) wipe_value(v);
    });
    shift_down(repetitions_, group, outer, index, [](int&) {});
    set_repetitions(group, outer, n - 1);
    return true;
}

void AnswerStore::wipe() noexcept {
    for (auto& [ref, values] : answers_)
        for (auto& v : values) wipe_value(v);
    answers_.clear();
    repetitions_.clear();
}

}  // namespace carers::engine
