#pragma once
// A string in 16 bytes, for the text a school record keeps (URN, LAESTAB,
// name): up to 15 bytes sit inside it, longer text in one heap block of its
// size. std::string takes 32 bytes for the same, so a million schools keep
// 48 MB less. It reads as a std::string_view; it is not a general string.

#include <cstdint>
#include <compare>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace calc {

class CompactString {
public:
    CompactString() noexcept { set_inline_size(0); }
    CompactString(std::string_view text) { assign(text); }                    // NOLINT: text converts
    CompactString(const std::string& text) : CompactString(std::string_view(text)) {}  // NOLINT
    CompactString(const char* text) : CompactString(std::string_view(text)) {}       // NOLINT
    CompactString(const CompactString& other) { assign(other.view()); }
    CompactString(CompactString&& other) noexcept {
        std::memcpy(bytes_, other.bytes_, sizeof bytes_);
        other.set_inline_size(0);
    }
    CompactString& operator=(const CompactString& other) {
        if (this != &other) {
            CompactString copy(other);
            swap(copy);
        }
        return *this;
    }
    CompactString& operator=(CompactString&& other) noexcept {
        CompactString moved(std::move(other));
        swap(moved);
        return *this;
    }
    CompactString& operator=(std::string_view text) {
        CompactString copy(text);
        swap(copy);
        return *this;
    }
    CompactString& operator=(const std::string& text) { return *this = std::string_view(text); }
    CompactString& operator=(const char* text) { return *this = std::string_view(text); }
    ~CompactString() {
        if (on_heap()) delete[] heap_pointer();
    }

    void swap(CompactString& other) noexcept {
        unsigned char tmp[sizeof bytes_];
        std::memcpy(tmp, bytes_, sizeof bytes_);
        std::memcpy(bytes_, other.bytes_, sizeof bytes_);
        std::memcpy(other.bytes_, tmp, sizeof bytes_);
    }

    std::string_view view() const noexcept { return {data(), size()}; }
    operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as the text it is
    operator std::string() const { return std::string(view()); }   // NOLINT
    std::string str() const { return std::string(view()); }
    const char* data() const noexcept { return on_heap() ? heap_pointer() : reinterpret_cast<const char*>(bytes_); }
    const char* c_str() const noexcept { return data(); }  // always NUL-terminated
    std::size_t size() const noexcept { return on_heap() ? heap_size() : kInline - bytes_[kInline]; }
    bool empty() const noexcept { return size() == 0; }
    std::size_t find(std::string_view needle, std::size_t from = 0) const noexcept { return view().find(needle, from); }

    friend bool operator==(const CompactString& a, const CompactString& b) noexcept { return a.view() == b.view(); }
    friend bool operator==(const CompactString& a, std::string_view b) noexcept { return a.view() == b; }
    friend bool operator==(const CompactString& a, const std::string& b) noexcept { return a.view() == b; }
    friend bool operator==(const CompactString& a, const char* b) noexcept { return a.view() == b; }
    friend auto operator<=>(const CompactString& a, const CompactString& b) noexcept { return a.view() <=> b.view(); }
    friend std::string operator+(std::string a, const CompactString& b) { return a.append(b.view()); }
    friend std::string operator+(const char* a, const CompactString& b) { return std::string(a).append(b.view()); }
    friend std::string operator+(const CompactString& a, std::string_view b) { return std::string(a.view()).append(b); }
    friend std::string operator+(const CompactString& a, const char* b) { return std::string(a.view()).append(b); }
    friend std::ostream& operator<<(std::ostream& out, const CompactString& s) { return out << s.view(); }

private:
    // Inline: the text in bytes_[0..n), zeros after it, and bytes_[15] = 15 - n
    // (so 15 bytes of text end in the zero that says so). On the heap:
    // a pointer, a 32-bit size, and bytes_[15] = kHeap.
    static constexpr std::size_t kInline = 15;
    static constexpr unsigned char kHeap = 0x80;

    bool on_heap() const noexcept { return bytes_[kInline] == kHeap; }
    char* heap_pointer() const noexcept {
        char* p;
        std::memcpy(&p, bytes_, sizeof p);
        return p;
    }
    std::size_t heap_size() const noexcept {
        std::uint32_t n;
        std::memcpy(&n, bytes_ + sizeof(char*), sizeof n);
        return n;
    }
    void set_inline_size(std::size_t n) noexcept {
        std::memset(bytes_, 0, sizeof bytes_);
        bytes_[kInline] = static_cast<unsigned char>(kInline - n);
    }
    void assign(std::string_view text) {
        if (text.size() <= kInline) {
            set_inline_size(text.size());
            if (!text.empty()) std::memcpy(bytes_, text.data(), text.size());
            return;
        }
        if (text.size() > UINT32_MAX) throw std::length_error("CompactString: text over 4 GiB");
        char* p = new char[text.size() + 1];
        std::memcpy(p, text.data(), text.size());
        p[text.size()] = '\0';
        const auto n = static_cast<std::uint32_t>(text.size());
        std::memset(bytes_, 0, sizeof bytes_);
        std::memcpy(bytes_, &p, sizeof p);
        std::memcpy(bytes_ + sizeof p, &n, sizeof n);
        bytes_[kInline] = kHeap;
    }

    alignas(8) unsigned char bytes_[16];
};

static_assert(sizeof(CompactString) == 16);

}  // namespace calc
