#include "app/exit_codes.hpp"

#include "calc/decimal.hpp"
#include "calc/diagnostic.hpp"

#include <filesystem>

namespace app {

int run_mapping_errors(std::string_view program, const std::function<int()>& body, std::ostream& err) {
    try {
        return body();
    } catch (const calc::InputError& e) {
        for (const calc::Diagnostic& d : e.diagnostics) err << d.to_string() << '\n';
        return invalid_input;
    } catch (const calc::DecimalOverflow& e) {
        err << program << ": " << e.what() << '\n';
        return invalid_input;
    } catch (const std::filesystem::filesystem_error& e) {
        err << program << ": " << e.what() << '\n';
        return invalid_input;
    } catch (const std::exception& e) {
        err << program << ": internal error (a bug in " << program << ", please report it with the command and files): "
            << e.what() << '\n';
        return internal_error;
    }
}

}  // namespace app
