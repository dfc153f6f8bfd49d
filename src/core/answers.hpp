// A person's answers: typed, checked against their question, and portable as JSON or as a
// compact string for share links (see docs/decisions/0003-share-links.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "logic/value.hpp"

namespace shisaku {

// Why a share string was refused; the UI words each in the user's language.
enum class ShareError { None, Malformed, Corrupted, Outdated, InvalidAnswer };

class Answers {
 public:
  explicit Answers(const Catalog& catalog);

  // Checks `value` against the question and stores it; on refusal returns why and keeps the
  // previous answer.
  std::optional<std::string> set(const std::string& question_id, const nlohmann::json& value);
  std::optional<std::string> set(int slot, const nlohmann::json& value);
  // Back to unanswered.
  void clear(int slot);
  // "わからない": stays unknown and is not asked again.
  void skip(int slot);
  void reset();

  bool answered(int slot) const { return values_[static_cast<std::size_t>(slot)].has_value(); }
  bool skipped(int slot) const { return skipped_[static_cast<std::size_t>(slot)]; }
  // The answer, or nullptr.
  const logic::Value* value(int slot) const;
  std::size_t answered_count() const;
  const Catalog& catalog() const { return *catalog_; }

  // {"rules_version": …, "answers": {id: value}, "skipped": [id…]}
  nlohmann::json to_json() const;
  // Accepts that form or a bare {id: value} object. Unknown ids and bad values are refused
  // with a message naming them; nothing is half-applied.
  static std::optional<Answers> from_json(const Catalog& catalog, const nlohmann::json& j, std::string& error);

  std::string to_share_string() const;
  static std::optional<Answers> from_share_string(const Catalog& catalog, const std::string& s, ShareError& why,
                                                  std::string& detail);

  // The answer in words, e.g. "中核市", "はい", "0.45".
  std::string describe(int slot, Lang lang) const;

 private:
  const Catalog* catalog_;
  std::vector<std::optional<logic::Value>> values_;  // by question slot
  std::vector<bool> skipped_;
};

// A share code around encoded entries: format version, rules fingerprint, the entries, CRC-32,
// all in base64url. Public for the decoder's fuzzer, which mutates entries past the checksum.
std::string frame_share_code(const Catalog& catalog, const std::vector<std::uint8_t>& entries);

// Checks a JSON value against a question; on success fills `out`.
std::optional<std::string> check_answer(const Question& q, const nlohmann::json& value, logic::Value& out);

}  // namespace shisaku
