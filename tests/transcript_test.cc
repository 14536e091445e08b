// Transcript formats: detection, each reader, and every bad input named by line or byte.
// Expected turns are written out by hand from each input.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "peercoach/transcript.h"
#include "transcript/lines.h"

namespace peercoach {
namespace {

using std::string_literals::operator""s;

std::vector<Session> Read(std::string_view path, std::string_view content,
                          const TranscriptOptions& options = {}) {
  auto r = ReadTranscript(path, content, options);
  EXPECT_TRUE(r.ok()) << r.error().ToString();
  return r.ok() ? r.value() : std::vector<Session>{};
}

Error ReadError(std::string_view path, std::string_view content,
                const TranscriptOptions& options = {}) {
  auto r = ReadTranscript(path, content, options);
  EXPECT_FALSE(r.ok()) << "read " << (r.ok() ? r.value().size() : 0) << " sessions";
  return r.ok() ? Error(ErrorCode::kInternal, "no error") : r.error();
}

TranscriptFormat Detect(std::string_view path, std::string_view content) {
  auto r = DetectTranscriptFormat(path, content);
  EXPECT_TRUE(r.ok()) << r.error().ToString();
  return r.ok() ? r.value() : TranscriptFormat::kNotes;
}

Turn P(std::string text) { return {Speaker::kPeer, std::move(text)}; }
Turn S(std::string text) { return {Speaker::kSpecialist, std::move(text)}; }

// Turns as "P:text" / "S:text" strings, so a mismatch prints readably.
std::vector<std::string> Show(const std::vector<Turn>& turns) {
  std::vector<std::string> out;
  for (const Turn& t : turns) {
    out.push_back(std::string(t.speaker == Speaker::kPeer ? "P:" : "S:") + t.text);
  }
  return out;
}

#define EXPECT_TURNS(session, ...) EXPECT_EQ(Show((session).turns), Show({__VA_ARGS__}))

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(PEERCOACH_SOURCE_DIR) + "/corpora/transcripts/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// --- formats and detection -------------------------------------------------------------

TEST(TranscriptFormat, Names) {
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kPlain), "plain");
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kWebVtt), "vtt");
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kSrt), "srt");
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kJsonl), "jsonl");
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kCsv), "csv");
  EXPECT_EQ(TranscriptFormatName(TranscriptFormat::kNotes), "notes");
}

TEST(TranscriptFormat, DetectsByExtensionBeforeContent) {
  // The content says plain; the extension wins.
  const std::string_view plain = "Peer: hi\nSpecialist: hello\n";
  EXPECT_EQ(Detect("a.vtt", plain), TranscriptFormat::kWebVtt);
  EXPECT_EQ(Detect("dir/B.SRT", plain), TranscriptFormat::kSrt);
  EXPECT_EQ(Detect("c.jsonl", plain), TranscriptFormat::kJsonl);
  EXPECT_EQ(Detect("c.ndjson", plain), TranscriptFormat::kJsonl);
  EXPECT_EQ(Detect("d.csv", plain), TranscriptFormat::kCsv);
  EXPECT_EQ(Detect("e.txt", plain), TranscriptFormat::kPlain);
  EXPECT_EQ(Detect("e.md", plain), TranscriptFormat::kPlain);
  EXPECT_EQ(Detect("no_extension", plain), TranscriptFormat::kPlain);
}

