#include "kiosk/i18n/plural_rule.h"

#include <string>

namespace carers::i18n {

struct PluralRule::Node {
    enum class Op { Number, N, Not, Mul, Div, Mod, Add, Sub, Lt, Le, Gt, Ge, Eq, Ne, And, Or, Cond };
    Op op = Op::Number;
    unsigned long value = 0;
    std::unique_ptr<Node> a, b, c;
};

namespace {

using Node = PluralRule::Node;
using Op = Node::Op;

std::unique_ptr<Node> make(Op op, std::unique_ptr<Node> a = nullptr, std::unique_ptr<Node> b = nullptr,
                           std::unique_ptr<Node> c = nullptr) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->a = std::move(a);
    n->b = std::move(b);
    n->c = std::move(c);
    return n;
}

unsigned long eval(const Node& e, unsigned long n) {
    switch (e.op) {
    case Op::Number: return e.value;
    case Op::N: return n;
    case Op::Not: return !eval(*e.a, n);
    case Op::Cond: return eval(*e.a, n) ? eval(*e.b, n) : eval(*e.c, n);
    case Op::And: return eval(*e.a, n) && eval(*e.b, n);
    case Op::Or: return eval(*e.a, n) || eval(*e.b, n);
    default: break;
    }
    unsigned long x = eval(*e.a, n), y = eval(*e.b, n);
    switch (e.op) {
    case Op::Mul: return x * y;
    case Op::Div: return y ? x / y : 0;
    case Op::Mod: return y ? x % y : 0;
    case Op::Add: return x + y;
    case Op::Sub: return x - y;
    case Op::Lt: return x < y;
    case Op::Le: return x <= y;
    case Op::Gt: return x > y;
    case Op::Ge: return x >= y;
    case Op::Eq: return x == y;
    case Op::Ne: return x != y;
    default: return 0;
    }
}

// Recursive descent over C precedence: ?: < || < && < == != < relational < + - < * / % < unary.
class ExprParser {
public:
    explicit ExprParser(std::string_view s) : s_(s) {}

    std::unique_ptr<Node> parse_all() {
        auto e = conditional();
        skip();
        if (e && i_ != s_.size()) fail("unexpected '" + std::string(1, s_[i_]) + "'");
        return ok() ? std::move(e) : nullptr;
    }
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

private:
    void fail(std::string why) {
        if (error_.empty()) error_ = std::move(why);
    }
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\\')) ++i_;
    }
    bool accept(std::string_view tok) {
        skip();
        if (s_.substr(i_, tok.size()) != tok) return false;
        // "<" must not swallow the first half of "<=", nor "!" of "!=".
        if (tok.size() == 1 && i_ + 1 < s_.size() && s_[i_ + 1] == '=' && (tok == "<" || tok == ">" || tok == "!"))
            return false;
        i_ += tok.size();
        return true;
    }

