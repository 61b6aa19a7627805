// Result<T>: the value of an operation that can fail in a way a person should be told about.
//
// Errors are values carrying one plain sentence a carer or staff member can read ("The form file
// is empty."), never a stack trace. Bugs are asserts, not Results. Exceptions do not cross module
// boundaries: a module catches what its libraries throw and returns a Result instead.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace carers {

struct Error {
    std::string message;  // one human sentence, safe to show and to log (no personal data)
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok() && "value() on a failed Result");
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(ok() && "value() on a failed Result");
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok() && "value() on a failed Result");
        return std::get<0>(std::move(state_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        assert(!ok() && "error() on a successful Result");
        return std::get<1>(state_);
    }
    const std::string& message() const { return error().message; }

private:
    std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(failed_ && "error() on a successful Result");
        return error_;
    }
    const std::string& message() const { return error().message; }

private:
    Error error_;
    bool failed_ = false;
};

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace carers
