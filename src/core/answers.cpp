#include "answers.hpp"

#include <cmath>
#include <cstring>
#include <set>

#include "json_text.hpp"

namespace shisaku {
namespace {

std::string describe_expected(const Question& q) {
  switch (q.type) {
    case QuestionType::Boolean:
      return "true or false";
    case QuestionType::Number: {
      std::string s = "a number";
      if (q.has_min && q.has_max) s += " from " + logic::number_to_string(q.min) + " to " + logic::number_to_string(q.max);
      return s;
    }
    case QuestionType::Single:
    case QuestionType::Multi: {
      std::string s = q.type == QuestionType::Single ? "one of " : "an array of ";
      for (std::size_t i = 0; i < q.options.size(); ++i) s += (i ? ", " : "") + q.options[i].value;
      return s;
    }
  }
  return {};
}

// ---- base64url and CRC-32 for share strings ---------------------------------------------

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(const std::vector<std::uint8_t>& in) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    std::uint32_t v = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += kB64[(v >> k) & 63];
  }
  if (i + 1 == in.size()) {
    std::uint32_t v = in[i] << 16;
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
  } else if (i + 2 == in.size()) {
    std::uint32_t v = (in[i] << 16) | (in[i + 1] << 8);
    out += kB64[(v >> 18) & 63];
    out += kB64[(v >> 12) & 63];
    out += kB64[(v >> 6) & 63];
  }
  return out;
}

bool unbase64url(const std::string& s, std::vector<std::uint8_t>& out) {
  std::uint32_t acc = 0;
  int bits = 0;
  for (char ch : s) {
    const char* p = std::strchr(kB64, ch);
    if (!p || ch == '\0') return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  // The bits left over must be zero: otherwise two codes would decode to the same bytes, and a
  // changed last character would go unnoticed by the checksum.
  return s.size() % 4 != 1 && (acc & ((1u << bits) - 1)) == 0;
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t n) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    c ^= data[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

bool get_varint(const std::vector<std::uint8_t>& in, std::size_t& pos, std::size_t end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= end) return false;
    std::uint8_t b = in[pos++];
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

constexpr std::uint8_t kShareVersion = 1;

}  // namespace

std::optional<std::string> check_answer(const Question& q, const nlohmann::json& value, logic::Value& out) {
  auto refuse = [&](const std::string& got) {
    return std::optional<std::string>("\"" + q.id + "\" takes " + describe_expected(q) + ", got " + got);
  };
  std::string got = json_text(value);
  if (got.size() > 80) got = got.substr(0, 77) + "...";
  switch (q.type) {
    case QuestionType::Boolean:
      if (!value.is_boolean()) return refuse(got);
      out = logic::Value(value.get<bool>());
      return std::nullopt;
    case QuestionType::Single:
      if (!value.is_string() || !q.option(value.get<std::string>())) return refuse(got);
      out = q.option(value.get<std::string>())->interned;
      return std::nullopt;
    case QuestionType::Multi: {
      if (!value.is_array()) return refuse(got);
      std::set<std::string> seen;
      logic::Array items;
      for (const auto& e : value) {
        if (!e.is_string() || !q.option(e.get<std::string>())) return refuse(got);
        if (!seen.insert(e.get<std::string>()).second) return refuse(got + " (repeated option)");
      }
      // Stored in declared option order, so equal answers compare equal.
      for (const auto& o : q.options)
        if (seen.count(o.value)) items.push_back(o.interned);
      out = logic::Value(std::move(items));
      return std::nullopt;
    }
    case QuestionType::Number: {
      if (!value.is_number()) return refuse(got);
      double d = value.get<double>();
      if (!std::isfinite(d)) return refuse(got);
      if ((q.has_min && d < q.min) || (q.has_max && d > q.max)) return refuse(got + " (out of range)");
      if (q.integer && d != std::floor(d)) return refuse(got + " (must be a whole number)");
      out = logic::Value(d == 0 ? 0.0 : d);  // no -0
      return std::nullopt;
    }
  }
  return refuse(got);
}

Answers::Answers(const Catalog& catalog)
    : catalog_(&catalog), values_(catalog.questions.size()), skipped_(catalog.questions.size(), false) {}

std::optional<std::string> Answers::set(const std::string& question_id, const nlohmann::json& value) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  return set(q->slot, value);
}

