// Training for the sentence model (see peercoach/train.h and detectors/sentence_model.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>

#include "detectors/sentence_model.h"
#include "peercoach/train.h"
#include "segmentation/document.h"

namespace peercoach {
namespace {

// One sentence: its features as indices into the feature table, and per category
// 1 (shows it), 0 (does not) or -1 (unknown: a labelled response without evidence).
struct Example {
  std::vector<std::size_t> features;
  std::map<Category, int> label;
  bool mutual = false;                    // from a response with no label
  std::optional<Category> hard_negative;  // from a near miss of this category
};

bool Overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  return b1 < e2 && b2 < e1;
}

}  // namespace

Result<std::string> TrainSentenceModels(const TrainingData& data, const TrainOptions& options) {
  auto segmenter = segmentation::Segmenter::Create();
  if (!segmenter.ok()) return segmenter.error();

  std::vector<std::string> names;  // feature index -> name, in first-seen order
  std::unordered_map<std::string, std::size_t> index;
  std::vector<Example> examples;
  // Adds each sentence of `text`; `label(begin, end)` gives its labels from its original
  // offsets.
  const auto add_text = [&](const std::string& text, const auto& label,
                            std::string_view peer = {}) -> Result<bool> {
    segmentation::Document doc;
    if (auto s = segmenter.value()->Build(text, true, doc); !s.ok()) return s.error();
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
      const segmentation::Sentence& s = doc.sentences[i];
      Example ex;
      for (std::string& f : detectors::SentenceFeatures(detectors::WindowAt(doc, i, peer))) {
        auto [it, inserted] = index.try_emplace(f, names.size());
        if (inserted) names.push_back(std::move(f));
        ex.features.push_back(it->second);
      }
      label(s.orig_begin, s.orig_end, ex);
      examples.push_back(std::move(ex));
    }
    return true;
  };
  const auto shows_in = [](const std::string& text, const std::vector<std::string>& spans,
                           std::size_t begin, std::size_t end) {
    for (const std::string& e : spans) {
      const std::size_t at = text.find(e);
      if (at != std::string::npos && Overlaps(at, at + e.size(), begin, end)) return 1;
    }
    return 0;
  };

  for (const GoldResponse& r : data.responses) {
    const auto label = [&](std::size_t begin, std::size_t end, Example& ex) {
      ex.mutual = r.labels.empty();
      ex.hard_negative = r.hard_negative;
      for (Category c : options.categories) {
        const bool labelled = std::find(r.labels.begin(), r.labels.end(), c) != r.labels.end();
        auto ev = r.evidence.find(c);
        if (!labelled) {
          ex.label[c] = 0;
        } else if (ev == r.evidence.end() || ev->second.empty()) {
          ex.label[c] = -1;
        } else {
          ex.label[c] = shows_in(r.text, ev->second, begin, end);
        }
      }
    };
    // A response with the peer's words is learned both with and without them: a pasted
    // response or another corpus may give none, and the model must not lean on them.
    for (std::string_view peer : {std::string_view(r.context), std::string_view()}) {
      if (auto added = add_text(r.text, label, peer); !added.ok()) return added.error();
      if (r.context.empty()) break;
    }
  }
  for (const std::string& text : data.mutual_texts) {
    auto added = add_text(text, [&](std::size_t, std::size_t, Example& ex) {
      ex.mutual = true;
      for (Category c : options.categories) ex.label[c] = 0;
    });
    if (!added.ok()) return added.error();
  }
  for (const CategoryExample& e : data.category_examples) {
    auto added = add_text(e.text, [&](std::size_t begin, std::size_t end, Example& ex) {
      // A flag example shows its rule's category and, as written, no other: without it as
      // a negative, the boundary model read "if i was u id just leave" as boundary. A
      // pass example may show another category ("Listen to me." passes directive), so
      // it says nothing about the others.
      for (Category c : options.categories) ex.label[c] = e.shows ? 0 : -1;
      if (!e.shows) {
        ex.label[e.category] = 0;
      } else {
        ex.label[e.category] =
            e.match.empty() ? 1 : shows_in(e.text, {e.match}, begin, end);
      }
    });
    if (!added.ok()) return added.error();
  }

  std::string out = fmt::format(
      "# The sentence model of the sentence-model detector, written by `peercoach rules "
      "train`\n# from {} responses, {} of the coach's rewrites and {} rule examples ({} "
      "sentences).\n# Retrain rather than edit: see rules/README.md.\n",
      data.responses.size(), data.mutual_texts.size(), data.category_examples.size(),
      examples.size());
  for (Category c : options.categories) {
    std::vector<std::size_t> order;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < examples.size(); ++i) {
      const int y = examples[i].label.at(c);
      if (y < 0) continue;
      order.push_back(i);
      positives += static_cast<std::size_t>(y);
    }
    // Positives are rare: weigh them up so the model does not learn to say no.
    const double positive_weight =
        positives == 0 ? 1.0
                       : std::min(options.max_positive_weight,
                                  static_cast<double>(order.size() - positives) /
                                      static_cast<double>(positives));
    // The average of several runs over differently shuffled orders: one run's weights
    // swing with the order its examples came in, so a small change to the corpus or the
    // rule examples would move the figures by chance.
    std::vector<double> w(names.size(), 0.0);
    double bias = 0;
    for (int run = 0; run < options.runs; ++run) {
      std::vector<double> run_w(names.size(), 0.0);
      double run_bias = 0;
      // A fixed seed per run and a hand-written shuffle: the same gold gives the same
      // model on every standard library.
      std::mt19937_64 rng(static_cast<std::uint64_t>(run) + 1);
      for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) {
          std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
        }
        for (std::size_t i : order) {
          const Example& ex = examples[i];
          double z = run_bias;
          for (std::size_t f : ex.features) z += run_w[f];
          const double p = 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
          const int y = ex.label.at(c);
          double weight = 1.0;
          if (y == 1) {
            weight = positive_weight;
          } else if (ex.hard_negative == c) {
            weight = options.hard_negative_weight;
          } else if (ex.mutual) {
            weight = options.mutual_weight;
          }
          const double g = (p - y) * weight;
          for (std::size_t f : ex.features) {
            run_w[f] -= options.learning_rate * (g + options.l2 * run_w[f]);
          }
          run_bias -= options.learning_rate * g;
        }
      }
      for (std::size_t f = 0; f < names.size(); ++f) w[f] += run_w[f] / options.runs;
      bias += run_bias / options.runs;
    }
    std::map<std::string_view, double> kept;  // sorted, so the file is stable
    for (std::size_t f = 0; f < names.size(); ++f) {
      if (std::abs(w[f]) >= options.min_weight) kept.emplace(names[f], w[f]);
    }
    const std::string_view id = CategoryId(c);
    out += fmt::format("{}\t@bias\t{:.4f}\n", id, bias);
    for (const auto& [name, weight] : kept) {
      out += fmt::format("{}\t{}\t{:.4f}\n", id, name, weight);
    }
  }
  return out;
}

}  // namespace peercoach
