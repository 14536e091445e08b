// rewrite/template.h: rewrite templates over a match's captures.
//
//   "Some people find it helpful to {action}."  + {action: "call your sponsor"}
//     → "Some people find it helpful to call your sponsor."
//   "{action|gerund}" → "calling your sponsor"
#ifndef PEERCOACH_REWRITE_TEMPLATE_H_
#define PEERCOACH_REWRITE_TEMPLATE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peercoach::rewrite {

struct Placeholder {
  std::string name;
  std::string filter;  // "", "gerund", "lower", "cap", "uncap" or "first"
};

// Returns the placeholders of `tmpl`, or an error message ("unclosed {").
std::optional<std::string> ParsePlaceholders(std::string_view tmpl, std::vector<Placeholder>& out);

// True for a filter the template language knows.
bool IsKnownFilter(std::string_view filter);

// Names every template may use whatever the pattern: match, sentence, before, after,
// remainder (the clause after the flagged words, when a comma, semicolon, colon or dash sets
// it apart and it does not begin with a conjunction: "Trust me, it gets easier" → "it
// gets easier"; "I know more, so hear me out" → none), own (the first other clause of
// the sentence in the speaker's own voice: "I lost my mom too, so I know exactly how you
// feel" → "I lost my mom too"), and whole (the sentence without its end punctuation).
bool IsBuiltinCapture(std::string_view name);

// Fills `tmpl`; `lookup` returns a capture's text or nullopt when it did not participate,
// in which case the template does not apply and nullopt is returned.
std::optional<std::string> FillTemplate(
    std::string_view tmpl,
    const std::function<std::optional<std::string>(std::string_view)>& lookup);

// The first sentence of `text`, with its end punctuation ("I lost everything. Then ..." ->
// "I lost everything."); the whole text when it has no sentence end.
std::string FirstSentence(std::string_view text);

// Lower-cases the first letter unless the word is "I" (or I'm, I've) or an acronym.
std::string Uncap(std::string_view s);

// True when `s` opens with the peer as its subject ("You're scared", "ur ashamed", "Your
// mind is made up") and has no colon: such a sentence reads as a guess after "I wonder
// if" (the `peer` filter); "But let's be real, it's pride" or "Here's what's going on:
// ..." does not.
bool OpensWithPeerSubject(std::string_view s);

// Turns the first verb of a verb phrase into its -ing form: "go to a meeting" → "going to
// a meeting", "stop drinking" → "stopping drinking", "be honest" → "being honest".
std::string Gerund(std::string_view phrase);

}  // namespace peercoach::rewrite

#endif  // PEERCOACH_REWRITE_TEMPLATE_H_
