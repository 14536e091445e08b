#include "peercoach/category.h"

#include <array>

#include "peercoach/rule.h"

namespace peercoach {
namespace {

struct CategoryInfo {
  Category category;
  std::string_view id;
  std::string_view principle;
};

constexpr std::array<CategoryInfo, 10> kCategories = {{
    {Category::kDirective, "directive",
     "Mutuality means guiding, not instructing: peers explore their own solutions."},
    {Category::kOversharing, "oversharing",
     "Lived experience is shared briefly, intentionally and for the peer; peers should not "
     "feel responsible for the speaker's emotions."},
    {Category::kComparing, "comparing",
     "Struggles are not ranked: the peer's experience stands on its own."},
    {Category::kAssumption, "assumption",
     "Everyone's recovery is unique: what worked for the speaker may not be right for the "
     "peer."},
    {Category::kHierarchy, "hierarchy",
     "Peer support is given as an equal, not as an expert or instructor."},
    {Category::kBoundary, "boundary",
     "Mutuality does not mean becoming friends outside of peer work."},
    {Category::kOpenQuestion, "open-question",
     "An open question invites the peer's own experience and solutions."},
    {Category::kValidation, "validation",
     "Naming that the peer's experience makes sense builds trust between equals."},
    {Category::kRelatableDisclosure, "relatable-disclosure",
     "A brief disclosure that turns back to the peer builds connection and keeps the peer "
     "at the centre."},
    {Category::kHope, "hope", "Lived experience can show that recovery is possible."},
}};

constexpr std::array<Category, 10> kAll = {
    Category::kDirective,    Category::kOversharing, Category::kComparing,
    Category::kAssumption,   Category::kHierarchy,   Category::kBoundary,
    Category::kOpenQuestion, Category::kValidation,  Category::kRelatableDisclosure,
    Category::kHope};

}  // namespace

std::string_view CategoryId(Category category) {
  return kCategories[static_cast<std::size_t>(category)].id;
}

std::optional<Category> ParseCategory(std::string_view id) {
  for (const auto& info : kCategories) {
    if (info.id == id) return info.category;
  }
  return std::nullopt;
}

bool IsStrength(Category category) {
  return static_cast<int>(category) >= static_cast<int>(Category::kOpenQuestion);
}

std::string_view CategoryPrinciple(Category category) {
  return kCategories[static_cast<std::size_t>(category)].principle;
}

std::span<const Category> AllCategories() { return kAll; }

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::string_view ConditionName(Condition condition) {
  switch (condition) {
    case Condition::kQuestion: return "question";
    case Condition::kNegated: return "negated";
    case Condition::kQuoted: return "quoted";
    case Condition::kReported: return "reported";
    case Condition::kFirstPersonSubject: return "first-person-subject";
  }
  return "question";
}

}  // namespace peercoach
