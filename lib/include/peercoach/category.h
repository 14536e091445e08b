// peercoach/category.h: the categories of ../shared/TAXONOMY.md and the strengths.
//
// Category ids are stable strings ("directive", "open-question"): they appear in rule
// files, output, corpora and reports.
//
//   auto c = peercoach::ParseCategory("comparing");   // Category::kComparing
//   peercoach::CategoryId(*c);                        // "comparing"
#ifndef PEERCOACH_CATEGORY_H_
#define PEERCOACH_CATEGORY_H_

#include <optional>
#include <span>
#include <string_view>

namespace peercoach {

enum class Category {
  // Patterns that break mutuality (findings).
  kDirective,
  kOversharing,
  kComparing,
  kAssumption,
  kHierarchy,
  kBoundary,
  // What was done well (strengths).
  kOpenQuestion,
  kValidation,
  kRelatableDisclosure,
  kHope,
};

// Returns the stable id, e.g. "relatable-disclosure".
std::string_view CategoryId(Category category);
// Returns the category for a stable id, or nullopt.
std::optional<Category> ParseCategory(std::string_view id);
// True for the four strengths, false for the six finding categories.
bool IsStrength(Category category);
// Returns the principle of mutuality a category is about, one sentence from TAXONOMY.md.
std::string_view CategoryPrinciple(Category category);
// Returns every category, findings first, in TAXONOMY.md order.
std::span<const Category> AllCategories();

enum class Severity { kInfo, kWarning, kError };

std::string_view SeverityName(Severity severity);  // "info", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

}  // namespace peercoach

#endif  // PEERCOACH_CATEGORY_H_