TEST(TranscriptFormat, DetectsByContent) {
  EXPECT_EQ(Detect("a.txt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPeer: hi\n"),
            TranscriptFormat::kWebVtt);
  EXPECT_EQ(Detect("a.txt", "WEBVTT - group session\n"), TranscriptFormat::kWebVtt);
  EXPECT_EQ(Detect("a.txt", "\n1\n00:00:01,000 --> 00:00:02,000\nPeer: hi\n"),
            TranscriptFormat::kSrt);
  EXPECT_EQ(Detect("a.txt", "  {\"id\":\"t1\",\"turns\":[]}\n"), TranscriptFormat::kJsonl);
  EXPECT_EQ(Detect("a.txt", "Peer: hi\n"), TranscriptFormat::kPlain);
  EXPECT_EQ(Detect("a.txt", "Some intro.\n**Specialist:** hello\n"), TranscriptFormat::kPlain);
  // No configured speaker: "Note:", a time and a URL are not speaker lines.
  EXPECT_EQ(Detect("a.txt", "Met J. today.\nNote: follow up.\nAt 10:30: forms.\n"),
            TranscriptFormat::kNotes);
  EXPECT_EQ(Detect("a.txt", "Dana: hello\n"), TranscriptFormat::kNotes);
  // "WEBVTTX" is not the header; a number without a timing line is not SRT.
  EXPECT_EQ(Detect("a.txt", "WEBVTTX\n"), TranscriptFormat::kNotes);
  EXPECT_EQ(Detect("a.txt", "1\nPeer: hi\n"), TranscriptFormat::kPlain);
  EXPECT_EQ(Detect("a.txt", ""), TranscriptFormat::kNotes);
}

TEST(TranscriptFormat, NulByteIsNamedByOffset) {
  const std::string content = "Peer: hi\0there"s;
  auto r = DetectTranscriptFormat("t.txt", content);
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error().location().byte_offset.has_value());
  EXPECT_EQ(*r.error().location().byte_offset, 8u);
  EXPECT_EQ(r.error().location().file, "t.txt");
  EXPECT_NE(r.error().message().find("NUL"), std::string::npos);
  // The extension does not skip the check.
  auto v = DetectTranscriptFormat("t.vtt", content);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().ToString().rfind("t.vtt: byte 8: ", 0), 0u) << v.error().ToString();
}

TEST(TranscriptFormat, InvalidUtf8IsNamedByOffset) {
  // "caf" then a lead byte 0xC3 followed by '(' (not a continuation byte) at offset 9.
  const std::string content = "Peer: caf\xC3(\nSpecialist: ok\n";
  auto r = DetectTranscriptFormat("t.txt", content);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(r.error().location().byte_offset, std::optional<std::size_t>(9));
  // ReadTranscript reports the same, counted in the file (the BOM included).
  const Error e = ReadError("t.csv", "\xEF\xBB\xBF" "speaker,text\npeer,\xFF\n");
  EXPECT_EQ(e.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(e.location().byte_offset, std::optional<std::size_t>(3 + 13 + 5));
}

// --- plain -----------------------------------------------------------------------------

TEST(Plain, TurnsContinuationLinesAndBlankLines) {
  const auto sessions = Read("s1.txt",
                             "Peer: I had a rough week.\n"
                             "It started Monday.\n"
                             "\n"
                             "Specialist: What happened on Monday?\n"
                             "\n"
                             "Peer: My sister called.\n");
  ASSERT_EQ(sessions.size(), 1u);
  const Session& s = sessions[0];
  EXPECT_EQ(s.source, "s1.txt");
  EXPECT_EQ(s.format, TranscriptFormat::kPlain);
  EXPECT_EQ(s.line, 1u);
  EXPECT_EQ(s.id, "");
  EXPECT_TURNS(s, P("I had a rough week. It started Monday."), S("What happened on Monday?"),
               P("My sister called."));
}

TEST(Plain, NamesAreCaseInsensitiveAndTrimmed) {
  const auto sessions = Read("s.txt", "  PEER :  hi there  \nspecialist:hello\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("hi there"), S("hello"));
}

TEST(Plain, ConfiguredNames) {
  TranscriptOptions options;
  options.specialist_names = {"Coach", " Dr. Ana "};
  options.peer_names = {"Sam Lee", "José"};
  const auto sessions = Read("s.txt",
                             "coach: How was the week?\n"
                             "SAM LEE: Long.\n"
                             "Dr. Ana: Long how?\n"
                             "JOSÉ: I'm here too.\n",
                             options);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], S("How was the week?"), P("Long."), S("Long how?"),
               P("I'm here too."));
  // With names configured, the default names are no longer speakers.
  const Error e = ReadError("s.txt", "Coach: hi\nSpecialist: hello\n", options);
  EXPECT_EQ(e.ToString(), "s.txt:2: unknown speaker 'Specialist' (use --specialist or --peer)");
}

