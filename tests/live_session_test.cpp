// Starting a live session (app/live_session): ledgers follow the inputs, the
// recovery file belongs to its inputs, and nothing bad about it ends a session.
#include "app/live_session.hpp"

#include "app/edits.hpp"
#include "calc/diagnostic.hpp"
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

namespace {

const std::string kDevon = DEDELEG_TEST_DATA "/devon";
namespace fs = std::filesystem;

app::LiveSpec devon(const fs::path& recovery) {
    app::LiveSpec spec;
    spec.inputs.census = kDevon + "/census-878.csv";
    spec.inputs.rates = kDevon + "/2025-26.toml";
    spec.baseline = kDevon + "/2024-25.toml";
    spec.recovery_file = recovery.string();
    return spec;
}

app::LiveSpec havering(const fs::path& recovery) {
    app::LiveSpec spec;
    spec.recovery_file = recovery.string();
    return spec;
}

std::string refusal(const app::LiveSpec& spec) {
    try {
        app::open_live_session(spec);
    } catch (const calc::InputError& e) {
        return e.diagnostics.at(0).to_string();
    }
    return "accepted";
}

TEST(LiveSession, ADevonRecoveryFileIsNeverAppliedToAHaveringStart) {
    const fs::path dir = testing_cli::scratch("live");
    const fs::path recovery = dir / "recovery.toml";
    {
        auto d = app::open_live_session(devon(recovery));
        app::apply_rate_edit(d->scenario, "maternity.AWPU=12.345");
        // The Devon window is killed here: its recovery file stays.
    }
    const std::string devon_file = testing_cli::slurp(recovery);
    ASSERT_NE(devon_file.find("12.345"), std::string::npos);

    auto h = app::open_live_session(havering(recovery));
    EXPECT_FALSE(h->recovery.proposal.has_value()) << "Devon's rates offered on Havering's schools";
    EXPECT_NE(h->recovery.problem.find("belongs to other files"), std::string::npos) << h->recovery.problem;
    EXPECT_NE(h->recovery.problem.find("census-878.csv"), std::string::npos) << "it names the files it belongs to";
    app::apply_rate_edit(h->scenario, "maternity.AWPU=41.08");
    EXPECT_EQ(testing_cli::slurp(recovery), devon_file) << "the Havering window overwrote Devon's recovery file";

    // The Devon start offers it back.
    auto again = app::open_live_session(devon(recovery));
    ASSERT_TRUE(again->recovery.proposal.has_value()) << again->recovery.problem;
    EXPECT_EQ(again->recovery.proposal->find("maternity")->selected_option().rate_for(calc::Factor::AWPU)->value.to_string(), "12.345");
}

TEST(LiveSession, DefaultRecoveryFilesAreOnePerSetOfInputsAndOneWindowEach) {
    const fs::path dir = testing_cli::scratch("state");
    ::setenv("XDG_STATE_HOME", dir.c_str(), 1);
    auto h = app::open_live_session(havering(""));
    auto d = app::open_live_session(devon(""));
    EXPECT_NE(h->recovery_file, d->recovery_file);
    EXPECT_EQ(fs::path(h->recovery_file).parent_path(), dir / "dedeleg");
    // A second window on the same inputs does not write the first one's file.
    auto second = app::open_live_session(havering(""));
    EXPECT_TRUE(second->recovery_file.empty());
    EXPECT_NE(second->warning.find("another dedeleg-gui window"), std::string::npos) << second->warning;
    ::unsetenv("XDG_STATE_HOME");
}

TEST(LiveSession, NoHomeMeansAutosaveOffWithAWarning) {
    const char* home = std::getenv("HOME");
    const std::string saved = home ? home : "";
    ::unsetenv("HOME");
    ::unsetenv("XDG_STATE_HOME");
    auto h = app::open_live_session(havering(""));
    if (!saved.empty()) ::setenv("HOME", saved.c_str(), 1);
    EXPECT_TRUE(h->recovery_file.empty());
    EXPECT_NE(h->warning.find("HOME"), std::string::npos) << h->warning;
}

TEST(LiveSession, ACorruptOrEmptyRecoveryFileIsKeptAsideAndReported) {
    for (const std::string& junk : {std::string(), std::string("\x01\x02garbage\xff", 11), std::string("#@ census = zz\n[[[")}) {
        const fs::path dir = testing_cli::scratch("corrupt");
        const fs::path recovery = dir / "recovery.toml";
        testing_cli::write(recovery, junk);
        auto h = app::open_live_session(havering(recovery));
        EXPECT_FALSE(h->recovery.proposal.has_value());
        EXPECT_NE(h->recovery.problem.find("kept as"), std::string::npos) << h->recovery.problem;
        std::size_t aside = 0;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().rfind("recovery.toml.unreadable-", 0) == 0) ++aside;
        EXPECT_EQ(aside, 1u) << "renamed, not deleted";
        app::apply_rate_edit(h->scenario, "maternity.AWPU=41.08");  // the session goes on, and autosaves
        EXPECT_TRUE(app::read_recovery(recovery.string(), h->inputs).proposal.has_value());
    }
}