std::optional<std::string> Answers::set(int slot, const nlohmann::json& value) {
  if (!catalog_->is_question_slot(slot)) return std::string("there is no such question");
  logic::Value v;
  if (auto err = check_answer(catalog_->questions[static_cast<std::size_t>(slot)], value, v)) return err;
  values_[static_cast<std::size_t>(slot)] = std::move(v);
  skipped_[static_cast<std::size_t>(slot)] = false;
  return std::nullopt;
}

void Answers::clear(int slot) {
  if (!catalog_->is_question_slot(slot)) return;
  values_[static_cast<std::size_t>(slot)].reset();
  skipped_[static_cast<std::size_t>(slot)] = false;
}

void Answers::skip(int slot) {
  if (!catalog_->is_question_slot(slot)) return;
  values_[static_cast<std::size_t>(slot)].reset();
  skipped_[static_cast<std::size_t>(slot)] = true;
}

void Answers::reset() {
  for (auto& v : values_) v.reset();
  std::fill(skipped_.begin(), skipped_.end(), false);
}

const logic::Value* Answers::value(int slot) const {
  if (!catalog_->is_question_slot(slot)) return nullptr;
  const auto& v = values_[static_cast<std::size_t>(slot)];
  return v ? &*v : nullptr;
}

std::size_t Answers::answered_count() const {
  std::size_t n = 0;
  for (const auto& v : values_) n += v.has_value();
  return n;
}

nlohmann::json Answers::to_json() const {
  nlohmann::json answers = nlohmann::json::object();
  nlohmann::json skipped = nlohmann::json::array();
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (values_[i]) answers[catalog_->questions[i].id] = values_[i]->to_json();
    if (skipped_[i]) skipped.push_back(catalog_->questions[i].id);
  }
  return {{"rules_version", catalog_->meta.rules_version + "+" + catalog_->fingerprint}, {"answers", answers}, {"skipped", skipped}};
}

std::optional<Answers> Answers::from_json(const Catalog& catalog, const nlohmann::json& j, std::string& error) {
  if (!j.is_object()) {
    error = "answers must be a JSON object of question id → value";
    return std::nullopt;
  }
  const nlohmann::json* answers = &j;
  const nlohmann::json* skipped = nullptr;
  auto it = j.find("answers");
  if (it != j.end()) {
    if (!it->is_object()) {
      error = "\"answers\" must be an object of question id → value";
      return std::nullopt;
    }
    answers = &*it;
    auto sk = j.find("skipped");
    if (sk != j.end()) skipped = &*sk;
    for (auto k = j.begin(); k != j.end(); ++k)
      if (k.key() != "answers" && k.key() != "skipped" && k.key() != "rules_version") {
        error = "unknown field \"" + k.key() + "\" (expected answers, skipped, rules_version)";
        return std::nullopt;
      }
  }
  Answers out(catalog);
  for (auto k = answers->begin(); k != answers->end(); ++k) {
    if (k.value().is_null()) continue;  // null = unanswered
    if (auto err = out.set(k.key(), k.value())) {
      error = *err;
      return std::nullopt;
    }
  }
  if (skipped) {
    if (!skipped->is_array()) {
      error = "\"skipped\" must be an array of question ids";
      return std::nullopt;
    }
    for (const auto& s : *skipped) {
      const Question* q = s.is_string() ? catalog.question(s.get<std::string>()) : nullptr;
      if (!q) {
        error = "\"skipped\" names no question: " + json_text(s);
        return std::nullopt;
      }
      if (out.answered(q->slot)) {
        error = "\"" + q->id + "\" is both answered and skipped";
        return std::nullopt;
      }
      out.skip(q->slot);
    }
  }
  return out;
}