TEST(Plain, MarkdownBoldAndBracketForms) {
  const auto sessions = Read("s.md",
                             "**Peer:** I can't sleep.\n"
                             "**Specialist**: Since when?\n"
                             "[Peer] Since the move.\n"
                             "[Specialist]: That's a big change.\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("I can't sleep."), S("Since when?"), P("Since the move."),
               S("That's a big change."));
}

TEST(Plain, LabelsTimesAndUrlsContinueTheTurn) {
  const auto sessions = Read("s.txt",
                             "Peer: I called them.\n"
                             "Note: she paused here.\n"
                             "Specialist: Let's meet at\n"
                             "10:30: the usual room.\n"
                             "https://example.org: has the form.\n"
                             "[laughs] okay\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("I called them. Note: she paused here."),
               S("Let's meet at 10:30: the usual room. https://example.org: has the form. "
                 "[laughs] okay"));
}

TEST(Plain, CrlfAndLoneCrLineEnds) {
  const auto crlf = Read("s.txt", "Peer: a\r\nb\r\n\r\nSpecialist: c\r\n");
  ASSERT_EQ(crlf.size(), 1u);
  EXPECT_TURNS(crlf[0], P("a b"), S("c"));
  const auto cr = Read("s.txt", "Peer: a\rb\rSpecialist: c\r");
  ASSERT_EQ(cr.size(), 1u);
  EXPECT_TURNS(cr[0], P("a b"), S("c"));
}

TEST(Plain, ByteOrderMarkIsSkipped) {
  const auto sessions = Read("s.txt", "\xEF\xBB\xBFPeer: hi\nSpecialist: hello\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kPlain);
  EXPECT_EQ(sessions[0].line, 1u);
  EXPECT_TURNS(sessions[0], P("hi"), S("hello"));
}

TEST(Plain, CurlyApostrophesInTextAndNames) {
  TranscriptOptions options;
  options.peer_names = {"Pat O’Brien"};
  const auto sessions = Read("s.txt",
                             "Pat O’Brien: I don’t know what “okay” means.\n"
                             "Specialist: That’s fair.\n",
                             options);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("I don’t know what “okay” means."), S("That’s fair."));
}

TEST(Plain, SessionStartsAtItsFirstTurn) {
  const auto sessions = Read("s.txt", "\n\n  \nSpecialist: hello\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].line, 4u);
}

TEST(Plain, UnknownSpeakerIsNamedWithItsLine) {
  const Error e = ReadError("s1.txt", "Peer: hi\n\nDana: hello\n");
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.location().line, 3u);
  EXPECT_EQ(e.message(), "unknown speaker 'Dana' (use --specialist or --peer)");
  EXPECT_EQ(e.ToString(), "s1.txt:3: unknown speaker 'Dana' (use --specialist or --peer)");
  // Up to three words, with . ' -
  EXPECT_EQ(ReadError("s.txt", "Peer: hi\nMary-Jo St. Clair: hey\n").message(),
            "unknown speaker 'Mary-Jo St. Clair' (use --specialist or --peer)");
  // Four words is a sentence, not a name: a continuation line.
  const auto four = Read("s.txt", "Peer: hi\nAnd then she said: no\n");
  ASSERT_EQ(four.size(), 1u);
  EXPECT_TURNS(four[0], P("hi And then she said: no"));
}

TEST(Plain, TextBeforeTheFirstSpeakerIsAnError) {
  const Error e = ReadError("s.txt", "\nSession 4, Tuesday\nPeer: hi\n");
  EXPECT_EQ(e.location().line, 2u);
  EXPECT_NE(e.message().find("before the first speaker"), std::string::npos) << e.message();
}

TEST(Plain, NameOnBothSidesIsAnError) {
  TranscriptOptions options;
  options.specialist_names = {"Alex"};
  options.peer_names = {"alex"};
  const Error e = ReadError("s.txt", "Alex: hi\n", options);
  EXPECT_EQ(e.message(), "'Alex' names both the specialist and the peer");
}

