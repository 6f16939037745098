#pragma once
// A school as the engine sees it: plain data, filled by census/.

#include "calc/compact_string.hpp"
#include "calc/decimal.hpp"
#include "calc/factor.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <memory>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace calc {

enum class Phase : std::uint8_t { primary, secondary, all_through, special, nursery, pru };
inline constexpr std::size_t kPhaseCount = 6;
inline constexpr std::size_t index_of(Phase p) { return static_cast<std::size_t>(p); }
enum class Governance : std::uint8_t { maintained, academy };

std::string_view name_of(Phase p);          ///< "primary", "all-through"...
std::optional<Phase> phase_from_name(std::string_view name);  ///< case-insensitive
std::string_view label_of(Phase p);         ///< "Primary", "All-through"...
std::string_view name_of(Governance g);     ///< "maintained", "academy"
std::optional<Governance> governance_from_name(std::string_view name);
/// Primary, secondary and all-through schools: the phases de-delegation applies to.
bool is_mainstream(Phase p);

/// Why a census cell holds no count: left blank, a DfE marker (`z` not
/// applicable, `x` not available, `c` suppressed), or the census has no such
/// column at all. A school may have no count for a factor no charge needs; a
/// charge that needs one is refused (an absent column is never a count of 0).
enum class NoCount : char { given = 0, blank, not_applicable, not_available, suppressed, no_column };

/// How a message names it: "blank", "\"z\" (not applicable)"...
std::string_view words_for(NoCount why);
/// The marker for a cell's text, or NoCount::given when it is a value:
/// "" -> blank, "z"/"x"/"c" (any case) -> the DfE markers.
NoCount no_count_marker(std::string_view cell);
/// The text a census CSV writes for it: "", "z", "x" or "c".
std::string_view cell_text(NoCount why);

/// A count as a school record keeps it: 16 bytes instead of a Decimal's 32.
/// Counts are never negative and the census loader bounds them (at most
/// 10,000,000, at most 12 significant decimal places), so the units fit an
/// unsigned 64-bit integer (10^19 < 1.8 × 10^19). The scale is kept as read,
/// so a count reads back as the same Decimal, digit for digit; trailing zeros
/// are dropped only where the units would not fit otherwise.
class PackedCount {
public:
    PackedCount() = default;
    PackedCount(const Decimal& value);  // NOLINT: every Decimal a school may hold converts; throws DecimalOverflow if not
    operator Decimal() const { return Decimal::from_units(static_cast<Decimal::Units>(units_), scale_); }  // NOLINT
    Decimal value() const { return *this; }
    bool is_zero() const { return units_ == 0; }
    std::string to_string() const { return value().to_string(); }
    std::uint64_t units() const { return units_; }
    int scale() const { return scale_; }

private:
    std::uint64_t units_ = 0;
    std::uint8_t scale_ = 0;
};

/// A school's census-column counts, packed: each count's units in a 64-bit
/// integer and its scale in a byte beside the others (thirteen PackedCounts
/// would take 208 bytes with their padding; these take 117). Reading gives a
/// Decimal; writing goes through PackedCount's checks.
class CensusCounts {
public:
    /// A writable slot: `counts[i] = value` checks and packs the value.
    class Slot {
    public:
        Slot(CensusCounts& counts, std::size_t i) : counts_(counts), i_(i) {}
        Slot& operator=(const Decimal& value) {
            counts_.set(i_, value);
            return *this;
        }
        operator Decimal() const { return std::as_const(counts_)[i_]; }  // NOLINT: reads like the count it is
        std::string to_string() const { return Decimal(*this).to_string(); }
        friend bool operator==(const Slot& a, const Decimal& b) { return Decimal(a) == b; }

    private:
        CensusCounts& counts_;
        std::size_t i_;
    };