TEST(LiveSession, AFifoAsRecoveryFileNeitherHangsNorIsWritten) {
    const fs::path dir = testing_cli::scratch("fifo");
    const fs::path fifo = dir / "recovery.toml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto h = app::open_live_session(havering(fifo));  // would block forever if it opened the FIFO
    EXPECT_NE(h->recovery.problem.find("not a regular file"), std::string::npos) << h->recovery.problem;
    std::size_t fifos_aside = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("recovery.toml.not-a-file-", 0) == 0 && fs::is_fifo(e.path())) ++fifos_aside;
    EXPECT_EQ(fifos_aside, 1u) << "kept aside, not deleted";
    app::apply_rate_edit(h->scenario, "maternity.AWPU=41.08");  // autosave writes a real file in its place
    EXPECT_TRUE(fs::is_regular_file(fifo));
}

TEST(LiveSession, AnUnwritableRecoveryTargetTurnsAutosaveOffAndTheSessionGoesOn) {
    const fs::path dir = testing_cli::scratch("unwritable");
    testing_cli::write(dir / "file", "a file, not a folder");
    const fs::path recovery = dir / "file" / "recovery.toml";  // cannot be created, even by root
    auto h = app::open_live_session(havering(recovery));
    app::apply_rate_edit(h->scenario, "maternity.AWPU=41.08");
    app::apply_rate_edit(h->scenario, "maternity.AWPU=41.09");
    EXPECT_EQ(h->scenario.proposal().find("maternity")->selected_option().rate_for(calc::Factor::AWPU)->value.to_string(), "41.09");
    // What the window shows: the start's warning, or the scenario's when a later write fails.
    const std::string shown = h->warning + h->scenario.autosave_problem();
    EXPECT_NE(shown.find("Autosave is off"), std::string::npos) << "nobody was told autosave is off";
}

TEST(LiveSession, AScriptedRunWritesNoRecoveryFile) {
    const fs::path dir = testing_cli::scratch("scripted");
    app::LiveSpec spec = havering(dir / "recovery.toml");
    spec.autosave = false;
    spec.edits = {"maternity.AWPU=41.08"};
    auto h = app::open_live_session(spec);
    EXPECT_FALSE(fs::exists(dir / "recovery.toml"));
}

TEST(LiveSession, LedgersFollowTheInputs) {
    const fs::path dir = testing_cli::scratch("ledgers");
    auto h = app::open_live_session(havering(dir / "r.toml"));
    ASSERT_EQ(h->ledgers.size(), 1u);  // the shipped case keeps its maternity ledger
    EXPECT_EQ(h->ledgers[0].ledger.service, "maternity");
    auto d = app::open_live_session(devon(dir / "d.toml"));
    EXPECT_TRUE(d->ledgers.empty()) << "Havering's ledger shown for Devon's schedule";
    app::LiveSpec with = devon(dir / "w.toml");
    with.ledgers = {kDevon + "/maternity-ledger.toml"};
    EXPECT_EQ(app::open_live_session(with)->ledgers.size(), 1u);

    // A ledger for a service the schedule lacks is refused at its `service =` line.
    const fs::path stray = dir / "stray.toml";
    std::string text = testing_cli::slurp(kDevon + "/maternity-ledger.toml");
    text.replace(text.find("service = \"maternity\""), 21, "service = \"copyright\"");
    testing_cli::write(stray, text);
    with.ledgers = {stray.string()};
    const std::string why = refusal(with);
    EXPECT_NE(why.find(stray.string() + ":5: ledger.service: no service \"copyright\""), std::string::npos) << why;
}

TEST(LiveSession, ScriptedOptionsThatNameNothingAreRefused) {
    const fs::path dir = testing_cli::scratch("scripted-bad");
    app::LiveSpec spec = havering(dir / "r.toml");
    spec.select = "999";
    EXPECT_NE(refusal(spec).find("--select: no school with URN 999"), std::string::npos) << refusal(spec);
    spec.select.clear();
    spec.inputs.choices = {"trade-union=nonsense"};
    EXPECT_NE(refusal(spec).find("--option"), std::string::npos);
    spec.inputs.choices = {"trade-union=pay-rise", "trade-union=unchanged"};
    EXPECT_NE(refusal(spec).find("more than one option"), std::string::npos) << refusal(spec);
    spec.inputs.choices.clear();
    spec.edits = {"maternity.FSM=3"};
    EXPECT_NE(refusal(spec).find("does not charge FSM"), std::string::npos);
}

}  // namespace

namespace {

// The 64 KB schedule that overflowed toml++'s stack, as a recovery file of the right inputs: kept aside, not a crash.
TEST(LiveSession, AHostileRecoveryFileOfTheSameInputsIsKeptAsideNotACrash) {
    const fs::path dir = testing_cli::scratch("hostile");
    const fs::path recovery = dir / "recovery.toml";
    const app::InputIdentity inputs = app::identify_inputs("", "", "");
    std::string dotted = "a";
    for (int i = 0; i < 32000; ++i) dotted += ".a";
    testing_cli::write(recovery, inputs.header("2026-11-24T00:00:00Z") + dotted + " = 1\n");
    auto h = app::open_live_session(havering(recovery));
    EXPECT_FALSE(h->recovery.proposal.has_value());
    EXPECT_NE(h->recovery.problem.find("kept as"), std::string::npos) << h->recovery.problem;
    EXPECT_FALSE(h->recovery_file.empty()) << "autosave goes on in its place";
}

}  // namespace