    std::unique_ptr<Node> conditional() {
        auto cond = logical_or();
        if (!cond || !accept("?")) return cond;
        auto yes = conditional();
        if (!accept(":")) {
            fail("'?' without ':'");
            return nullptr;
        }
        auto no = conditional();
        if (!yes || !no) return nullptr;
        return make(Op::Cond, std::move(cond), std::move(yes), std::move(no));
    }
    std::unique_ptr<Node> logical_or() {
        auto l = logical_and();
        while (l && accept("||")) l = binary(Op::Or, std::move(l), logical_and());
        return l;
    }
    std::unique_ptr<Node> logical_and() {
        auto l = equality();
        while (l && accept("&&")) l = binary(Op::And, std::move(l), equality());
        return l;
    }
    std::unique_ptr<Node> equality() {
        auto l = relational();
        for (;;) {
            if (l && accept("==")) l = binary(Op::Eq, std::move(l), relational());
            else if (l && accept("!=")) l = binary(Op::Ne, std::move(l), relational());
            else return l;
        }
    }
    std::unique_ptr<Node> relational() {
        auto l = additive();
        for (;;) {
            if (l && accept("<=")) l = binary(Op::Le, std::move(l), additive());
            else if (l && accept(">=")) l = binary(Op::Ge, std::move(l), additive());
            else if (l && accept("<")) l = binary(Op::Lt, std::move(l), additive());
            else if (l && accept(">")) l = binary(Op::Gt, std::move(l), additive());
            else return l;
        }
    }
    std::unique_ptr<Node> additive() {
        auto l = multiplicative();
        for (;;) {
            if (l && accept("+")) l = binary(Op::Add, std::move(l), multiplicative());
            else if (l && accept("-")) l = binary(Op::Sub, std::move(l), multiplicative());
            else return l;
        }
    }
    std::unique_ptr<Node> multiplicative() {
        auto l = unary();
        for (;;) {
            if (l && accept("*")) l = binary(Op::Mul, std::move(l), unary());
            else if (l && accept("/")) l = binary(Op::Div, std::move(l), unary());
            else if (l && accept("%")) l = binary(Op::Mod, std::move(l), unary());
            else return l;
        }
    }
    std::unique_ptr<Node> unary() {
        if (++depth_ > 64) {
            fail("the expression is nested too deeply");
            return nullptr;
        }
        std::unique_ptr<Node> r;
        if (accept("!")) {
            auto a = unary();
            if (a) r = make(Op::Not, std::move(a));
        } else if (accept("(")) {
            r = conditional();
            if (r && !accept(")")) {
                fail("a '(' is not closed");
                r = nullptr;
            }
        } else if (accept("n")) {
            r = make(Op::N);
        } else {
            skip();
            if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
                r = make(Op::Number);
                while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && r->value < 1000000000UL)
                    r->value = r->value * 10 + static_cast<unsigned long>(s_[i_++] - '0');
            } else {
                fail(i_ < s_.size() ? "unexpected '" + std::string(1, s_[i_]) + "'" : "the expression ends too early");
            }
        }
        --depth_;
        return r;
    }
    std::unique_ptr<Node> binary(Op op, std::unique_ptr<Node> l, std::unique_ptr<Node> r) {
        if (!r) return nullptr;
        return make(op, std::move(l), std::move(r));
    }

    std::string_view s_;
    std::size_t i_ = 0;
    int depth_ = 0;
    std::string error_;
};

// The text after "key=" up to the next ';' (or the end).
std::string_view field(std::string_view header, std::string_view key) {
    std::size_t at = 0;
    while ((at = header.find(key, at)) != std::string_view::npos) {
        std::size_t eq = at + key.size();
        while (eq < header.size() && header[eq] == ' ') ++eq;
        bool starts_word = at == 0 || header[at - 1] == ' ' || header[at - 1] == ';' || header[at - 1] == '\t';
        if (starts_word && eq < header.size() && header[eq] == '=') {
            std::size_t end = header.find(';', eq + 1);
            return header.substr(eq + 1, end == std::string_view::npos ? std::string_view::npos : end - eq - 1);
        }
        at = eq;
    }
    return {};
}

}  // namespace

PluralRule::PluralRule() {
    static const auto english = [] {
        ExprParser p("n != 1");
        return std::shared_ptr<const Node>(p.parse_all());
    }();
    expr_ = english;
}

Result<PluralRule> PluralRule::parse(std::string_view header) {
    std::string_view count = field(header, "nplurals");
    std::string_view expr = field(header, "plural");
    if (count.empty() || expr.empty())
        return make_error("The Plural-Forms header needs both nplurals=... and plural=...;");
    int n = 0;
    for (char c : count) {
        if (c == ' ') continue;
        if (c < '0' || c > '9' || n > 10) return make_error("nplurals in the Plural-Forms header is not a small number.");
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 6) return make_error("nplurals in the Plural-Forms header must be between 1 and 6.");
    ExprParser p(expr);
    auto tree = p.parse_all();
    if (!tree) return make_error("The plural expression in the Plural-Forms header does not parse: " + p.error() + ".");
    PluralRule rule;
    rule.nplurals_ = n;
    rule.expr_ = std::shared_ptr<const Node>(std::move(tree));
    return rule;
}

int PluralRule::index(unsigned long n) const {
    unsigned long i = eval(*expr_, n);
    return i < static_cast<unsigned long>(nplurals_) ? static_cast<int>(i) : 0;
}

}  // namespace carers::i18n
