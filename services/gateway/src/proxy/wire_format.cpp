#include "proxy/wire_format.h"

namespace gateway {

namespace {

void append_fields(std::string& out, const Fields& fields) {
  for (const auto& field : fields) append_field(out, field.name_string(), field.value());
}

void append_version(std::string& out, unsigned version) {
  const char text[] = {'H', 'T',
                       'T', 'P',
                       '/', static_cast<char>('0' + version / 10),
                       '.', static_cast<char>('0' + version % 10)};
  out.append(text, sizeof text);
}

}  // namespace

void append_start_and_fields(std::string& out, const RequestHeader& header) {
  out.append(header.method_string());
  out.append(" ");
  out.append(header.target());
  out.append(" ");
  append_version(out, header.version());
  out.append("\r\n");
  append_fields(out, header);
}

void append_start_and_fields(std::string& out, const ResponseHeader& header) {
  append_version(out, header.version());
  const unsigned status = header.result_int();
  const char code[] = {' ', static_cast<char>('0' + status / 100 % 10),
                       static_cast<char>('0' + status / 10 % 10),
                       static_cast<char>('0' + status % 10), ' '};
  out.append(code, sizeof code);
  out.append(header.reason());
  out.append("\r\n");
  append_fields(out, header);
}

}  // namespace gateway
