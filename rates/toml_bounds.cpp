#include "rates/toml_bounds.hpp"

#include "calc/diagnostic.hpp"

#include <algorithm>

namespace rates {

namespace {

bool is_bare(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A forward scan that knows only what it must: strings, comments, brackets,
// and runs of key parts joined by dots. It never recurses.
class Scanner {
public:
    Scanner(std::string_view text, const std::string& file, const TomlBounds& bounds)
        : s_(text), file_(file), bounds_(bounds) {}

    void run() {
        if (s_.size() > bounds_.max_bytes)
            fail(0, "larger than " + std::to_string(bounds_.max_bytes) + " bytes (" + std::to_string(s_.size()) +
                        "); a schedule or ledger is a few KB");
        std::size_t depth = 0;
        bool line_start = true;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\n') {
                ++line_;
                ++i_;
                line_start = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                ++i_;
                continue;
            }
            if (c == '#') {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
                continue;
            }
            const bool header = c == '[' && depth == 0 && line_start;
            line_start = false;
            if (header) {
                ++i_;
                if (i_ < s_.size() && s_[i_] == '[') ++i_;
                key_chain(true);
            } else if (c == '[' || c == '{') {
                if (++depth > bounds_.max_nesting)
                    fail(line_, "arrays or inline tables nested more than " + std::to_string(bounds_.max_nesting) +
                                    " deep");
                ++i_;
            } else if (c == ']' || c == '}') {
                if (depth > 0) --depth;
                ++i_;
            } else if (c == '"' || c == '\'' || is_bare(c)) {
                key_chain(false);
            } else {
                ++i_;
            }
        }
    }

private:
    [[noreturn]] void fail(long line, std::string message) {
        throw calc::InputError({{file_, line, "", std::move(message)}});
    }

    void skip_blanks() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    }

    // At a quote: skips the string (basic, literal, or multi-line) and
    // returns the bytes between its quotes. An unclosed string ends the scan
    // of it; toml++ reports it.
    std::size_t skip_string() {
        const char quote = s_[i_];
        const bool triple = s_.substr(i_, 3) == std::string(3, quote);
        i_ += triple ? 3 : 1;
        const std::size_t from = i_;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\\' && quote == '"') {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++line_;
                i_ += 2;
                continue;
            }
            if (c == '\n') {
                if (!triple) return i_ - from;
                ++line_;
            } else if (c == quote && (!triple || s_.substr(i_, 3) == std::string(3, quote))) {
                const std::size_t length = i_ - from;
                i_ += triple ? 3 : 1;
                for (int extra = 0; triple && extra < 2 && i_ < s_.size() && s_[i_] == quote; ++extra) ++i_;
                return length;
            }
            ++i_;
        }
        i_ = std::min(i_, s_.size());
        return i_ - from;
    }

    // Parts joined by dots: a dotted key (a."b".c), or a value that looks
    // like one (3.14). Counted whatever it is; its part lengths are limited
    // only when it is a key (followed by = or inside a [header]).
    void key_chain(bool in_header) {
        const long line = line_;
        std::size_t parts = 0;
        std::size_t longest = 0;
        for (;;) {
            skip_blanks();
            if (i_ >= s_.size()) break;
            std::size_t length = 0;
            if (s_[i_] == '"' || s_[i_] == '\'') {
                length = skip_string();
            } else if (is_bare(s_[i_])) {
                const std::size_t from = i_;
                while (i_ < s_.size() && is_bare(s_[i_])) ++i_;
                length = i_ - from;
            } else {
                break;
            }
            longest = std::max(longest, length);
            if (++parts > bounds_.max_key_parts)
                fail(line, "a dotted key of more than " + std::to_string(bounds_.max_key_parts) + " parts (at most " +
                               std::to_string(bounds_.max_key_parts) + ")");
            skip_blanks();
            if (i_ < s_.size() && s_[i_] == '.') {
                ++i_;
                continue;
            }
            break;
        }
        const bool is_key = in_header || (i_ < s_.size() && s_[i_] == '=');
        if (is_key && longest > bounds_.max_key_bytes)
            fail(line, "a key of " + std::to_string(longest) + " bytes (at most " + std::to_string(bounds_.max_key_bytes) +
                           ")");
    }

    std::string_view s_;
    const std::string& file_;
    const TomlBounds& bounds_;
    std::size_t i_ = 0;
    long line_ = 1;
};

}  // namespace

void check_toml_bounds(std::string_view text, const std::string& file, const TomlBounds& bounds) {
    Scanner(text, file, bounds).run();
}

}  // namespace rates