// --- notes -----------------------------------------------------------------------------

TEST(Notes, WholeTextIsOneSpecialistTurn) {
  const auto sessions = Read("note.txt",
                             "\n"
                             "Met with J. today about housing.\n"
                             "We went through the form.\n"
                             "\n"
                             "\n"
                             "Next check-in: Thursday.\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kNotes);
  EXPECT_EQ(sessions[0].line, 2u);
  EXPECT_TURNS(sessions[0],
               S("Met with J. today about housing. We went through the form.\n\n"
                 "Next check-in: Thursday."));
}

TEST(Notes, EmptyOrBlankFileHasNoTurns) {
  for (std::string_view content : {"", "  \n\t\r\n", "\xEF\xBB\xBF"}) {
    const Error e = ReadError("e.txt", content);
    EXPECT_EQ(e.message(), "no turns");
    EXPECT_EQ(e.ToString(), "e.txt: no turns");
  }
  EXPECT_EQ(ReadError("e.jsonl", "\n\n").message(), "no turns");
  EXPECT_EQ(ReadError("e.csv", "speaker,text\n").message(), "no turns");
  EXPECT_EQ(ReadError("e.vtt", "WEBVTT\n\nNOTE nothing yet\n").message(), "no turns");
  // A speaker line with nothing said.
  EXPECT_EQ(ReadError("e.txt", "Peer:\n").message(), "no turns");
}

// --- WebVTT ----------------------------------------------------------------------------

constexpr std::string_view kVtt =
    "WEBVTT\n"                                                  // 1
    "Kind: captions\n"                                          // 2
    "\n"                                                        // 3
    "NOTE recorded in group\n"                                  // 4
    "\n"                                                        // 5
    "STYLE\n"                                                   // 6
    "::cue { color: yellow }\n"                                 // 7
    "\n"                                                        // 8
    "intro\n"                                                   // 9
    "00:00:01.000 --> 00:00:04.000\n"                           // 10
    "<v Peer>I keep <i>thinking</i> about it.</v>\n"            // 11
    "\n"                                                        // 12
    "00:00:04.500 --> 00:00:06.000\n"                           // 13
    "<v Peer>Every night.</v>\n"                                // 14
    "\n"                                                        // 15
    "00:00:07.000 --> 00:00:09.000 align:start\n"               // 16
    "<v.soft Specialist>What comes up at night?</v>\n"          // 17
    "\n"                                                        // 18
    "00:00:10.000 --> 00:00:12.000\n"                           // 19
    "Peer: Mostly the call &amp; what she said &lt;again&gt;.\n";  // 20

TEST(WebVtt, VoiceTagsPrefixesAndJoinedCues) {
  const auto sessions = Read("g.vtt", kVtt);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kWebVtt);
  EXPECT_EQ(sessions[0].line, 11u);
  EXPECT_TURNS(sessions[0], P("I keep thinking about it. Every night."),
               S("What comes up at night?"), P("Mostly the call & what she said <again>."));
}

TEST(WebVtt, SeveralVoicesInOneCue) {
  const auto sessions = Read("g.vtt",
                             "WEBVTT\n\n"
                             "00:00:01.000 --> 00:00:03.000\n"
                             "<v Peer>Yes.</v>\n"
                             "<v Specialist>Okay.</v>\n"
                             "Go on.\n");
  ASSERT_EQ(sessions.size(), 1u);
  // "Go on." has no tag: the Specialist's voice holds to the end of the cue.
  EXPECT_TURNS(sessions[0], P("Yes."), S("Okay. Go on."));
}

