// The speed-of-light reference for `dedeleg calc --census C --out O` (issue 10):
// the least an exact program has to do for the default schedule (Havering
// 2025-26) on a census written by `dedeleg synth`, so that every end-to-end
// figure in bench/RESULTS.md can be quoted as a ratio to it.
//
//   dedeleg_speed_of_light --census C.csv [--out O.csv]
//
// Memory-maps the census, parses each number with std::from_chars into int64
// fixed point (counts at 6 places, rates at 4), sums rate × count exactly in
// __int128 (10 places), rounds once per school per service to the penny,
// half up (the schedule's `rounding`, the point calc::calculate_service rounds
// at), and writes the wide CSV (URN,LAESTAB,School,Phase,<service ids>,Total
// and a TOTAL row) from one reused buffer. An --out file is written beside
// the target, fsync'ed and renamed, as dedeleg does. There is no validation:
// it is run only on censuses dedeleg accepts (a count with more than 6
// decimal places, a _prop column or a quoted field is refused rather than
// read wrongly). It links no dedeleg library on purpose; the ctest
// speed_of_light_matches_calc keeps its output byte-identical to `dedeleg calc`.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <initializer_list>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

__extension__ typedef __int128 int128;  // GCC and Clang; exact sums of rate × count

enum Factor : int { AWPU, FSM, FSM6, EAL3, IDACI_A, IDACI_B, IDACI_C, IDACI_D, IDACI_E, IDACI_F, LPA, PLACE, LUMP, kFactors };
enum Phase : int { primary, secondary, all_through, special, nursery, pru };
constexpr std::array<std::string_view, 6> kPhaseNames = {"primary", "secondary", "all-through", "special", "nursery", "pru"};

constexpr std::int64_t kCountScale = 1'000'000;  // counts: 6 decimal places
constexpr int kCountPlaces = 6;
// rate × count is at 10 places; a penny is 10^8 of those.
constexpr int128 kPenny = 100'000'000;

struct Service {
    std::string_view id;
    bool education_function;  // also charged to maintained special schools (per place)
    unsigned phases;          // bit per Phase the service covers
    std::array<std::int64_t, kFactors> rate;  // pounds × 10^4, per factor (0 = not charged)
};

constexpr unsigned bit(Phase p) { return 1u << p; }

// "40.49" -> 404900: a rate as written in the schedule, at 4 places.
constexpr std::int64_t rate(std::string_view text) {
    std::int64_t value = 0;
    int places = -1;
    for (char c : text) {
        if (c == '.') places = 0;
        else {
            value = value * 10 + (c - '0');
            if (places >= 0) ++places;
        }
    }
    for (int p = places < 0 ? 0 : places; p < 4; ++p) value *= 10;
    return value;
}
static_assert(rate("40.49") == 404900 && rate("21") == 210000 && rate("10.551") == 105510);

constexpr std::array<std::int64_t, kFactors> rates(std::initializer_list<std::pair<Factor, std::string_view>> given) {
    std::array<std::int64_t, kFactors> out{};
    for (const auto& [factor, text] : given) out[static_cast<std::size_t>(factor)] = rate(text);
    return out;
}

// Source: rates/havering/2025-26.toml (the schedule dedeleg embeds as its default),
// each service's rates as written there (no option is selected, so the first).
constexpr std::array<Service, 8> kSchedule = {{
    {"insurance", false, bit(primary), rates({{AWPU, "21.00"}})},
    {"fsm-eligibility", false, bit(primary), rates({{FSM, "9.50"}})},
    {"maternity", false, bit(primary), rates({{AWPU, "40.49"}})},
    {"eal", false, bit(primary), rates({{EAL3, "38.00"}})},
    {"behaviour-support", false, bit(primary),
     rates({{AWPU, "5.00"}, {FSM6, "2.00"}, {IDACI_E, "14.08"}, {IDACI_D, "22.08"}, {IDACI_C, "12.05"},
            {IDACI_B, "7.71"}, {IDACI_A, "10.07"}, {LPA, "5.00"}})},
    {"trade-union", false, bit(primary), rates({{AWPU, "2.80"}})},
    {"statutory-duties", true, bit(primary) | bit(special), rates({{AWPU, "19.33"}, {PLACE, "45.00"}})},
    {"school-improvement", true, bit(primary) | bit(special), rates({{AWPU, "3.38"}, {PLACE, "10.14"}})},
}};
constexpr std::size_t kServices = kSchedule.size();

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "dedeleg_speed_of_light: %s\n", what.c_str());
    std::exit(2);
}

// A census column's role.
enum Role : int { r_ignore, r_urn, r_laestab, r_school, r_phase, r_governance, r_nor, r_places, r_exempt, r_count };

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
        const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] + 32) : b[i];
        if (x != y) return false;
    }
    return true;
}

struct Column {
    Role role = r_ignore;
    int factor = 0;
};