    Decimal operator[](std::size_t i) const { return Decimal::from_units(static_cast<Decimal::Units>(units_[i]), scales_[i]); }
    Slot operator[](std::size_t i) { return Slot(*this, i); }
    void set(std::size_t i, const Decimal& value) {
        const PackedCount packed(value);
        units_[i] = packed.units();
        scales_[i] = static_cast<std::uint8_t>(packed.scale());
    }

private:
    std::array<std::uint64_t, kFactorCount> units_{};
    std::array<std::uint8_t, kFactorCount> scales_{};
};

/// The services a school is exempt from, by id. Most schools have none, so
/// this is one pointer (8 bytes, no heap block) until an id is added.
class ServiceIds {
public:
    ServiceIds() = default;
    ServiceIds(std::initializer_list<std::string> ids) { for (const std::string& id : ids) emplace_back(id); }
    ServiceIds(const ServiceIds& other) : ids_(other.ids_ ? std::make_unique<std::vector<std::string>>(*other.ids_) : nullptr) {}
    ServiceIds(ServiceIds&&) noexcept = default;
    ServiceIds& operator=(const ServiceIds& other) {
        if (this != &other) ids_ = other.ids_ ? std::make_unique<std::vector<std::string>>(*other.ids_) : nullptr;
        return *this;
    }
    ServiceIds& operator=(ServiceIds&&) noexcept = default;
    ~ServiceIds() = default;

    void emplace_back(std::string_view id) {
        if (!ids_) ids_ = std::make_unique<std::vector<std::string>>();
        ids_->emplace_back(id);
    }
    const std::string* begin() const { return ids_ ? ids_->data() : nullptr; }
    const std::string* end() const { return ids_ ? ids_->data() + ids_->size() : nullptr; }
    std::size_t size() const { return ids_ ? ids_->size() : 0; }
    bool empty() const { return size() == 0; }
    bool contains(std::string_view id) const {
        for (const std::string& x : *this)
            if (x == id) return true;
        return false;
    }
    friend bool operator==(const ServiceIds& a, const std::vector<std::string>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    std::unique_ptr<std::vector<std::string>> ids_;
};

/// One school of a census. Counts are exact pupils (fractional where the
/// census gives NOR × proportion); nothing here is rounded.
struct School {
    // What the engine reads for every service first, in one cache line: whether
    // and on what the school is charged; then the counts; the names last.
    Phase phase = Phase::primary;
    Governance governance = Governance::maintained;
    std::array<NoCount, kFactorCount> no_count{};     ///< per factor (census columns, PLACE): why there is no count, if none
    std::int32_t nor = 0;                             ///< pupils on roll (the loader bounds it at 10,000,000)
    std::uint32_t source_line = 0;                    ///< where the census row starts, for messages
    ServiceIds exempt;                                ///< service ids not charged
    CensusCounts census;                              ///< counts of the census-column factors and places (PLACE's slot); other slots unused
    CompactString urn;                                ///< 16 bytes each, not std::string's 32
    CompactString laestab;
    CompactString name;

    /// Special-school places (kept in the census counts, in PLACE's slot).
    Decimal places() const { return census[index_of(Factor::PLACE)]; }
    void set_places(const Decimal& value) { census[index_of(Factor::PLACE)] = value; }
};

/// False when the census cell for `factor` held no count (blank, z, x, c).
inline bool has_count(const School& school, Factor factor) {
    return school.no_count[index_of(factor)] == NoCount::given;
}

/// The count a factor is charged on, from where its row says (NOR for AWPU,
/// places for PLACE, one for LUMP, else its census column).
inline Decimal count_of(const School& school, Factor factor) {
    switch (row_of(factor).source) {
        case CountSource::nor: return Decimal(school.nor);
        case CountSource::places: return school.places();
        case CountSource::one: return Decimal(1);
        case CountSource::column: return school.census[index_of(factor)];
    }
    return Decimal(0);
}

/// The schools of one census, in file order.
struct Census {
    std::string source;  ///< file name, or "embedded: ..." for the shipped sample
    std::uint32_t header_line = 1;  ///< where the header row is, for messages about its columns
    std::vector<School> schools;
};

}  // namespace calc