TEST(WebVtt, CueWithoutSpeakerContinuesThePreviousTurn) {
  const auto sessions = Read("g.vtt",
                             "WEBVTT\r\n\r\n"
                             "00:00:01.000 --> 00:00:02.000\r\n"
                             "Specialist: How are you?\r\n\r\n"
                             "00:00:02.000 --> 00:00:03.000\r\n"
                             "I mean today.\r\n\r\n"
                             "00:00:03.000 --> 00:00:04.000\r\n"
                             "Peer: Tired.\r\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], S("How are you? I mean today."), P("Tired."));
}

TEST(WebVtt, CueWithoutSpeakerBeforeAnyIsAnError) {
  const Error e = ReadError("g.vtt",
                            "WEBVTT\n\n"
                            "00:00:01.000 --> 00:00:02.000\n"
                            "Hello there.\n\n"
                            "00:00:02.000 --> 00:00:03.000\n"
                            "<v Peer>hi</v>\n");
  EXPECT_EQ(e.location().line, 4u);
  EXPECT_EQ(e.location().file, "g.vtt");
}

TEST(WebVtt, CaptionsWithNoSpeakersAtAllAreAnError) {
  const Error e = ReadError("g.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n");
  EXPECT_EQ(e.location().line, 4u);
  EXPECT_NE(e.message().find("no speakers"), std::string::npos) << e.message();
}

TEST(WebVtt, UnknownVoiceOrPrefixIsAnError) {
  EXPECT_EQ(ReadError("g.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>hi</v>\n")
                .ToString(),
            "g.vtt:4: unknown speaker 'Dana' (use --specialist or --peer)");
  EXPECT_EQ(ReadError("g.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana: hi\n")
                .ToString(),
            "g.vtt:5: unknown speaker 'Dana' (use --specialist or --peer)");
}

TEST(WebVtt, ConfiguredVoiceNames) {
  TranscriptOptions options;
  options.specialist_names = {"Coach"};
  options.peer_names = {"Rae"};
  const auto sessions = Read("g.vtt",
                             "WEBVTT\n\n"
                             "00:00:01.000 --> 00:00:02.000\n<v Rae>hi</v>\n\n"
                             "00:00:02.000 --> 00:00:03.000\n<v coach>hello</v>\n",
                             options);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("hi"), S("hello"));
}

TEST(WebVtt, MissingHeaderIsAnError) {
  const Error e = ReadError("g.vtt", "00:00:01.000 --> 00:00:02.000\nPeer: hi\n");
  EXPECT_EQ(e.location().line, 1u);
}

// --- SRT -------------------------------------------------------------------------------

constexpr std::string_view kSrt =
    "1\n"
    "00:00:00,000 --> 00:00:02,000\n"
    "Peer: My landlord sent a notice.\n"
    "\n"
    "2\n"
    "00:00:02,500 --> 00:00:05,000\n"
    "Peer: I’m two months behind.\n"
    "<i>(sighs)</i>\n"
    "\n"
    "3\n"
    "00:00:05,000 --> 00:00:07,000\n"
    "Specialist: That sounds stressful.\n"
    "What does the notice say?\n";

TEST(Srt, CuesPrefixesAndJoinedTurns) {
  const auto sessions = Read("h.srt", kSrt);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kSrt);
  EXPECT_EQ(sessions[0].line, 3u);
  EXPECT_TURNS(sessions[0], P("My landlord sent a notice. I’m two months behind. (sighs)"),
               S("That sounds stressful. What does the notice say?"));
}

TEST(Srt, DetectedByContentWithCrlfAndBom) {
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : kSrt) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const auto sessions = Read("h.txt", crlf);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kSrt);
  EXPECT_TURNS(sessions[0], P("My landlord sent a notice. I’m two months behind. (sighs)"),
               S("That sounds stressful. What does the notice say?"));
}

