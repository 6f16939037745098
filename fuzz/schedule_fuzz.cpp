// libFuzzer: the schedule loader refuses or accepts, never crashes; what it
// accepts is written back and reads the same.
#include "calc/diagnostic.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/schedule_writer.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const calc::Schedule s = rates::load_schedule(text, "fuzz.toml");
        const std::string written = rates::write_schedule(s);
        if (rates::write_schedule(rates::load_schedule(written, "again.toml")) != written) std::abort();
    } catch (const calc::InputError&) {
    } catch (const calc::DecimalOverflow&) {
    }
    return 0;
}