Column column_for(std::string_view name) {
    constexpr std::array<std::pair<std::string_view, Role>, 8> plain = {{{"urn", r_urn},
                                                                        {"laestab", r_laestab},
                                                                        {"school", r_school},
                                                                        {"phase", r_phase},
                                                                        {"governance", r_governance},
                                                                        {"nor", r_nor},
                                                                        {"places", r_places},
                                                                        {"exempt", r_exempt}}};
    for (const auto& [n, role] : plain)
        if (same_ignoring_case(name, n)) return {role, 0};
    constexpr std::array<std::string_view, kFactors> codes = {"AWPU",    "FSM",     "FSM6",    "EAL3",    "IDACI_A",
                                                              "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "IDACI_F",
                                                              "LPA",     "PLACE",   "LUMP"};
    for (int f = FSM; f <= LPA; ++f)
        if (same_ignoring_case(name, codes[static_cast<std::size_t>(f)])) return {r_count, f};
    if (name.size() > 5 && same_ignoring_case(name.substr(name.size() - 5), "_prop"))
        fail("a _prop column is not supported here: " + std::string(name));
    return {};
}

// A non-negative decimal "123" or "123.456" as an integer × 10^6.
std::int64_t fixed6(const char* first, const char* last) {
    std::int64_t whole = 0;
    auto [p, ec] = std::from_chars(first, last, whole);
    if (ec != std::errc()) fail("not a number: " + std::string(first, last));
    std::int64_t value = whole * kCountScale;
    if (p != last && *p == '.') {
        ++p;
        const auto digits = last - p;
        if (digits > kCountPlaces) fail("more than 6 decimal places: " + std::string(first, last));
        std::int64_t fraction = 0;
        if (digits > 0 && std::from_chars(p, last, fraction).ptr != last) fail("not a number: " + std::string(first, last));
        for (auto d = digits; d < kCountPlaces; ++d) fraction *= 10;
        value += fraction;
    } else if (p != last) {
        fail("not a number: " + std::string(first, last));
    }
    return value;
}

Phase phase_of(std::string_view s) {
    const char c = s.empty() ? '?' : static_cast<char>(s[0] | 0x20);
    if (c == 'p') return s.size() == 3 ? pru : primary;
    if (c == 's') return s.size() == 7 ? special : secondary;
    if (c == 'a') return all_through;
    if (c == 'n') return nursery;
    fail("unknown phase: " + std::string(s));
}

bool exempt_from(std::string_view list, std::string_view id) {
    while (!list.empty()) {
        const std::size_t semi = list.find(';');
        std::string_view item = list.substr(0, semi);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item == id) return true;
        if (semi == std::string_view::npos) break;
        list.remove_prefix(semi + 1);
    }
    return false;
}