TEST(Srt, DialogueDashesAndVoiceTags) {
  const auto sessions = Read("h.srt",
                             "1\n00:00:00,000 --> 00:00:02,000\n"
                             "- Peer: Hi.\n"
                             "- Specialist: Hello.\n\n"
                             "2\n00:00:02,000 --> 00:00:04,000\n"
                             "<v Peer>Bye.</v>\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("Hi."), S("Hello."), P("Bye."));
}

TEST(Srt, UnknownSpeakerIsNamedWithItsLine) {
  const Error e = ReadError("h.srt", "1\n00:00:00,000 --> 00:00:02,000\nPeer: hi\n\n"
                                     "2\n00:00:02,000 --> 00:00:04,000\nCounselor Dana: hi\n");
  EXPECT_EQ(e.ToString(), "h.srt:7: unknown speaker 'Counselor Dana' (use --specialist or --peer)");
}

// --- JSON Lines ------------------------------------------------------------------------

TEST(Jsonl, OneSessionPerLineInTheGoldFormat) {
  const auto sessions = Read(
      "r.jsonl",
      R"({"id":"t1","turns":[{"speaker":"peer","text":"a"},)"
      R"({"speaker":"Specialist","text":"b’s"}],)"
      R"("dominating":true,"labels_per_specialist_turn":[["directive"]]})"
      "\n\n"
      R"({"id":"t2","setting":"youth","turns":[{"speaker":"PEER","text":"c"}]})"
      "\n");
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].id, "t1");
  EXPECT_EQ(sessions[0].line, 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kJsonl);
  EXPECT_EQ(sessions[0].source, "r.jsonl");
  EXPECT_TURNS(sessions[0], P("a"), S("b’s"));
  EXPECT_EQ(sessions[1].id, "t2");
  EXPECT_EQ(sessions[1].line, 3u);
  EXPECT_TURNS(sessions[1], P("c"));
}

TEST(Jsonl, DetectedByContentAndConfiguredNames) {
  TranscriptOptions options;
  options.specialist_names = {"Coach"};
  const auto sessions = Read(
      "r.txt",
      R"({"id":"x","turns":[{"speaker":"coach","text":"a"},{"speaker":"specialist","text":"b"}]})",
      options);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kJsonl);
  EXPECT_TURNS(sessions[0], S("a"), S("b"));
}

TEST(Jsonl, MalformedLineIsNamedByNumber) {
  const Error e = ReadError("r.jsonl",
                            R"({"id":"t1","turns":[{"speaker":"peer","text":"a"}]})"
                            "\n\n"
                            R"({"id":"t2","turns":[)"
                            "\n");
  EXPECT_EQ(e.location().line, 3u);
  EXPECT_EQ(e.message().rfind("malformed JSON", 0), 0u) << e.message();
}

TEST(Jsonl, NumberTooLargeForADoubleIsAMalformedLine) {
  const Error e = ReadError("r.jsonl", R"({"id":"t1","n":1e999,"turns":[]})" "\n");
  EXPECT_EQ(e.location().line, 1u);
  EXPECT_EQ(e.message(), "malformed JSON: a number out of range");
}

TEST(Jsonl, BadRecordsAreNamedByLine) {
  EXPECT_EQ(ReadError("r.jsonl", R"({"id":"t","turns":[{"speaker":"peer","text":"a"},)"
                                 R"({"speaker":"Dana","text":"b"}]})")
                .ToString(),
            "r.jsonl:1: turn 2: unknown speaker 'Dana' (use --specialist or --peer)");
  EXPECT_EQ(ReadError("r.jsonl", "[1,2]\n").message(), "a record must be a JSON object");
  EXPECT_EQ(ReadError("r.jsonl", R"({"id":"t","turns":[]})").message(),
            "\"turns\" is not a non-empty list");
  EXPECT_EQ(ReadError("r.jsonl", R"({"id":"t","turns":[{"speaker":"peer"}]})").message(),
            "missing \"text\"");
  EXPECT_EQ(ReadError("r.jsonl", R"({"id":7,"turns":[{"speaker":"peer","text":"a"}]})").message(),
            "\"id\" is not a string");
  const Error dup = ReadError("r.jsonl",
                              R"({"id":"t","turns":[{"speaker":"peer","text":"a"}]})"
                              "\n"
                              R"({"id":"t","turns":[{"speaker":"peer","text":"a"}]})");
  EXPECT_EQ(dup.location().line, 2u);
  EXPECT_EQ(dup.message(), "duplicate id \"t\"");
}

// --- CSV -------------------------------------------------------------------------------

constexpr std::string_view kCsv =
    "Session,Speaker,Text\n"                      // 1
    "s1,peer,\"I moved, finally.\"\n"             // 2
    "s2,specialist,\"She said \"\"wait\"\".\"\n"  // 3
    "s1,Specialist,\"How is the\n"                // 4
    "new place?\"\n"                              // 5
    "\n"                                          // 6
    "s2,peer,ok\n";                               // 7

