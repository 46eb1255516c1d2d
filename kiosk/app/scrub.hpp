// Forgetting a visitor: every byte of their state is overwritten before it is released.
// scrub(x) destroys x, zeroes the memory it occupied (a short std::string keeps its text inside
// the object, past the terminator, after a plain `x = {}`), and makes a fresh x = T{}. What x
// kept on the heap is zeroed when freed, by the kiosk's zeroing operator delete
// (app/zeroing_heap.cpp), so no list of fields has to be kept in step with the structs.
#pragma once

#include <sodium.h>

#include <memory>
#include <new>
#include <type_traits>

namespace indgang::kiosk {

template <class T>
void scrub(T& x) {
    static_assert(std::is_default_constructible_v<T> && std::is_nothrow_destructible_v<T>);
    std::destroy_at(&x);
    sodium_memzero(static_cast<void*>(&x), sizeof(T));
    ::new (static_cast<void*>(&x)) T{};
}

}  // namespace indgang::kiosk
