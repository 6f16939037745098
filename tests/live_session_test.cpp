// Starting a live session (app/live_session): ledgers follow the inputs, the
// recovery file belongs to its inputs, and nothing bad about it ends a session.
#include "app/live_session.hpp"

#include "app/edits.hpp"
#include "calc/diagnostic.hpp"
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

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

// Issue 18: a recovery offered and not answered is kept through every way out; a recovery path never names
// an input; a header cut short never turns autosave off for good.
namespace {

std::string awpu(const app::Scenario& s) {
    return s.proposal().find("maternity")->selected_option().rate_for(calc::Factor::AWPU)->value.to_string();
}

// What a window killed mid-session leaves: a recovery file holding maternity AWPU = 12.345.
std::string killed_session(const fs::path& recovery) {
    auto first = app::open_live_session(havering(recovery));
    app::apply_rate_edit(first->scenario, "maternity.AWPU=12.345");
    return testing_cli::slurp(recovery);
}

// A start with --edit wrote its edit over the recovery still waiting for an answer; a clean exit removed it.
TEST(LiveSession, ARecoveryOfferedIsKeptUntilAnsweredThroughEditsAtStartUndoSaveAndExit) {
    const fs::path dir = testing_cli::scratch("pending");
    const fs::path recovery = dir / "recovery.toml";
    const std::string saved = killed_session(recovery);
    {
        app::LiveSpec spec = havering(recovery);
        spec.edits = {"maternity.AWPU=41.08"};
        auto s = app::open_live_session(spec);
        ASSERT_TRUE(s->scenario.recovery_offered().has_value()) << s->recovery.problem;
        EXPECT_EQ(awpu(s->scenario), "41.08");
        EXPECT_EQ(testing_cli::slurp(recovery), saved) << "the --edit start wrote over the unanswered recovery";
        app::apply_rate_edit(s->scenario, "maternity.AWPU=41.09");
        s->scenario.undo();
        s->scenario.save_scenario((dir / "saved.toml").string());
        s->scenario.discard_recovery();  // what Save does after writing
        EXPECT_EQ(testing_cli::slurp(recovery), saved) << "an edit, undo or save replaced the unanswered recovery";
        app::close_live_session(*s);  // the window closed, Quit, Esc: a clean exit
        ASSERT_TRUE(fs::exists(recovery)) << "a clean exit removed the unanswered recovery";
        EXPECT_EQ(testing_cli::slurp(recovery), saved);
    }
    {
        // Offered again; answered Discard with edits made: the file holds this session's scenario from then on.
        app::LiveSpec spec = havering(recovery);
        spec.edits = {"maternity.AWPU=41.08"};
        auto s = app::open_live_session(spec);
        ASSERT_TRUE(s->scenario.recovery_offered().has_value()) << "not offered again after a clean exit";
        s->scenario.discard_offered_recovery();
        EXPECT_FALSE(s->scenario.recovery_offered().has_value());
        const auto now = app::read_recovery(recovery.string(), s->inputs);
        ASSERT_TRUE(now.proposal.has_value()) << now.problem;
        EXPECT_EQ(now.proposal->find("maternity")->selected_option().rate_for(calc::Factor::AWPU)->value.to_string(), "41.08");
        app::close_live_session(*s);
        ASSERT_TRUE(fs::exists(recovery)) << "closing with an unsaved edit lost it";
        EXPECT_NE(testing_cli::slurp(recovery).find("41.08"), std::string::npos);
    }
    {
        // Offered again (this session's unsaved edit); Restore, Save, and then a clean exit leaves nothing.
        auto s = app::open_live_session(havering(recovery));
        ASSERT_TRUE(s->scenario.recovery_offered().has_value()) << "an unsaved edit was not offered back";
        s->scenario.restore_recovery();
        EXPECT_TRUE(s->scenario.unsaved());
        s->scenario.save_scenario((dir / "saved.toml").string());
        s->scenario.discard_recovery();  // what Save does after writing
        EXPECT_FALSE(s->scenario.unsaved());
        app::close_live_session(*s);
        EXPECT_FALSE(fs::exists(recovery)) << "a saved session's clean exit leaves nothing to recover";
    }
    {
        // Restore: the saved scenario comes back (one undo step) and is autosaved.
        killed_session(recovery);
        auto s = app::open_live_session(havering(recovery));
        s->scenario.restore_recovery();
        EXPECT_EQ(awpu(s->scenario), "12.345");
        EXPECT_TRUE(s->scenario.can_undo());
        app::apply_rate_edit(s->scenario, "maternity.AWPU=12.5");
        EXPECT_NE(testing_cli::slurp(recovery).find("12.5"), std::string::npos) << "autosave did not go on after the answer";
    }
    {
        // Discard with nothing edited: the file goes.
        killed_session(recovery);
        auto s = app::open_live_session(havering(recovery));
        s->scenario.discard_offered_recovery();
        EXPECT_FALSE(fs::exists(recovery));
    }
}

// A scripted (screenshot) start shows the offer and keeps the file, edits or not.
TEST(LiveSession, AScriptedStartKeepsARecoveryOffered) {
    const fs::path dir = testing_cli::scratch("pending-scripted");
    const fs::path recovery = dir / "recovery.toml";
    const std::string saved = killed_session(recovery);
    app::LiveSpec spec = havering(recovery);
    spec.autosave = false;
    spec.edits = {"maternity.AWPU=41.08"};
    auto s = app::open_live_session(spec);
    EXPECT_TRUE(s->scenario.recovery_offered().has_value());
    app::close_live_session(*s);
    EXPECT_EQ(testing_cli::slurp(recovery), saved);
}

// --recovery-file naming an input renamed that input to ….unreadable-<time>.
TEST(LiveSession, ARecoveryFileThatIsAnInputIsRefusedNamingBothAndTheInputIsLeftAlone) {
    const fs::path dir = testing_cli::scratch("recovery-input");
    fs::create_directories(dir / "sub");
    const std::vector<std::pair<std::string, std::string>> sources = {{"census", "census-878.csv"},
                                                                      {"proposal", "2025-26.toml"},
                                                                      {"baseline", "2024-25.toml"},
                                                                      {"ledger", "maternity-ledger.toml"},
                                                                      {"inspections", "ofsted-878.csv"}};
    for (const auto& [role, name] : sources) fs::copy_file(kDevon + "/" + name, dir / name);
    app::LiveSpec spec;
    spec.inputs.census = (dir / "census-878.csv").string();
    spec.inputs.rates = (dir / "2025-26.toml").string();
    spec.baseline = (dir / "2024-25.toml").string();
    spec.ledgers = {(dir / "maternity-ledger.toml").string()};
    spec.inspections = (dir / "ofsted-878.csv").string();
    for (const auto& [role, name] : sources) {
        const fs::path input = dir / name;
        const std::string before = testing_cli::slurp(input);
        fs::create_symlink(input, dir / ("link-" + name));
        ASSERT_EQ(::link(input.c_str(), (dir / ("hard-" + name)).c_str()), 0);
        for (const fs::path& named : {input, dir / "sub" / ".." / name, dir / ("link-" + name), dir / ("hard-" + name)}) {
            for (const bool autosave : {true, false}) {
                app::LiveSpec s = spec;
                s.recovery_file = named.string();
                s.autosave = autosave;
                s.edits = {"maternity.AWPU=11.5"};
                const std::string why = refusal(s);
                EXPECT_NE(why.find("--recovery-file: " + named.string() + " is the " + role + " (" + input.string() + ")"),
                          std::string::npos)
                    << why;
                EXPECT_EQ(testing_cli::slurp(input), before) << named << " as recovery file changed the " << role;
            }
        }
        for (const auto& e : fs::directory_iterator(dir))
            EXPECT_EQ(e.path().filename().string().find(".unreadable-"), std::string::npos) << e.path() << ": an input moved aside";
    }
}

// A recovery file cut inside its header said "belongs to other files; autosave is off" at every start.
TEST(LiveSession, ARecoveryFileCutInsideItsHeaderIsKeptAsideAndAutosaveGoesOn) {
    const fs::path dir = testing_cli::scratch("cut-header");
    const fs::path recovery = dir / "recovery.toml";
    const std::string whole = killed_session(recovery);
    const std::size_t saved_line = whole.find("\n# saved ");
    ASSERT_NE(saved_line, std::string::npos);
    const std::size_t header_end = whole.find('\n', saved_line + 1) + 1;
    for (std::size_t cut = 1; cut <= header_end; ++cut) {
        for (const auto& e : fs::directory_iterator(dir)) fs::remove(e.path());
        testing_cli::write(recovery, whole.substr(0, cut));
        auto s = app::open_live_session(havering(recovery));
        EXPECT_FALSE(s->recovery.proposal.has_value()) << "cut at " << cut;
        EXPECT_NE(s->recovery.problem.find("kept as"), std::string::npos) << "cut at " << cut << ": " << s->recovery.problem;
        EXPECT_NE(s->recovery.problem.find("autosave goes on in a new file"), std::string::npos) << s->recovery.problem;
        ASSERT_FALSE(s->recovery_file.empty()) << "cut at " << cut << ": autosave is off: " << s->recovery.problem << s->warning;
        std::size_t aside = 0;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().rfind("recovery.toml.unreadable-", 0) == 0 &&
                testing_cli::slurp(e.path()) == whole.substr(0, cut))
                ++aside;
        EXPECT_EQ(aside, 1u) << "cut at " << cut << ": not kept aside whole";
        app::apply_rate_edit(s->scenario, "maternity.AWPU=41.08");
        EXPECT_TRUE(app::read_recovery(recovery.string(), s->inputs).proposal.has_value()) << "cut at " << cut;
    }
    // A whole header of other inputs is still kept for them (not moved aside).
    std::string other = whole;
    other.replace(other.find("#@ census = ") + 12, 16, "0123456789abcdef");
    testing_cli::write(recovery, other);
    auto s = app::open_live_session(havering(recovery));
    EXPECT_NE(s->recovery.problem.find("belongs to other files"), std::string::npos) << s->recovery.problem;
    EXPECT_EQ(testing_cli::slurp(recovery), other);
}

}  // namespace