// The output: one buffer, flushed to the file descriptor whenever it passes 1 MB.
class Out {
public:
    explicit Out(int fd) : fd_(fd) { buf_.reserve(kFlushAt + 4096); }
    void put(std::string_view s) { buf_.append(s); }
    void put(char c) { buf_.push_back(c); }
    void pennies(std::int64_t p) {
        char text[32];
        const bool negative = p < 0;
        std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(p) : static_cast<std::uint64_t>(p);
        char* end = std::to_chars(text, text + sizeof text, u / 100).ptr;
        *end++ = '.';
        *end++ = static_cast<char>('0' + u % 100 / 10);
        *end++ = static_cast<char>('0' + u % 10);
        if (negative) buf_.push_back('-');
        buf_.append(text, end);
    }
    void end_row() {
        buf_.push_back('\n');
        if (buf_.size() >= kFlushAt) flush();
    }
    void flush() {
        const char* p = buf_.data();
        std::size_t left = buf_.size();
        while (left > 0) {
            const ssize_t n = ::write(fd_, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                fail(std::string("write failed: ") + std::strerror(errno));
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        buf_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    int fd_;
    std::string buf_;
};

}  // namespace

int main(int argc, char** argv) {
    std::string census_path, out_path;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--census") census_path = argv[i + 1];
        else if (flag == "--out") out_path = argv[i + 1];
        else fail("usage: dedeleg_speed_of_light --census C.csv [--out O.csv]");
    }
    if (census_path.empty() || argc % 2 == 0) fail("usage: dedeleg_speed_of_light --census C.csv [--out O.csv]");

    const int in = ::open(census_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) fail(census_path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(in, &st) != 0 || st.st_size == 0) fail(census_path + ": empty or unreadable");
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, in, 0);
    if (map == MAP_FAILED) fail(census_path + ": " + std::strerror(errno));
    ::madvise(map, size, MADV_SEQUENTIAL);
    const char* p = static_cast<const char*>(map);
    const char* const end = p + size;
    if (size >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;  // a BOM

    auto line_end = [&](const char* from) {
        const void* nl = std::memchr(from, '\n', static_cast<std::size_t>(end - from));
        return nl ? static_cast<const char*>(nl) : end;
    };

    // The header: each column's role.
    std::vector<Column> columns;
    {
        const char* eol = line_end(p);
        std::string_view header(p, static_cast<std::size_t>(eol - p));
        if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
        if (header.find('"') != std::string_view::npos) fail("quoted header fields are not supported");
        while (true) {
            const std::size_t comma = header.find(',');
            columns.push_back(column_for(header.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            header.remove_prefix(comma + 1);
        }
        p = eol < end ? eol + 1 : end;
    }

    std::string temp;
    int out_fd = STDOUT_FILENO;
    if (!out_path.empty()) {
        temp = out_path + ".sol-tmp-" + std::to_string(::getpid());
        out_fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out_fd < 0) fail(temp + ": " + std::strerror(errno));
    }
    Out out(out_fd);
    out.put("URN,LAESTAB,School,Phase");
    for (const Service& s : kSchedule) {
        out.put(',');
        out.put(s.id);
    }
    out.put(",Total");
    out.end_row();

    std::array<std::int64_t, kServices> service_total{};
    std::array<std::int64_t, kFactors> count{};
    std::array<std::int64_t, kServices> charge{};
    std::array<bool, kServices> charged{};
    while (p < end) {
        const char* eol = line_end(p);
        const char* row_end = (eol > p && eol[-1] == '\r') ? eol - 1 : eol;
        if (row_end == p) {  // a blank line
            p = eol + 1;
            continue;
        }
        std::string_view urn, laestab, name, exempt;
        Phase phase = primary;
        bool academy = false;
        count.fill(0);
        count[LUMP] = kCountScale;
        std::size_t c = 0;
        for (const char* field = p;; ++c) {
            const void* comma = std::memchr(field, ',', static_cast<std::size_t>(row_end - field));
            const char* field_end = comma ? static_cast<const char*>(comma) : row_end;
            if (field != field_end && *field == '"') fail("quoted fields are not supported");
            if (c < columns.size()) {
                const std::string_view text(field, static_cast<std::size_t>(field_end - field));
                switch (columns[c].role) {
                    case r_urn: urn = text; break;
                    case r_laestab: laestab = text; break;
                    case r_school: name = text; break;
                    case r_phase: phase = phase_of(text); break;
                    case r_governance: academy = !text.empty() && (text[0] | 0x20) == 'a'; break;
                    case r_nor: count[AWPU] = fixed6(field, field_end); break;
                    case r_places:
                        if (!text.empty()) count[PLACE] = fixed6(field, field_end);
                        break;
                    case r_count:
                        if (!text.empty()) count[static_cast<std::size_t>(columns[c].factor)] = fixed6(field, field_end);
                        break;
                    case r_exempt: exempt = text; break;
                    case r_ignore: break;
                }
            }
            if (!comma) break;
            field = field_end + 1;
        }

        const bool mainstream = phase == primary || phase == secondary || phase == all_through;
        bool any = false;
        std::int64_t school_total = 0;
        for (std::size_t s = 0; s < kServices; ++s) {
            const Service& service = kSchedule[s];
            charged[s] = !academy && (service.phases & bit(phase)) &&
                         (mainstream || (phase == special && service.education_function)) &&
                         (exempt.empty() || !exempt_from(exempt, service.id));
            if (!charged[s]) continue;
            int128 exact = 0;  // pounds × 10^10
            if (phase == special) {
                exact = static_cast<int128>(service.rate[PLACE]) * count[PLACE];
            } else {
                for (std::size_t f = 0; f < PLACE; ++f) exact += static_cast<int128>(service.rate[f]) * count[f];
            }
            exact += static_cast<int128>(service.rate[LUMP]) * count[LUMP];
            // Half up (away from zero) to the penny, once.
            const int128 half = kPenny / 2;
            const int128 pennies = exact >= 0 ? (exact + half) / kPenny : -((-exact + half) / kPenny);
            charge[s] = static_cast<std::int64_t>(pennies);
            service_total[s] += charge[s];
            school_total += charge[s];
            any = true;
        }
        if (any) {
            out.put(urn);
            out.put(',');
            out.put(laestab);
            out.put(',');
            out.put(name);
            out.put(',');
            out.put(kPhaseNames[static_cast<std::size_t>(phase)]);
            for (std::size_t s = 0; s < kServices; ++s) {
                out.put(',');
                if (charged[s]) out.pennies(charge[s]);
            }
            out.put(',');
            out.pennies(school_total);
            out.end_row();
        }
        p = eol < end ? eol + 1 : end;
    }
    out.put("TOTAL,,,");
    std::int64_t grand = 0;
    for (std::int64_t t : service_total) {
        out.put(',');
        out.pennies(t);
        grand += t;
    }
    out.put(',');
    out.pennies(grand);
    out.end_row();
    out.flush();

    if (!out_path.empty()) {
        if (::fsync(out_fd) != 0 || ::close(out_fd) != 0) fail(temp + ": " + std::strerror(errno));
        if (::rename(temp.c_str(), out_path.c_str()) != 0) fail(out_path + ": " + std::strerror(errno));
    }
    ::munmap(map, size);
    ::close(in);
    return 0;
}