TEST(Csv, SessionsInOrderOfFirstAppearance) {
  TranscriptOptions options;
  options.session_column = "session";
  const auto sessions = Read("c.csv", kCsv, options);
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].id, "s1");
  EXPECT_EQ(sessions[0].line, 2u);
  EXPECT_EQ(sessions[0].format, TranscriptFormat::kCsv);
  EXPECT_TURNS(sessions[0], P("I moved, finally."), S("How is the\nnew place?"));
  EXPECT_EQ(sessions[1].id, "s2");
  EXPECT_EQ(sessions[1].line, 3u);
  EXPECT_TURNS(sessions[1], S("She said \"wait\"."), P("ok"));
}

TEST(Csv, OneSessionWithoutASessionColumn) {
  // A column named "session" would group rows by default: call it something else.
  std::string csv(kCsv);
  csv.replace(0, 7, "Sitting");
  const auto sessions = Read("c.csv", csv);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].id, "");
  EXPECT_TURNS(sessions[0], P("I moved, finally."), S("She said \"wait\"."),
               S("How is the\nnew place?"), P("ok"));
}

TEST(Csv, AColumnNamedSessionGroupsRowsByDefault) {
  const auto sessions = Read("c.csv", kCsv);
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].id, "s1");
  EXPECT_EQ(sessions[1].id, "s2");
}

TEST(Csv, CrlfBomAndLineNumbersAfterQuotedLineBreaks) {
  const std::string csv =
      "\xEF\xBB\xBFspeaker,text\r\n"
      "peer,\"two\r\nlines\"\r\n"
      "Dana,hi\r\n";
  const Error e = ReadError("c.csv", csv);
  EXPECT_EQ(e.ToString(), "c.csv:4: unknown speaker 'Dana' (use --specialist or --peer)");
  const auto sessions = Read("c.csv", "\xEF\xBB\xBFspeaker,text\r\npeer,\"two\r\nlines\"\r\n");
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("two\nlines"));
}

TEST(Csv, ConfiguredColumnsAndNames) {
  TranscriptOptions options;
  options.text_column = "Utterance";
  options.speaker_column = "ROLE";
  options.specialist_names = {"Coach"};
  options.peer_names = {"Rae"};
  const auto sessions = Read("c.csv",
                             "id,role,utterance\n"
                             "1,Rae,I’m okay\n"
                             "2,coach,\"Okay, how so?\"\n"
                             "3,peer,fine\n",
                             options);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_TURNS(sessions[0], P("I’m okay"), S("Okay, how so?"), P("fine"));
}

TEST(Csv, MissingColumnNamesTheColumns) {
  EXPECT_EQ(ReadError("c.csv", "who, text\nA,hi\n").ToString(),
            "c.csv:1: missing column 'speaker' (columns: who, text)");
  // A text column alone is not a conversation.
  EXPECT_EQ(ReadError("c.csv", "text\nhello\n").message(),
            "missing column 'speaker' (columns: text)");
  TranscriptOptions options;
  options.session_column = "conversation";
  EXPECT_EQ(ReadError("c.csv", "speaker,text\npeer,hi\n", options).message(),
            "missing column 'conversation' (columns: speaker, text)");
  options = {};
  options.text_column = "utterance";
  EXPECT_EQ(ReadError("c.csv", "speaker,text\npeer,hi\n", options).message(),
            "missing column 'utterance' (columns: speaker, text)");
}

TEST(Csv, BadRows) {
  EXPECT_EQ(ReadError("c.csv", "speaker,text\npeer,\"open\nstill open\n").ToString(),
            "c.csv:2: unterminated quoted field");
  EXPECT_EQ(ReadError("c.csv", "speaker,text\n,orphan text\n").ToString(),
            "c.csv:2: a row with text but no speaker");
}

// --- the sample transcripts ------------------------------------------------------------

