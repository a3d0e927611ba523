#include "dns/dns_message.h"

#include <arpa/inet.h>

namespace gateway::dns {
namespace {

constexpr std::uint16_t kClassInternet = 1;
constexpr std::uint16_t kTypeOpt = 41;
constexpr std::uint16_t kEdnsPayload = 1232;  // the DNS flag day 2020 recommendation

void put16(std::string& out, std::uint16_t value) {
  out.push_back(static_cast<char>(value >> 8));
  out.push_back(static_cast<char>(value & 0xff));
}

// A bounds-checked reader over the message.
class Reader {
 public:
  explicit Reader(std::string_view message) : message_(message) {}

  bool u16(std::uint16_t& value) {
    if (position_ + 2 > message_.size()) return false;
    value = static_cast<std::uint16_t>((byte(position_) << 8) | byte(position_ + 1));
    position_ += 2;
    return true;
  }
  bool u32(std::uint32_t& value) {
    std::uint16_t high = 0;
    std::uint16_t low = 0;
    if (!u16(high) || !u16(low)) return false;
    value = (static_cast<std::uint32_t>(high) << 16) | low;
    return true;
  }
  bool bytes(std::size_t count, std::string_view& out) {
    if (position_ + count > message_.size()) return false;
    out = message_.substr(position_, count);
    position_ += count;
    return true;
  }
  // Skips a possibly compressed name: labels end at a zero byte or at a
  // two-byte pointer, which is not followed here (the owner name does not
  // matter for what we read).
  bool skip_name() {
    for (int labels = 0; labels < 128; ++labels) {
      if (position_ >= message_.size()) return false;
      const auto length = byte(position_);
      if ((length & 0xc0) == 0xc0) {
        if (position_ + 2 > message_.size()) return false;
        position_ += 2;
        return true;
      }
      if ((length & 0xc0) != 0) return false;  // reserved label types
      position_ += 1 + length;
      if (length == 0) return true;
    }
    return false;
  }

 private:
  unsigned byte(std::size_t at) const { return static_cast<unsigned char>(message_[at]); }

  std::string_view message_;
  std::size_t position_ = 0;
};

std::optional<std::string> to_text(std::string_view raw, RecordType type) {
  char text[INET6_ADDRSTRLEN] = {};
  const int family = type == RecordType::a ? AF_INET : AF_INET6;
  if (::inet_ntop(family, raw.data(), text, sizeof text) == nullptr) return std::nullopt;
  return std::string(text);
}

}  // namespace

std::optional<std::string> encode_query(std::uint16_t id, std::string_view name, RecordType type) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.empty() || name.size() > 253) return std::nullopt;
  std::string out;
  put16(out, id);
  put16(out, 0x0100);  // a standard query, recursion desired
  put16(out, 1);       // one question
  put16(out, 0);
  put16(out, 0);
  put16(out, 1);  // one additional record: the EDNS0 OPT
  while (!name.empty()) {
    const auto dot = name.find('.');
    const auto label = name.substr(0, dot);
    if (label.empty() || label.size() > 63) return std::nullopt;
    out.push_back(static_cast<char>(label.size()));
    out.append(label);
    name.remove_prefix(dot == std::string_view::npos ? name.size() : dot + 1);
  }
  out.push_back('\0');
  put16(out, static_cast<std::uint16_t>(type));
  put16(out, kClassInternet);
  out.push_back('\0');  // OPT: root owner name
  put16(out, kTypeOpt);
  put16(out, kEdnsPayload);
  put16(out, 0);  // extended RCODE and version
  put16(out, 0);  // flags
  put16(out, 0);  // no options
  return out;
}

Answer decode_response(std::string_view message, std::uint16_t id, RecordType type) {
  Answer answer;
  Reader reader(message);
  std::uint16_t got_id = 0;
  std::uint16_t flags = 0;
  std::uint16_t questions = 0;
  std::uint16_t answers = 0;
  std::uint16_t authorities = 0;
  std::uint16_t additionals = 0;
  if (!reader.u16(got_id) || !reader.u16(flags) || !reader.u16(questions) || !reader.u16(answers) ||
      !reader.u16(authorities) || !reader.u16(additionals)) {
    return answer;
  }
  const bool is_response = (flags & 0x8000) != 0;
  if (got_id != id || !is_response) return answer;
  if ((flags & 0x0200) != 0) {
    answer.status = Answer::Status::truncated;
    return answer;
  }
  switch (flags & 0x000f) {
    case 0:
      break;
    case 3:
      answer.status = Answer::Status::no_such_name;
      return answer;
    default:
      answer.status = Answer::Status::server_failure;
      return answer;
  }
  for (std::uint16_t i = 0; i < questions; ++i) {
    std::uint16_t ignored = 0;
    if (!reader.skip_name() || !reader.u16(ignored) || !reader.u16(ignored)) return answer;
  }
  for (std::uint16_t i = 0; i < answers; ++i) {
    std::uint16_t record_type = 0;
    std::uint16_t record_class = 0;
    std::uint32_t ttl = 0;
    std::uint16_t length = 0;
    std::string_view data;
    if (!reader.skip_name() || !reader.u16(record_type) || !reader.u16(record_class) ||
        !reader.u32(ttl) || !reader.u16(length) || !reader.bytes(length, data)) {
      answer.addresses.clear();
      return answer;
    }
    const std::size_t expected = type == RecordType::a ? 4 : 16;
    if (record_type != static_cast<std::uint16_t>(type) || record_class != kClassInternet ||
        data.size() != expected) {
      continue;  // a CNAME of the chain, or something we did not ask for
    }
    if (auto ip = to_text(data, type)) answer.addresses.push_back({std::move(*ip), ttl});
  }
  answer.status = Answer::Status::ok;
  return answer;
}

std::optional<std::vector<Address>> addresses_of(std::span<const Answer> answers) {
  bool conclusive = false;
  std::vector<Address> addresses;
  for (const auto& answer : answers) {
    if (answer.status == Answer::Status::truncated) return std::nullopt;
    if (answer.status == Answer::Status::ok || answer.status == Answer::Status::no_such_name) {
      conclusive = true;
    }
    addresses.insert(addresses.end(), answer.addresses.begin(), answer.addresses.end());
  }
  if (!conclusive) return std::nullopt;
  return addresses;
}

}  // namespace gateway::dns