// Layout: version, 4 bytes of the rules fingerprint, then per entry varint(slot*2+skipped) and
// the value (bool: 1 byte; single: varint option; multi: varint bit mask; number: tag 0 +
// zigzag varint for integers, tag 1 + 8 bytes IEEE-754 otherwise), then CRC-32 of all before.
std::string frame_share_code(const Catalog& catalog, const std::vector<std::uint8_t>& entries) {
  std::vector<std::uint8_t> out;
  out.push_back(kShareVersion);
  std::uint32_t fp = static_cast<std::uint32_t>(std::strtoul(catalog.fingerprint.c_str(), nullptr, 16));
  for (int k = 3; k >= 0; --k) out.push_back(static_cast<std::uint8_t>(fp >> (8 * k)));
  out.insert(out.end(), entries.begin(), entries.end());
  std::uint32_t crc = crc32(out.data(), out.size());
  for (int k = 3; k >= 0; --k) out.push_back(static_cast<std::uint8_t>(crc >> (8 * k)));
  return base64url(out);
}

std::string Answers::to_share_string() const {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (!values_[i] && !skipped_[i]) continue;
    put_varint(out, i * 2 + (skipped_[i] ? 1 : 0));
    if (skipped_[i]) continue;
    const Question& q = catalog_->questions[i];
    const logic::Value& v = *values_[i];
    switch (q.type) {
      case QuestionType::Boolean:
        out.push_back(v.as_bool() ? 1 : 0);
        break;
      case QuestionType::Single:
        put_varint(out, static_cast<std::uint64_t>(q.option_index(v.as_string())));
        break;
      case QuestionType::Multi: {
        std::uint64_t mask = 0;
        for (const auto& e : v.as_array()) mask |= 1ULL << q.option_index(e.as_string());
        put_varint(out, mask);
        break;
      }
      case QuestionType::Number: {
        double d = v.as_number();
        if (d == std::floor(d) && std::fabs(d) < 9e15) {
          auto n = static_cast<std::int64_t>(d);
          out.push_back(0);
          put_varint(out, (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
        } else {
          out.push_back(1);
          std::uint64_t bits;
          std::memcpy(&bits, &d, 8);
          for (int k = 0; k < 8; ++k) out.push_back(static_cast<std::uint8_t>(bits >> (8 * k)));
        }
        break;
      }
    }
  }
  return frame_share_code(*catalog_, out);
}

std::optional<Answers> Answers::from_share_string(const Catalog& catalog, const std::string& s, ShareError& why,
                                                  std::string& detail) {
  why = ShareError::None;
  std::vector<std::uint8_t> bytes;
  if (s.empty() || s.size() > 4096 || !unbase64url(s, bytes) || bytes.size() < 9) {
    why = ShareError::Malformed;
    detail = "not a share code (wrong characters or length)";
    return std::nullopt;
  }
  std::size_t end = bytes.size() - 4;
  std::uint32_t stored = 0;
  for (std::size_t k = 0; k < 4; ++k) stored = (stored << 8) | bytes[end + k];
  if (crc32(bytes.data(), end) != stored) {
    why = ShareError::Corrupted;
    detail = "checksum mismatch: the link was changed or cut";
    return std::nullopt;
  }
  if (bytes[0] != kShareVersion) {
    why = ShareError::Outdated;
    detail = "share format version " + std::to_string(bytes[0]) + " is not supported";
    return std::nullopt;
  }
  std::uint32_t fp = 0;
  for (std::size_t k = 1; k <= 4; ++k) fp = (fp << 8) | bytes[k];
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", fp);
  if (catalog.fingerprint != hex) {
    why = ShareError::Outdated;
    detail = std::string("made with rules ") + hex + ", current rules are " + catalog.fingerprint;
    return std::nullopt;
  }
  Answers out(catalog);
  std::size_t pos = 5;
  auto invalid = [&](const std::string& msg) {
    why = ShareError::InvalidAnswer;
    detail = msg;
    return std::nullopt;
  };
  while (pos < end) {
    std::uint64_t key;
    if (!get_varint(bytes, pos, end, key)) return invalid("truncated entry");
    std::uint64_t slot = key / 2;
    if (slot >= catalog.questions.size()) return invalid("unknown question number " + std::to_string(slot));
    const Question& q = catalog.questions[slot];
    if (out.answered(q.slot) || out.skipped(q.slot)) return invalid("\"" + q.id + "\" appears twice");
    if (key & 1) {
      out.skip(q.slot);
      continue;
    }
    nlohmann::json value;
    switch (q.type) {
      case QuestionType::Boolean:
        if (pos >= end || bytes[pos] > 1) return invalid("bad yes/no value for \"" + q.id + "\"");
        value = bytes[pos++] == 1;
        break;
      case QuestionType::Single: {
        std::uint64_t idx;
        if (!get_varint(bytes, pos, end, idx) || idx >= q.options.size()) return invalid("bad option for \"" + q.id + "\"");
        value = q.options[idx].value;
        break;
      }
      case QuestionType::Multi: {
        std::uint64_t mask;
        if (!get_varint(bytes, pos, end, mask)) return invalid("bad options for \"" + q.id + "\"");
        value = nlohmann::json::array();
        for (std::size_t k = 0; k < 64; ++k) {
          if (!(mask & (1ULL << k))) continue;
          if (k >= q.options.size()) return invalid("bad options for \"" + q.id + "\"");
          value.push_back(q.options[k].value);
        }
        break;
      }
      case QuestionType::Number: {
        if (pos >= end) return invalid("bad number for \"" + q.id + "\"");
        std::uint8_t tag = bytes[pos++];
        if (tag == 0) {
          std::uint64_t z;
          if (!get_varint(bytes, pos, end, z)) return invalid("bad number for \"" + q.id + "\"");
          auto n = static_cast<std::int64_t>((z >> 1) ^ (0 - (z & 1)));
          value = static_cast<double>(n);
        } else if (tag == 1 && pos + 8 <= end) {
          std::uint64_t bits = 0;
          for (int k = 0; k < 8; ++k) bits |= static_cast<std::uint64_t>(bytes[pos + k]) << (8 * k);
          pos += 8;
          double d;
          std::memcpy(&d, &bits, 8);
          value = d;
        } else {
          return invalid("bad number for \"" + q.id + "\"");
        }
        break;
      }
    }
    if (auto err = out.set(q.slot, value)) return invalid(*err);
  }
  return out;
}

std::string Answers::describe(int slot, Lang lang) const {
  const logic::Value* v = value(slot);
  if (!v) return skipped(slot) ? (lang == Lang::Ja ? "わからない" : "Don't know") : "";
  const Question& q = catalog_->questions[static_cast<std::size_t>(slot)];
  switch (q.type) {
    case QuestionType::Boolean:
      return v->as_bool() ? (lang == Lang::Ja ? "はい" : "Yes") : (lang == Lang::Ja ? "いいえ" : "No");
    case QuestionType::Single:
      return q.option(v->as_string())->label.in(lang);
    case QuestionType::Multi: {
      std::string s;
      for (const auto& e : v->as_array()) s += (s.empty() ? "" : (lang == Lang::Ja ? "、" : ", ")) + q.option(e.as_string())->label.in(lang);
      return s.empty() ? (lang == Lang::Ja ? "（なし）" : "(none)") : s;
    }
    case QuestionType::Number: {
      std::string s = logic::number_to_string(v->as_number());
      auto u = catalog_->meta.units.find(q.unit);
      if (u != catalog_->meta.units.end() && !u->second.in(lang).empty()) s += (lang == Lang::En ? " " : "") + u->second.in(lang);
      return s;
    }
  }
  return {};
}

}  // namespace shisaku
