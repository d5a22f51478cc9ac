// An optional value kept on the heap. Absent, it is one pointer (4 bytes in wasm) where a
// std::optional holds the whole value inline: the catalog's rarely present members (a route's
// flex and priority rates, a model's absent facts) would otherwise cost their full size on each of
// the 80,000 routes and 20,000 models of a 20k-model catalog. Present, it is a copy like std::optional's, and it reads
// like one: bool, *, ->, emplace, reset, ==.
#pragma once

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace versus {

template <class T>
class Boxed {
 public:
  using value_type = T;

  Boxed() = default;
  Boxed(std::nullopt_t) {}
  Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}
  Boxed(const Boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }
  Boxed& operator=(T value) {
    emplace(std::move(value));
    return *this;
  }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  void reset() { p_.reset(); }

  friend bool operator==(const Boxed& a, const Boxed& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }

 private:
  std::unique_ptr<T> p_;
};

// std::optional<T> or Boxed<T>: a member that may be absent, read and written the same way by
// every archive (the JSON reader, the pack's writer and reader).
template <class O>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsOptional<Boxed<T>> : std::true_type {};
template <class O>
concept OptionalMember = IsOptional<std::remove_cvref_t<O>>::value;

}  // namespace versus
