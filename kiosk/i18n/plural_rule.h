// PluralRule: a language's gettext Plural-Forms header, e.g.
//   "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);"
// parsed once into a small expression tree and evaluated for any count.
//
// The expression language is the C subset gettext allows: the variable n, unsigned integer
// literals, ! * / % + - < <= > >= == != && || ?: and parentheses. Arithmetic is on unsigned long,
// as in GNU gettext; dividing by zero gives 0 instead of trapping.
#pragma once

#include <memory>
#include <string_view>

#include "kiosk/common/result.h"

namespace carers::i18n {

class PluralRule {
public:
    // English's rule: nplurals=2; plural=(n != 1).
    PluralRule();

    // Parses the value of a Plural-Forms header. Refuses a missing nplurals or plural, an nplurals
    // outside 1..6, an expression that does not parse, or trailing text.
    static Result<PluralRule> parse(std::string_view header);

    int nplurals() const { return nplurals_; }
    // Which msgstr[i] to use for count n; always within 0..nplurals-1 (an out-of-range result of
    // a faulty expression becomes 0).
    int index(unsigned long n) const;

    struct Node;

private:
    int nplurals_ = 2;
    std::shared_ptr<const Node> expr_;
};

}  // namespace carers::i18n