TEST(Samples, EveryFormatInCorporaTranscripts) {
  {
    const auto s = Read("recovery-t01.txt", ReadSample("recovery-t01.txt"));
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].format, TranscriptFormat::kPlain);
    ASSERT_EQ(s[0].turns.size(), 9u);
    EXPECT_EQ(s[0].turns[1].text,
              "Sixty days is real, even if it feels flat right now. What does a day look like "
              "for you at the moment?");
    EXPECT_EQ(s[0].turns[8].speaker, Speaker::kPeer);
  }
  {
    const auto s = Read("grief-t03.vtt", ReadSample("grief-t03.vtt"));
    ASSERT_EQ(s.size(), 1u);
    ASSERT_EQ(s[0].turns.size(), 11u);
    EXPECT_EQ(s[0].turns[1].text, "He was with you through so much. What was he like?");
    EXPECT_EQ(s[0].turns[10].text,
              "Maybe. I think the first time I want to go alone though. Just me and him, sort of.");
  }
  {
    const auto s = Read("housing-t10.srt", ReadSample("housing-t10.srt"));
    ASSERT_EQ(s.size(), 1u);
    ASSERT_GE(s[0].turns.size(), 4u);
    EXPECT_EQ(s[0].format, TranscriptFormat::kSrt);
    EXPECT_EQ(s[0].turns[0].text,
              "My landlord served me an eviction notice. I'm two months behind.");
    EXPECT_EQ(s[0].turns[2].text, "I don't really know how to file an answer.");
    EXPECT_EQ(s[0].turns[3].speaker, Speaker::kSpecialist);
  }
  {
    TranscriptOptions options;
    options.session_column = "session";
    const auto s = Read("cohort-sessions.csv", ReadSample("cohort-sessions.csv"), options);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].id, "t07");
    EXPECT_EQ(s[0].turns.size(), 11u);
    EXPECT_EQ(s[1].id, "t21");
    EXPECT_EQ(s[1].turns.size(), 9u);
  }
  {
    const auto s = Read("roleplays.jsonl", ReadSample("roleplays.jsonl"));
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].id, "t12");
    EXPECT_EQ(s[1].id, "t27");
    EXPECT_EQ(s[1].line, 2u);
  }
  {
    const auto s = Read("note-housing-followup.txt", ReadSample("note-housing-followup.txt"));
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].format, TranscriptFormat::kNotes);
    ASSERT_EQ(s[0].turns.size(), 1u);
    EXPECT_EQ(s[0].turns[0].text.rfind("Met with J. today at the center", 0), 0u);
  }
}

// --- internal helpers ------------------------------------------------------------------

TEST(TranscriptLines, SplitsEveryLineEnd) {
  const auto lines = transcript_internal::SplitLines("a\r\nb\rc\n\nd");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_EQ(lines[1].text, "b");
  EXPECT_EQ(lines[2].text, "c");
  EXPECT_EQ(lines[3].text, "");
  EXPECT_EQ(lines[4].text, "d");
  EXPECT_EQ(lines[4].number, 5u);
  EXPECT_EQ(transcript_internal::SplitLines("a\n").size(), 1u);
}

TEST(TranscriptLines, SpeakerPrefixShapes) {
  using transcript_internal::SplitSpeakerPrefix;
  const auto dana = SplitSpeakerPrefix("Dana: hi");
  ASSERT_TRUE(dana.has_value());
  EXPECT_EQ(dana->name, "Dana");
  EXPECT_EQ(dana->rest, "hi");
  EXPECT_TRUE(dana->looks_like_speaker);
  EXPECT_FALSE(SplitSpeakerPrefix("Note: later")->looks_like_speaker);
  EXPECT_FALSE(SplitSpeakerPrefix("10:30 we met")->looks_like_speaker);
  EXPECT_FALSE(SplitSpeakerPrefix("one two three four: x")->looks_like_speaker);
  EXPECT_FALSE(SplitSpeakerPrefix("[Dana] hi")->looks_like_speaker);
  EXPECT_TRUE(SplitSpeakerPrefix("**Dana:** hi")->looks_like_speaker);
  EXPECT_FALSE(SplitSpeakerPrefix("no colon here").has_value());
}

}  // namespace
}  // namespace peercoach
