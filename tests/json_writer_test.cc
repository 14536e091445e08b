// The JSON writer behind `check --format jsonl` must write the bytes nlohmann's dump
// wrote before it: the check output is byte-compared across versions and runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/json_writer.h"

namespace peercoach::report {
namespace {

std::string Written(std::string_view s) {
  std::string out;
  JsonWriter(out).String(s);
  return out;
}

std::string Nlohmann(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonWriter, StringsAreEscapedAsNlohmannDoes) {
  std::vector<std::string> cases = {
      "",
      "plain words",
      "quote \" backslash \\ slash /",
      "tab\tnewline\ncarriage\rbackspace\bformfeed\f",
      "delete \x7f stays",
      "curly \xe2\x80\x9cquotes\xe2\x80\x9d and \xe2\x80\x99 and emoji \xf0\x9f\x98\x80",
      "zero width \xe2\x80\x8b and right-to-left \xe2\x80\x8f",
  };
  for (int c = 0; c < 0x20; ++c) cases.push_back(std::string("ctl ") + static_cast<char>(c) + " end");
  // Ill-formed UTF-8 (only present under --replace-invalid): a lone continuation byte, an
  // overlong slash, a surrogate, a truncated four-byte sequence, a lone lead byte at the end.
  cases.push_back("lone \x80 byte");
  cases.push_back("overlong \xc0\xaf slash");
  cases.push_back("surrogate \xed\xa0\x80 here");
  cases.push_back("truncated \xf0\x9f end");
  cases.push_back("ends in a lead byte \xc3");
  for (const std::string& s : cases) EXPECT_EQ(Written(s), Nlohmann(s)) << s;
}

TEST(JsonWriter, CommasAndNestingByHand) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a").BeginArray().Int(1).Bool(true).Null().BeginObject().Key("b").String("x").EndObject();
  w.EndArray();
  w.Key("c").Int(-2).Key("d").Uint(18446744073709551615u);
  w.Key("e").BeginArray().EndArray().Key("f").BeginObject().EndObject();
  w.EndObject();
  EXPECT_EQ(out, R"({"a":[1,true,null,{"b":"x"}],"c":-2,"d":18446744073709551615,"e":[],"f":{}})");
}

}  // namespace
}  // namespace peercoach::report
