#include "rates/schedule_loader.hpp"
#include "rates/schedule_writer.hpp"

#include "calc/diagnostic.hpp"

#include <gtest/gtest.h>

namespace {

const std::string kHead = "[schedule]\nauthority = \"Havering\"\nyear = \"2025-26\"\n";

std::string service(const std::string& body) {
    return "[[service]]\nid = \"maternity\"\nname = \"Maternity\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\n" + body;
}

std::string first_problem(const std::string& text) {
    try {
        rates::load_schedule(text, "r.toml");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

TEST(ScheduleLoader, LoadsTheIssuesExample) {
    const auto s = rates::load_schedule(R"([schedule]
authority = "Havering"
year = "2025-26"
census = "October 2023"
rounding = "half_up"          # per school, per service, to the penny

[[service]]
id = "maternity"
name = "Maternity leave insurance"
kind = "de-delegated"         # or "education-function"
phases = ["primary"]
rates = { AWPU = "40.49" }

[[service]]
id = "school-improvement"
name = "Core school improvement activities"
kind = "education-function"
phases = ["primary", "special"]
rates = { AWPU = "3.38", PLACE = "10.14" }
)",
                                        "r.toml");
    ASSERT_EQ(s.services.size(), 2u);
    EXPECT_EQ(s.census_label, "October 2023");
    EXPECT_EQ(s.services[0].options[0].rates[0].second.value.to_string(), "40.49");
    EXPECT_EQ(s.services[1].kind, calc::ServiceKind::education_function);
    EXPECT_EQ(s.services[1].options[0].rates[1].first, calc::Factor::PLACE);
}

TEST(ScheduleLoader, NumbersAreReadAsTyped) {
    const auto s = rates::load_schedule(kHead + service("rates = { FSM6 = 3.380, AWPU = 0.1, LPA = 21, FSM = \"£9.50\" }\n"), "r.toml");
    const auto& rates = s.services[0].options[0].rates;
    ASSERT_EQ(rates.size(), 4u);  // in the order written, not alphabetical
    EXPECT_EQ(rates[0].first, calc::Factor::FSM6);
    EXPECT_EQ(rates[0].second.value.to_string(), "3.380");
    EXPECT_EQ(rates[1].second.value.to_string(), "0.1");  // never 0.1000000000000000055...
    EXPECT_EQ(rates[2].second.value.to_string(), "21");
    EXPECT_EQ(rates[3].second.value.to_string(), "9.50");
}

TEST(ScheduleLoader, DerivationsAreCheckedAgainstTheRate) {
    const auto ok = rates::load_schedule(
        kHead + service("rates = { AWPU = \"2.96\" }\nderive = { AWPU = { uplift = \"5.5%\", from = \"2.80\" } }\n"), "r.toml");
    ASSERT_EQ(ok.services[0].options[0].derived.size(), 1u);
    EXPECT_EQ(ok.services[0].options[0].derived[0].second.by.to_string(), "0.055");
    EXPECT_EQ(first_problem(kHead + service("rates = { AWPU = \"2.95\" }\nderive = { AWPU = { uplift = \"5.5%\", from = \"2.80\" } }\n")),
              "r.toml:10: maternity.derive.AWPU: the rate is 2.95 but the derivation gives 2.96");
    EXPECT_EQ(first_problem(kHead + service("rates = { AWPU = \"2.95\" }\nderive = { AWPU = { uplift = \"5.5%\", from = \"2.80\", round = \"down\" } }\n")),
              "(accepted)");
    EXPECT_EQ(first_problem(kHead + service("rates = { AWPU = \"1\" }\nderive = { FSM = { multiple = \"3\", of = \"AWPU\" } }\n")).substr(0, 34),
              "r.toml:10: maternity.derive.FSM: d");
    EXPECT_EQ(first_problem(kHead + service("rates = { AWPU = \"1\" }\nderive = { AWPU = { twice = \"2\" } }\n")).substr(0, 40),
              "r.toml:10: maternity.derive.AWPU.twice: ");
}

TEST(ScheduleLoader, OptionsAndPresentation) {
    const auto s = rates::load_schedule(kHead + service(R"(label = "Unchanged"
rates = { AWPU = "2.80" }
selected = "pay-rise"
  [[service.option]]
  id = "pay-rise"
  label = "5.5% rise"
  rates = { AWPU = "2.96" }
  present_to = 100
)"),
                                        "r.toml");
    const calc::Service& svc = s.services[0];
    ASSERT_EQ(svc.options.size(), 2u);
    EXPECT_EQ(svc.options[0].id, "proposed");
    EXPECT_EQ(svc.options[0].label, "Unchanged");
    EXPECT_EQ(svc.options[1].present_to, 100);
    EXPECT_EQ(svc.selected, 1u);
}

// Several options and no `proposed`: the Forum's choice, none called proposed
// (an unlabelled first option was "Proposed"); `proposed` names the LA's choice,
// which the totals then charge unless `selected` says otherwise.
TEST(ScheduleLoader, AnOptionIsProposedOnlyWhenTheScheduleSaysSo) {
    const std::string options = "rates = { AWPU = \"1.66\" }\n  [[service.option]]\n  id = \"pay-rise\"\n  label = \"Raised 4%\"\n"
                                "  rates = { AWPU = \"1.727\" }\n";
    auto s = rates::load_schedule(kHead + service(options), "r.toml");
    EXPECT_FALSE(s.services[0].proposed.has_value());
    EXPECT_TRUE(s.services[0].forum_choice());
    EXPECT_EQ(s.services[0].options[0].label, "Option 1");
    EXPECT_EQ(s.services[0].selected, 0u);
    s = rates::load_schedule(kHead + service("proposed = \"pay-rise\"\n" + options), "r.toml");
    EXPECT_EQ(s.services[0].proposed, std::optional<std::size_t>(1));
    EXPECT_FALSE(s.services[0].forum_choice());
    EXPECT_EQ(s.services[0].selected, 1u);
    EXPECT_EQ(rates::load_schedule(rates::write_schedule(s), "w.toml").services[0].proposed, std::optional<std::size_t>(1));
    s = rates::load_schedule(kHead + service("proposed = \"pay-rise\"\nselected = \"proposed\"\n" + options), "r.toml");
    EXPECT_EQ(s.services[0].selected, 0u);
    EXPECT_EQ(rates::load_schedule(rates::write_schedule(s), "w.toml").services[0].selected, 0u);
    EXPECT_EQ(first_problem(kHead + service("proposed = \"more\"\n" + options)), "r.toml:9: maternity.proposed: no option \"more\"");
}

struct Bad {
    std::string text;
    std::string problem;
};

TEST(ScheduleLoader, RefusesMalformedSchedulesWithFileLineAndKey) {
    const Bad cases[] = {
        {"[schedule\n", "r.toml:1: not valid TOML"},
        {"[[service]]\nid = \"x\"\n", "r.toml:1: schedule: missing [schedule] table"},
        {kHead, "r.toml:1: service: no [[service]] entries"},
        {kHead + "rounding = \"bankers\"\n" + service("rates = { AWPU = 1 }\n"), "r.toml:4: schedule.rounding: unknown rounding mode \"bankers\""},
        {kHead + "rounding_point = \"per-pupil\"\n" + service("rates = { AWPU = 1 }\n"), "r.toml:4: schedule.rounding_point: unknown rounding point \"per-pupil\" (per-service: each school's charge for a service rounded once; per-factor: each factor's amount rounded)"},
        {kHead + service("rates = { AWPU = \"40.49123\" }\n"), "r.toml:9: maternity.rates.AWPU: more than 4 decimal places: \"40.49123\""},
        {kHead + service("rates = { AWPU = \"-1\" }\n"), "r.toml:9: maternity.rates.AWPU: a rate cannot be negative"},
        {kHead + service("rates = { AWPU = 1e2 }\n"), "r.toml:9: maternity.rates.AWPU: not a number: \"1e2\""},
        {kHead + service("rates = { AWPU = \"5%\" }\n"), "r.toml:9: maternity.rates.AWPU: a rate is in pounds, not a percentage"},
        {kHead + service("rates = { PUPIL = \"1\" }\n"), "r.toml:9: maternity.rates.PUPIL: unknown factor"},
        {kHead + service("rates = { PLACE = \"1\" }\n"), "r.toml:9: maternity.rates.PLACE: a PLACE rate needs \"special\""},
        {kHead + service("rates = { AWPU = true }\n"), "r.toml:9: maternity.rates.AWPU: a rate must be a number or a string"},
        {kHead + service("rates = {}\n"), "r.toml:9: maternity.rates: give rates"},
        {kHead + service("rates = { AWPU = 1 }\npresent_to = 250\n"), "r.toml:10: maternity.present_to: must be 1, 10, 100, 1000"},
        {kHead + service("rates = { AWPU = 1 }\nrate = 2\n"), "r.toml:10: maternity.rate: unknown key"},
        {kHead + service("rates = { AWPU = 1 }\nselected = \"x\"\n"), "r.toml:10: maternity.selected: no option \"x\""},
        {kHead + service("rates = { AWPU = 1 }\n") + service("rates = { AWPU = 1 }\n"), "r.toml:10: maternity.id: service id given twice"},
        {kHead + "[[service]]\nid = \"m\"\nname = \"M\"\nkind = \"traded\"\nphases = [\"primary\"]\nrates = { AWPU = 1 }\n",
         "r.toml:7: m.kind: must be \"de-delegated\" or \"education-function\""},
        {kHead + "[[service]]\nid = \"m\"\nname = \"M\"\nkind = \"de-delegated\"\nphases = [\"special\"]\nrates = { AWPU = 1 }\n",
         "r.toml:8: m.phases: de-delegation is not an option for special schools"},
        // Issue 18: a special-only service's flat per-pupil rate charged nobody, £0 with exit 0.
        {kHead + "[[service]]\nid = \"m\"\nname = \"M\"\nkind = \"education-function\"\nphases = [\"special\"]\nrates = { AWPU = 1 }\n",
         "r.toml:9: m.rates: no rate charges this service's phases: special schools are charged per place only"},
        {kHead + "[[service]]\nid = \"m\"\nname = \"M\"\nkind = \"de-delegated\"\nphases = [\"infant\"]\nrates = { AWPU = 1 }\n",
         "r.toml:8: m.phases: unknown phase"},
        {kHead + "[[service]]\nid = \"Mat ernity\"\nname = \"M\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\nrates = { AWPU = 1 }\n",
         "r.toml:5: Mat ernity.id: use lower-case letters, digits and - only"},
    };
    for (const Bad& c : cases) {
        const std::string got = first_problem(c.text);
        EXPECT_EQ(got.substr(0, c.problem.size()), c.problem) << "input:\n" << c.text;
    }
}

}  // namespace

#include "io/text_file.hpp"

namespace {

bool same(const calc::Schedule& a, const calc::Schedule& b) {
    if (a.authority != b.authority || a.year != b.year || a.census_label != b.census_label || a.rounding != b.rounding ||
        a.services.size() != b.services.size())
        return false;
    for (std::size_t i = 0; i < a.services.size(); ++i) {
        const calc::Service& x = a.services[i];
        const calc::Service& y = b.services[i];
        if (x.id != y.id || x.name != y.name || x.kind != y.kind || x.phases != y.phases || x.selected != y.selected || x.proposed != y.proposed ||
            x.options.size() != y.options.size())
            return false;
        for (std::size_t o = 0; o < x.options.size(); ++o) {
            const auto& p = x.options[o];
            const auto& q = y.options[o];
            if (p.id != q.id || p.label != q.label || p.present_to != q.present_to || p.derivation != q.derivation ||
                p.rates.size() != q.rates.size())
                return false;
            for (std::size_t r = 0; r < p.rates.size(); ++r)
                if (p.rates[r].first != q.rates[r].first || p.rates[r].second.value.to_string() != q.rates[r].second.value.to_string())
                    return false;
        }
    }
    return true;
}

TEST(ScheduleWriter, RoundTripsTheShippedSchedules) {
    for (const char* name : {"2024-25", "2025-26"}) {
        const std::string path = std::string(DEDELEG_SOURCE_DIR "/rates/havering/") + name + ".toml";
        auto original = rates::load_schedule_file(path);
        original.services[5].selected = 1;  // a chosen option survives too
        if (original.services[5].options.size() < 2) original.services[5].selected = 0;
        const std::string text = rates::write_schedule(original);
        const auto again = rates::load_schedule(text, "written.toml");
        EXPECT_TRUE(same(original, again)) << text;
        EXPECT_EQ(rates::write_schedule(again), text);
    }
}

TEST(ScheduleWriter, KeepsEveryDigitAndEscapesText) {
    auto s = rates::load_schedule(kHead + service("rates = { AWPU = \"3.3750\" }\n"), "r.toml");
    s.services[0].name = "Quote \" and backslash \\ and £";
    const auto again = rates::load_schedule(rates::write_schedule(s), "w.toml");
    EXPECT_EQ(again.services[0].options[0].rates[0].second.value.to_string(), "3.3750");
    EXPECT_EQ(again.services[0].name, s.services[0].name);
}

}  // namespace

namespace {

TEST(ScheduleLoader, TheRoundingPointIsReadAndWrittenBack) {
    const calc::Schedule s = rates::load_schedule(
        kHead + "rounding = \"half_even\"\nrounding_point = \"per-factor\"\n" + service("rates = { AWPU = 1 }\n"), "r.toml");
    EXPECT_EQ(s.rounding.point, calc::RoundingPoint::per_school_per_factor);
    EXPECT_EQ(s.rounding.mode, calc::RoundingMode::half_even);
    const calc::Schedule again = rates::load_schedule(rates::write_schedule(s), "again.toml");
    EXPECT_EQ(again.rounding, s.rounding);
    EXPECT_EQ(rates::load_schedule(kHead + service("rates = { AWPU = 1 }\n"), "r.toml").rounding.point,
              calc::RoundingPoint::per_school_per_service);  // the default: the Havering paper's rule
}

}  // namespace
